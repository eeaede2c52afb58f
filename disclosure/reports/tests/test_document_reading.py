"""Reading a report's text out of the files offices publish: a PDF's wrapped lines are read as
the sentences they are; a Word file that inflates past the limits is refused unread."""

import io
import zipfile

import pytest
from weasyprint import HTML

from disclosure.reports.files.report_text import DocumentError, docx_text, pdf_text, prose
from disclosure.reports.rules.prose import _statements

PARAGRAPH = (
    "2023年，友谊县友谊镇人民政府在县政务公开办的指导下认真做好依申请公开工作，"
    "全年共新收政府信息公开申请36件，上年结转0件，办理结果如下。"
)


def new_applications_in(text, year):
    """The 新收 counts R6 reads in `text` as the year's."""
    statements = _statements(text, year)
    return [number for quantity, number, _ in statements if quantity.key == "new"]


def pdf_of(tmp_path, html, width_mm):
    path = tmp_path / f"report-{width_mm}.pdf"
    HTML(
        string=f'<html><body style="font-family: Noto Sans CJK SC; font-size: 12pt; '
        f'width: {width_mm}mm">{html}</body></html>'
    ).write_pdf(path)
    return path


@pytest.mark.parametrize("width_mm", range(60, 140, 8))
def test_a_sentence_wrapped_at_any_width_is_read_whole(tmp_path, width_mm):
    text = prose(pdf_text(pdf_of(tmp_path, f"<p>{PARAGRAPH}</p>", width_mm)))
    assert "全年共新收政府信息公开申请36件" in text.splitlines()[0]
    assert new_applications_in(text, 2023) == [36]


@pytest.mark.parametrize("width_mm", [60, 100])
def test_headings_and_paragraphs_stay_apart(tmp_path, width_mm):
    html = f"<p>一、总体情况</p><p>{PARAGRAPH}</p><p>二、主动公开政府信息情况</p><p>见下表。</p>"
    lines = [line for line in pdf_text(pdf_of(tmp_path, html, width_mm)).splitlines() if line]
    assert lines[0] == "一、总体情况"
    assert lines[1].startswith("2023年") and lines[1].endswith("办理结果如下。")
    assert lines[2:] == ["二、主动公开政府信息情况", "见下表。"]


def test_a_year_split_from_its_clause_stays_last_years(tmp_path):
    html = "<p>2022年，全镇共收到政府信息公开申请130件，" + PARAGRAPH[5:] + "</p>"
    text = prose(pdf_text(pdf_of(tmp_path, html, 40)))
    assert new_applications_in(text, 2023) == [36]


def test_a_word_file_that_inflates_past_the_limits_is_refused_unread(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:t>" + b"0" * (200 * 1024 * 1024) + b"</w:t>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(data.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentError, match="解压后过大"):
        docx_text(path)


@pytest.mark.parametrize("kept", [0.5, 0.9, -10])
def test_a_truncated_pdf_is_one_chinese_error_and_nothing_on_stderr(tmp_path, capfd, kept):
    """pypdf logs "EOF marker not found" (English, on stderr through logging's last resort)
    before it fails: the user gets one Chinese error saying the file is incomplete, and the
    command prints that line alone."""
    from disclosure.reports.files.report_text import read_document
    from disclosure.reports.management.commands.check_annual_report import Command
    from disclosure.reports.tests.checking import workbook_file

    data = pdf_of(tmp_path, f"<p>{PARAGRAPH}</p>", 100).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * kept)] if kept > 0 else data[:kept])
    with pytest.raises(DocumentError, match="不完整") as refused:
        read_document(path)
    assert "EOF" not in str(refused.value)
    assert capfd.readouterr().err == ""
    argv = ["manage.py", "check_annual_report", str(workbook_file(tmp_path)), "--text", str(path)]
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(argv)
    assert exited.value.code == 1
    assert capfd.readouterr().err.splitlines() == [f"错误：{refused.value}"]
