"""The English page's Word and PDF downloads are built in the page's language, as the worker
builds them (outside any request): table names, headers, section headings and labels in English;
the office's own text (title, section prose, the organisation's name) as the page has it. The
links say which language the file is in."""

import re
from io import BytesIO

import pytest
from django.utils import translation
from docx import Document
from pypdf import PdfReader

from disclosure.reports.tasks import build_export
from disclosure.reports.tests.factories import SECTION_TEXT, make_index, make_report
from gongkai.languages.tests.helpers import translate
from home.tests.english import HAN

pytestmark = pytest.mark.django_db

# What the office wrote (SECTION_TEXT, copied into the translation as it stands) and its name.
OFFICE_TEXT = {re.sub(r"<[^>]+>", "", text) for text in SECTION_TEXT.values()}
ORGANISATION = "某县东湖镇人民政府"
CHINESE_LABELS = (
    "表一",
    "表二",
    "表三",
    "申请人情况",
    "信息内容",
    "发布日期",
    "一、总体情况",
    "2023年度",
)


@pytest.fixture
def english_report():
    page = make_report(make_index(name=ORGANISATION), 2023)
    english = translate(page, "en")
    assert english.locale.language_code == "en" and english.live
    return english


def built_by_the_worker(client, page, export_format):
    """The download as the Celery worker builds it: no request, the default language."""
    with translation.override("zh-hans"):
        build_export(page.live_revision.pk, export_format)
    response = client.get(page.url + f"{export_format}/")
    assert response.status_code == 200
    return response.content


def word_lines(content):
    document = Document(BytesIO(content))
    lines = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text.strip() for row in table.rows for cell in row.cells]
    return [line for line in lines if line]


def test_the_english_word_download_is_english_but_for_the_offices_own_text(client, english_report):
    lines = word_lines(built_by_the_worker(client, english_report, "docx"))
    ours = [line for line in lines if line not in OFFICE_TEXT and line != english_report.title]
    assert [line for line in ours if HAN.search(line)] == []
    text = "\n".join(lines)
    assert "Table 1" in text and "Table 2" in text and "1. Overview" in text
    assert "Date published" in text
    assert set(lines) >= OFFICE_TEXT  # the office's prose is kept as written


def test_the_english_pdf_download_is_english_but_for_the_offices_own_text(client, english_report):
    content = built_by_the_worker(client, english_report, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    flat = "".join(text.split())
    assert "Table1" in flat and "1.Overview" in flat and "Datepublished" in flat
    for label in CHINESE_LABELS:
        assert label not in flat, label
    assert "总体情况。" in flat  # the office's prose as written


def test_the_chinese_downloads_stay_chinese(client, english_report):
    chinese = english_report.get_translation(english_report.locale.get_default()).specific
    with translation.override("en"):  # whatever language the worker happens to have
        build_export(chinese.live_revision.pk, "docx")
    lines = word_lines(client.get(chinese.url + "docx/").content)
    assert "发布日期" in "\n".join(lines) and "一、总体情况" in lines
    assert "Table 1" not in "\n".join(lines)


def test_the_english_pages_links_say_which_language_each_file_is_in(client, english_report):
    html = client.get(english_report.url).content.decode()
    start = html.index('<nav class="report-downloads"')
    downloads = html[start : html.index("</nav>", start)]
    for export_format in ("docx", "pdf"):
        link = re.search(rf'<a href="[^"]*{export_format}/"[^>]*>([^<]*)</a>([^<]*)', downloads)
        assert link and 'hreflang="en"' in link.group(0), export_format
        assert "English" in link.group(1) + link.group(2), export_format
    assert "Chinese" in downloads  # the statutory workbook stays Chinese, and says so
    assert not HAN.search(re.sub(r"<[^>]+>", "", downloads))


def test_the_english_page_waiting_for_a_download_names_it_in_english(
    client, english_report, monkeypatch
):
    monkeypatch.setattr(build_export, "delay", lambda *args: None)  # the worker is busy
    waiting = client.get(english_report.url + "docx/")
    assert waiting.status_code == 202
    main = waiting.content.decode().split("<main", 1)[1].split("</main>")[0]
    assert "The report (Word) of" in main
    assert [line for line in re.sub(r"<[^>]+>", "\n", main).splitlines() if HAN.search(line)] == [
        f"The report (Word) of “{english_report.title}” is being generated. This page"
        " refreshes every 3 seconds and the download starts as soon as it is ready."
    ]
