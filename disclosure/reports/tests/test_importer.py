"""The importer on the seed report (blanks and all) and on texts it must refuse."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from disclosure.reports.files import importer
from disclosure.statutory import tables as t

SEED = (Path(__file__).parents[1] / "data" / "youyi-2022.txt").read_text(encoding="utf-8")


def test_seed_sections_and_title():
    parsed = importer.parse_report(SEED)
    assert parsed.title == "友谊县友谊镇人民政府2022年政府信息公开工作年度报告"
    assert sorted(parsed.sections) == ["1", "2", "3", "4", "5", "6"]
    assert parsed.sections["1"].startswith("本报告按照新修订的")
    assert "2022年12月31日" in parsed.sections["1"]
    assert "镇内及各社区共发布原创信息836条" in parsed.sections["1"]
    assert parsed.sections["6"] == "无其他需要报告的事项。"
    assert "|" not in "".join(parsed.sections.values())


def test_seed_tables_every_number_placed():
    parsed = importer.parse_report(SEED)
    a_format, table_a = parsed.tables["table_a"]
    b_format, table_b = parsed.tables["table_b"]
    assert a_format == t.FORMAT_2021 and b_format == t.FORMAT_2019  # the single （六） row
    assert table_a == {row: dict.fromkeys(cols, 0) for row, cols in table_a.items()}
    blanks = [(row, col) for row, cols in table_b.items() for col, v in cols.items() if v is None]
    assert blanks == [("carried_in", "natural"), ("unprocessed_excessive", "natural")]
    assert all(v == 0 for cols in table_b.values() for v in cols.values() if v is not None)
    assert set(parsed.tables["table_c"][1]["cases"].values()) == {0}


def test_seed_blanks_are_reported_as_missing():
    parsed = importer.parse_report(SEED)
    assert [(f.rule, f.row, f.column) for f in parsed.blanks] == [
        ("R7", "carried_in", "natural"),
        ("R7", "unprocessed_excessive", "natural"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("随便一段文字", "第一行应为报告标题"),
        ("某某 2022 年政府信息公开工作年度报告\n一、总体情况\n正文", "找不到年度报告的以下部分"),
        (
            SEED.replace("| 四、纟", "| 多余的行 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 四、纟"),
            "行数据",
        ),
        (SEED.replace("本年制发件数", "某某件数"), "主动公开情况表的表头"),
    ],
)
def test_other_layouts_fail_with_a_clear_message(text, message):
    with pytest.raises(importer.ImportFormatError, match=message):
        importer.parse_report(text)


@pytest.mark.django_db
def test_command_creates_a_draft_and_lists_the_blanks(tmp_path, capsys):
    from disclosure.reports.tests.factories import make_index

    index = make_index(name="友谊县友谊镇人民政府")
    path = tmp_path / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    call_command(
        "import_annual_report",
        str(path),
        "--organisation",
        "友谊县友谊镇人民政府",
        "--year",
        "2022",
    )
    out = capsys.readouterr().out
    assert "发现 2 个空白或无法读取的单元格" in out
    from disclosure.reports.models import AnnualReportPage

    page = AnnualReportPage.objects.child_of(index).get()
    assert not page.live and page.year == 2022
    assert [child.block_type for child in page.body] == [
        "section",
        "section",
        "table_a",
        "section",
        "table_b_2019",
        "section",
        "table_c",
        "section",
        "section",
    ]
    assert {f.rule for f in page.findings()} == {"R7"}  # the two blanks, nothing false
    with pytest.raises(CommandError, match="已有 2022 年度"):
        call_command(
            "import_annual_report",
            str(path),
            "--organisation",
            "友谊县友谊镇人民政府",
            "--year",
            "2022",
        )


def test_a_paragraph_cut_by_the_page_width_is_one_paragraph_again():
    sections = importer.parse_report(SEED).sections
    assert "友谊镇及时在友谊镇微平台和政务公开网站上" in sections["1"]
    assert "第一责任人,要负总责" in sections["5"]
    # Headings and enumerated points stay paragraphs of their own.
    assert "\n(二) 完善形式, 确保及时公开。\n" in sections["1"]


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        (["一、总体情况", "2022年，本镇……"], ["一、总体情况", "2022年，本镇……"]),
        (["各社区负责人是", "第一责任人。"], ["各社区负责人是第一责任人。"]),
        (["（一）主动公开情况", "本年共发布信息。"], ["（一）主动公开情况", "本年共发布信息。"]),
        (["要负总责，", "亲自抓。", "二是加强培训"], ["要负总责，亲自抓。", "二是加强培训"]),
    ],
)
def test_rejoining_keeps_headings_and_points_apart(lines, paragraphs):
    assert importer.rejoin_paragraphs(lines) == paragraphs
