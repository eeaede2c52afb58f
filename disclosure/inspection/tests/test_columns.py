"""Planted column defects: stale, about to go stale, blank; the home page not updated."""

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.inspection.models import ColumnSetting, ColumnType, Indicator

from .helpers import column, item, result


def test_a_news_column_is_stale_after_two_weeks_and_warned_a_week_before(office):
    news = column(office["root"], "工作动态")
    item(news, days=10)
    found = result("stale_columns", office["township"])
    assert [(f.page_id, f.upcoming) for f in found.findings] == [(news.pk, True)]
    assert found.status == "warn" and found.count == 0

    item(news, title="旧动态", days=30)
    stale = column(office["root"], "要闻")
    item(stale, days=15)
    found = result("stale_columns", office["township"])
    assert [f.page_id for f in found.failures] == [stale.pk]
    assert found.status == "warn"


def test_five_stale_news_or_notice_columns_are_a_veto(office):
    notices = office["columns"][1]  # 通知公告: six months
    item(notices, days=200)
    for n in range(4):
        item(column(office["root"], f"工作动态{n}"), days=20)
    found = result("stale_columns", office["township"])
    assert found.count == 5 and found.status == "veto"
    Indicator.objects.filter(code="stale_columns").update(threshold=6)
    assert result("stale_columns", office["township"]).status == "warn"


def test_a_column_named_for_a_type_takes_its_cadence(office):
    info = column(office["root"], "工作信息汇编")
    item(info, days=20)
    assert result("stale_columns", office["township"]).count == 1  # “工作信息” is news
    ColumnSetting.objects.create(column=info, column_type=ColumnType.objects.get(name="相对固定"))
    assert result("stale_columns", office["township"]).findings == []


def test_blank_columns_count_against_five(office):
    guides = office["columns"][0]
    ServiceGuidePageFactory(
        parent=guides,
        legal_basis="《条例》",
        conditions="本镇居民",
        location="便民服务中心",
        service_hours="工作日",
        consultation_phone="0469-1",
    )
    item(office["columns"][1])
    assert result("blank_columns", office["township"]).status == "pass"
    blanks = [column(office["root"], f"空栏目{n}") for n in range(5)]
    found = result("blank_columns", office["township"])
    assert sorted(f.page_id for f in found.findings) == sorted(c.pk for c in blanks)
    assert found.status == "veto"


def test_the_home_page_not_updated_for_two_weeks_is_a_veto(office):
    item(office["columns"][1], days=15)
    found = result("home_not_updated", office["township"])
    assert found.status == "veto" and "更新周期 14 天，已 15 天未更新" in found.findings[0].detail
    item(office["columns"][1], title="新通知", days=1)
    assert result("home_not_updated", office["township"]).status == "pass"
    # The county office publishes nothing: its home page fails on its own.
    assert result("home_not_updated", office["county"]).status == "veto"
