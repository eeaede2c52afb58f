"""import_annual_report reads a report as text, Word or PDF, checks the year and organisation of
its title, and lists what it could not place."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from disclosure.catalogue.models import Organisation
from disclosure.reports.files import importer
from disclosure.reports.models import AnnualReportPage
from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db

SEED = (Path(__file__).parents[1] / "data" / "youyi-2022.txt").read_text(encoding="utf-8")
ORGANISATION = "某县东湖镇人民政府"
TITLE = f"{ORGANISATION}2023年政府信息公开工作年度报告"


def import_file(path, organisation=ORGANISATION, year=2023):
    from io import StringIO

    out = StringIO()
    call_command(
        "import_annual_report",
        str(path),
        "--organisation",
        organisation,
        "--year",
        str(year),
        stdout=out,
    )
    return out.getvalue()


@pytest.fixture
def exported(client, tmp_path):
    """A report downloaded as Word and as PDF, then removed so that it can be imported again."""

    def download(kind):
        index = make_index(name=ORGANISATION)
        page = make_report(index, 2023)
        page.title = TITLE
        publish_fixture(page)
        response = client.get(page.url + f"{kind}/")
        assert response.status_code == 200
        path = tmp_path / f"report.{kind}"
        path.write_bytes(response.content)
        page.delete()
        return index, path

    return download


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_our_own_word_and_pdf_files_import_cell_for_cell(exported, kind):
    index, path = exported(kind)
    out = import_file(path)
    assert "所有单元格均已填写" in out and "未能放入" not in out
    page = AnnualReportPage.objects.child_of(index).get()
    assert page.table_values() == consistent_report()
    assert page.findings() == []  # R6 reads the imported text: it agrees with the tables
    text = page.text()
    assert "本年新收政府信息公开申请" in text and "3" in text
    assert "2023年度" not in text.replace(" ", "")  # the PDF's subtitle is not text
    for table_text in ("本年制发件数", "属于国家秘密", "结果维持", "表二收到和处理"):
        assert table_text not in text.replace(" ", "")  # the tables did not spill into the text


def test_the_title_must_name_the_year_being_imported(exported):
    _index, path = exported("docx")
    with pytest.raises(CommandError, match="是 2023 年度的，而导入的年度是 2022"):
        import_file(path, year=2022)


def test_the_title_must_name_the_organisation_being_imported(exported):
    _index, path = exported("docx")
    other = Organisation.objects.create(name="某县西湖镇人民政府")
    from disclosure.catalogue.models import DisclosureIndexPage
    from disclosure.reports.models import AnnualReportIndexPage

    home = DisclosureIndexPage.objects.get().get_parent()
    root = home.add_child(
        instance=DisclosureIndexPage(title="西湖镇信息公开", slug="xihu", organisation=other)
    )
    root.add_child(instance=AnnualReportIndexPage(title="年度报告", slug="reports"))
    with pytest.raises(CommandError, match="报告标题中的机构“某县东湖镇人民政府”不是“某县西湖镇"):
        import_file(path, organisation="某县西湖镇人民政府")


def test_the_short_name_of_the_organisation_is_accepted_in_the_title():
    organisation = Organisation(name="友谊县友谊镇人民政府", short_name="友谊镇")
    importer.check_title("友谊镇2022年政府信息公开工作年度报告", organisation, 2022)
    importer.check_title("友谊镇人民政府2022年政府信息公开工作年度报告", organisation, 2022)
    importer.check_title("2022年政府信息公开工作年度报告", organisation, 2022)


def test_what_could_not_be_placed_is_listed_and_bad_cells_stay_blank(tmp_path):
    index = make_index(name="友谊县友谊镇人民政府")
    text = SEED.replace("| 行政强制 | 0 |", "| 行政审批 | 4 |\n| 行政强制 | 三 |", 1)
    text = text.replace(
        "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n| 培训 | 3 |\n", 1
    )
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    out = import_file(path, organisation="友谊县友谊镇人民政府", year=2022)
    assert "有 2 行未能放入统计表" in out
    assert "“二、主动公开政府信息情况”中的表格行“行政审批 | 4”" in out
    assert "“五、存在的主要问题及改进情况”中的表格行“培训 | 3”" in out
    assert "读到“三”" in out  # listed with what was read…
    page = AnnualReportPage.objects.child_of(index).get()
    assert page.table_values()["table_a"]["enforcement"]["decisions"] is None  # …and left blank


def test_a_gbk_text_file_is_read(tmp_path):
    make_index(name="友谊县友谊镇人民政府")
    path = tmp_path / "seed-gbk.txt"
    path.write_bytes(SEED.encode("gb18030"))
    out = import_file(path, organisation="友谊县友谊镇人民政府", year=2022)
    assert "已建立草稿：友谊县友谊镇人民政府2022年政府信息公开工作年度报告" in out


def test_a_file_that_cannot_be_read_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"not a pdf")
    with pytest.raises(CommandError, match="无法读取文件"):
        import_file(path)


# ---------------------------------------------------------------- the year of the title
def seed_titled(tmp_path, title):
    """The seed report under another title (its first line)."""
    make_index(name="友谊县友谊镇人民政府")
    path = tmp_path / "seed.txt"
    path.write_text(SEED.replace(SEED.splitlines()[0], title, 1), encoding="utf-8")
    return path


def import_seed(path, year=None):
    from io import StringIO

    out = StringIO()
    arguments = [str(path), "--organisation", "友谊县友谊镇人民政府"]
    if year is not None:
        arguments += ["--year", str(year)]
    call_command("import_annual_report", *arguments, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "title",
    [
        "友谊县友谊镇人民政府二〇二二年政府信息公开工作年度报告",
        "友谊县友谊镇人民政府二零二二年度政府信息公开工作年度报告",
        "友谊县友谊镇人民政府２０２２年政府信息公开工作年度报告",
    ],
)
def test_a_year_in_chinese_numerals_or_full_width_is_checked(tmp_path, title):
    path = seed_titled(tmp_path, title)
    with pytest.raises(CommandError, match="是 2022 年度的，而导入的年度是 2023"):
        import_seed(path, 2023)
    assert not AnnualReportPage.objects.exists()
    out = import_seed(path, 2022)
    assert AnnualReportPage.objects.get().year == 2022 and "已建立草稿" in out


def test_the_year_comes_from_the_title_when_not_given(tmp_path):
    import_seed(seed_titled(tmp_path, "友谊县友谊镇人民政府二〇二二年政府信息公开工作年度报告"))
    page = AnnualReportPage.objects.get()
    assert (page.year, page.slug) == (2022, "2022")


def test_a_title_without_a_year_is_refused_and_nothing_is_saved(tmp_path):
    path = seed_titled(tmp_path, "友谊县友谊镇人民政府政府信息公开工作年度报告")
    for year in (2027, None):
        with pytest.raises(
            CommandError, match="报告标题“友谊县友谊镇人民政府政府信息公开工作年度报告”中找不到年度"
        ):
            import_seed(path, year)
    assert not AnnualReportPage.objects.exists()


def test_the_organisation_before_a_year_in_numerals_is_still_checked():
    organisation = Organisation(name="某县西湖镇人民政府")
    with pytest.raises(importer.ImportFormatError, match="机构“某县东湖镇人民政府”不是"):
        importer.check_title(
            "某县东湖镇人民政府二〇二二年政府信息公开工作年度报告", organisation, 2022
        )
    assert importer.check_title("二〇二二年政府信息公开工作年度报告", organisation, None) == 2022


@pytest.mark.parametrize("zero", ["○", "◯", "Ｏ", "O", "零"])
def test_a_title_whose_zero_is_a_look_alike_names_its_year(zero):
    """The re-try typed 二○二三 (U+25CB WHITE CIRCLE); the title's year is read all the same."""
    organisation = Organisation(name="某县西湖镇人民政府")
    title = f"某县西湖镇人民政府二{zero}二三年政府信息公开工作年度报告"
    assert importer.check_title(title, organisation, 2023) == 2023
    with pytest.raises(importer.ImportFormatError, match="是 2023 年度的，而导入的年度是 2024"):
        importer.check_title(title, organisation, 2024)


def test_full_width_digits_in_a_tables_row_are_read_as_in_its_prose():
    """A published report's text prints digits full-width as often as not: its prose is read so
    (R6), and so are its tables' rows, not refused cell by cell as R7 errors or left unplaced."""
    from disclosure.reports.files.importer import parse_report
    from disclosure.reports.files.report_text import _pdf_line

    text = SEED.replace("| 行政强制 | 0 |", "| 行政强制 | ３ |", 1).replace(
        "| 一、本年新收政府信息公开申请 数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 一、本年新收政府信息公开申请 数量 | | | １２ | 0 | 0 | 0 | 0 | 0 | １２ |",
        1,
    )
    parsed = parse_report(text)
    table_a = parsed.tables["table_a"][1]
    table_b = parsed.tables["table_b"][1]
    assert 3 in table_a["enforcement"].values()
    assert table_b["new"]["natural"] == 12 and table_b["new"]["total"] == 12
    assert parsed.unplaced == []
    assert _pdf_line("1.属于国家秘密 ０ ０ １ 0") == "| 1.属于国家秘密 | 0 | 0 | 1 | 0 |"
