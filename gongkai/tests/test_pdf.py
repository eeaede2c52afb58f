import io

from pypdf import PdfReader

from gongkai.pdf import html_to_pdf, render_pdf


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_chinese_text_survives_into_the_pdf():
    pdf = html_to_pdf("<p>政府信息公开工作年度报告</p>")
    assert pdf.startswith(b"%PDF")
    assert "政府信息公开工作年度报告" in _text(pdf)


def test_the_cjk_font_is_embedded():
    reader = PdfReader(io.BytesIO(html_to_pdf("<p>依申请公开</p>")))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in name for name in fonts), fonts


def test_templates_extend_the_shared_pdf_layout(tmp_path, settings):
    (tmp_path / "letter.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>{{ heading }}</h1>{% endblock %}',
        encoding="utf-8",
    )
    # Assigned, not mutated in place: only an assignment resets Django's template engines
    # (an engine built by an earlier test would not see the new folder) and is undone after.
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}, *settings.TEMPLATES[1:]]
    assert "告知书" in _text(render_pdf("letter.html", {"heading": "告知书"}))
