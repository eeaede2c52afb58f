"""English pages (/en/) say in English what the site's data says in Chinese: the subjects
(主题分类) in listings and filters, the footer's facts, the annual report's statutory tables and
the language switcher's note. What is Chinese by nature stays: the registration numbers the
authorities issued (黑ICP备…号), and the Chinese language's own name in the switcher."""

import re

from wagtail.models import Locale, Page

from disclosure.reports.models import AnnualReportPage
from home.models import SiteFooterSettings
from home.tests.english import english_demo, han_lines
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE


def part(html, start, end):
    return html[html.index(start) : html.index(end, html.index(start))]


def footer_of(html):
    return part(html, '<footer class="site-footer">', "</footer>")


def registration_numbers():
    footer = SiteFooterSettings.objects.get()
    return {footer.icp_number, footer.public_security_number}


def test_subjects_are_named_in_english_in_the_search_filter_and_the_guide(client):
    root = english_demo()
    search = client.get("/en/search/", {"q": ""}).content.decode()
    select = part(search, '<select id="search-domain"', "</select>")
    assert han_lines(select) == []
    assert ">Urban and rural planning</option>" in select
    guide = client.get(f"{root.url}guide/").content.decode()
    assert "Urban and rural planning" in guide
    assert [line for line in han_lines(part(guide, "<main", "</main>")) if "城乡规划" in line] == []
    # The Chinese pages keep the Chinese names.
    assert ">城乡规划</option>" in client.get("/search/", {"q": ""}).content.decode()


def test_the_footer_is_english_but_for_the_registration_numbers(client):
    root = english_demo()
    numbers = registration_numbers()
    for url in ["/en/", root.url, f"{root.url}guide/", "/en/search/", "/en/apply/"]:
        footer = footer_of(client.get(url).content.decode())
        chinese = [line for line in han_lines(footer) if line not in numbers]
        assert chinese == [], url
        assert "：" not in footer, url  # English punctuation after the labels
    chinese_footer = footer_of(client.get("/").content.decode())
    assert "友谊县友谊镇人民政府综合办公室" in chinese_footer
    assert "ICP 备案号：" in chinese_footer


def test_the_home_pages_organisation_card_is_english(client):
    english_demo()
    card = part(client.get("/en/").content.decode(), '<section class="org-card"', "</section>")
    assert han_lines(card) == []


def test_the_annual_reports_tables_are_english(client):
    english_demo()
    report = AnnualReportPage.objects.get(year=2022, locale__language_code="en")
    html = client.get(report.url).content.decode()
    tables = re.findall(r'<figure class="report-table.*?</figure>', html, flags=re.S)
    assert len(tables) == 3
    for table in tables:
        assert han_lines(table) == []
    assert "Table 2" in html
    chinese = client.get(
        AnnualReportPage.objects.get(year=2022, locale__language_code="zh-hans").url
    ).content.decode()
    assert "申请人情况" in chinese and "（一）予以公开" in chinese and "表二" in chinese


def test_the_switchers_note_on_an_english_page_without_a_chinese_version_is_english(client):
    english_demo()
    report = AnnualReportPage.objects.get(year=2022, locale__language_code="en")
    Page.objects.filter(pk=report.get_translation(Locale.get_default()).pk).update(live=False)
    html = client.get(report.url).content.decode()
    note = part(html, '<span class="not-translated">', "</li>")
    # The language keeps its own name (lang="zh-Hans"); what is said about it is English.
    without_name = re.sub(r'<span lang="zh-Hans">[^<]*</span>', "", note)
    assert han_lines(without_name) == []
    assert "this page has no Simplified Chinese version" in " ".join(
        re.sub(r"<[^>]+>", "", note).split()
    )
    assert 'href="/"' in note


def test_the_english_catalogue_names_the_columns_kept_in_chinese_only(client):
    root = english_demo()
    html = client.get(root.url).content.decode()
    chinese_root = root.get_translation(Locale.get_default())
    english_keys = set(root.get_children().values_list("translation_key", flat=True))
    chinese_only = (
        chinese_root.get_children().live().public().exclude(translation_key__in=english_keys)
    )
    assert chinese_only.exists()
    section = part(html, '<section class="source-language-only"', "</section>")
    assert "Columns available in Chinese only" in section
    for column in chinese_only:
        assert f'href="{column.url}"' in section
    chinese = client.get(chinese_root.url).content.decode()
    assert "source-language-only" not in chinese


def test_the_english_report_column_names_the_reports_kept_in_chinese_only(client):
    english_demo()
    english_2022 = AnnualReportPage.objects.get(year=2022, locale__language_code="en")
    index = english_2022.get_parent()
    html = client.get(index.url).content.decode()
    chinese_2023 = AnnualReportPage.objects.get(year=2023, locale=Locale.get_default())
    section = part(html, '<section class="source-language-only"', "</section>")
    assert "Annual reports available in Chinese only" in section
    assert f'href="{chinese_2023.url}"' in section
    assert f'href="{english_2022.get_translation(Locale.get_default()).url}"' not in section
    chinese = client.get(index.get_translation(Locale.get_default()).url).content.decode()
    assert "source-language-only" not in chinese
