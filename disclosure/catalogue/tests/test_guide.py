import pytest

from disclosure.catalogue.models import DisclosureGuidePage

from .factories import TOWNSHIP_CODE, CategoryPageFactory, DisclosureGuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(organisation, disclosure_root, category):
    organisation.address = "测试县站前街1号"
    organisation.postcode = "155800"
    organisation.phone = "0469-5800000"
    organisation.fax = "0469-5800001"
    organisation.office_hours = "周一至周五 8:30—17:00"
    organisation.email = "gk@example.gov.cn"
    organisation.save()
    CategoryPageFactory(parent=category, title="通知公告", slug="sub")
    return DisclosureGuidePageFactory(
        parent=disclosure_root,
        title="测试镇政府信息公开指南",
        office_name="测试镇党政综合办公室",
        active_disclosure="<p>镇政务公开栏每月更新。</p>",
    )


def test_guide_generates_the_art_12_contents_from_the_organisation(client, guide):
    html = client.get(guide.url).content.decode()

    for text in [
        "一、信息分类与编排体系",
        'href="/xxgk/notices/">政策信息</a>',
        'class="depth-2"><a href="/xxgk/notices/sub/">通知公告</a>',
        "环境保护",  # a 主题分类
        f"{TOWNSHIP_CODE}/",  # an index-number example from the organisation's pattern
        "二、获取政府信息的方式",
        "镇政务公开栏每月更新。",  # editable text replaces the default
        'href="/apply/?organisation=',  # the register's link, through the root's hook
        "三、政府信息公开工作机构",
        '<th scope="row">机构名称</th><td>测试镇党政综合办公室</td>',
        '<th scope="row">办公地址</th><td>测试县站前街1号</td>',
        '<th scope="row">邮政编码</th><td>155800</td>',
        '<th scope="row">办公时间</th><td>周一至周五 8:30—17:00</td>',
        '<th scope="row">联系电话</th><td>0469-5800000</td>',
        '<th scope="row">传真</th><td>0469-5800001</td>',
        "mailto:gk@example.gov.cn",
        "四、监督和救济",
        "依法申请行政复议或者提起行政诉讼",  # default text where the office wrote none
    ]:
        assert text in html, text
    assert html.count("<h1") == 1


def test_guide_follows_the_organisation_data(client, guide, organisation):
    organisation.phone = "0469-5811111"
    organisation.save()

    html = client.get(guide.url).content.decode()

    assert "0469-5811111" in html and "0469-5800000" not in html


def test_one_guide_per_organisation_root(guide, disclosure_root, category):
    assert not DisclosureGuidePage.can_create_at(disclosure_root)
    assert not DisclosureGuidePage.can_create_at(category)


def searched(client, words):
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    return [row["page"].pk for row in response.context["rows"]]


def test_the_generated_text_citizens_see_is_found_by_search(client, guide):
    """The address comes from the organisation, 行政诉讼 from the template's default text: no
    field of the guide holds them, yet a citizen reads them on the page."""
    own_fields = " ".join(
        str(getattr(guide, name)) for name in ("title", "intro", "active_disclosure", "supervision")
    )
    for words in ("站前街", "提起行政诉讼", "通知公告"):
        assert words not in own_fields
        assert words in client.get(guide.url).content.decode()
        assert guide.pk in searched(client, words), words


def test_the_guide_is_reindexed_when_its_organisation_or_a_column_changes(
    client, guide, organisation, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation.address = "测试县迎宾路2号"
        organisation.save()
    assert guide.pk in searched(client, "迎宾路")
    assert guide.pk not in searched(client, "站前街")
    with django_capture_on_commit_callbacks(execute=True):
        CategoryPageFactory(parent=category, title="征地拆迁公示", slug="land")
    assert guide.pk in searched(client, "征地拆迁公示")


def test_guide_lists_the_annual_reports_column_with_the_others(client, guide, disclosure_root):
    from disclosure.reports.tests.factories import AnnualReportIndexPageFactory

    AnnualReportIndexPageFactory(
        parent=disclosure_root, title="政府信息公开工作年度报告", slug="annual-reports"
    )
    html = client.get(guide.url).content.decode()
    columns = html[html.index('<ul class="guide-columns">') :].split("</ul>", 1)[0]
    assert 'href="/xxgk/annual-reports/">政府信息公开工作年度报告</a>' in columns
    assert 'href="/xxgk/notices/">政策信息</a>' in columns


@pytest.mark.parametrize(
    "number, english",
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")],
)
def test_the_serial_numbers_meaning_says_its_ordinal_in_english(number, english):
    from django.utils import translation

    from disclosure.catalogue.models.guide import serial_meaning

    with translation.override("en"):
        assert f"(here the {english} of the year)" in serial_meaning(number)
    with translation.override("zh-hans"):
        assert f"（这里是当年第{number}条）" in serial_meaning(number)


def test_the_english_guide_explains_the_serial_with_a_proper_ordinal(client, organisation, guide):
    from gongkai.languages.tests.helpers import translate

    html = client.get(translate(guide, "en").url).content.decode()
    assert "the 1st of the year" in html and "1th" not in html
