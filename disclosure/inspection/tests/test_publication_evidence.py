"""A page cannot look fresh or stale by editing one table: 首页不更新 and 栏目不更新 date an item
from the publication log (wagtail.publish entries), and a page row whose dates the log does not
bear out is a faked date (伪造发稿日期)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection.publications import PUBLISH_ACTION

from .helpers import column, item, result


def move_page_dates(page, days):
    """What a script does by SQL: every date of the page moved by `days`, no revision."""
    when = timezone.now() + timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    DisclosureDocumentPage.objects.filter(pk=page.pk).update(published_on=timezone.localdate(when))


def stale_column_ids(office):
    return [f.page_id for f in result("stale_columns", office["township"]).failures]


def faked_ids(office):
    return [f.page_id for f in result("faked_dates", office["township"]).findings]


def test_a_fresh_item_backdated_by_sql_keeps_its_column_fresh_and_is_a_faked_date(office):
    news = column(office["root"], "工作动态")
    fresh = item(news, days=1)
    move_page_dates(fresh, days=-40)
    assert news.pk not in stale_column_ids(office)
    assert fresh.pk in faked_ids(office)


def test_a_stale_item_moved_forward_by_sql_leaves_its_column_stale_and_is_a_faked_date(office):
    news = column(office["root"], "工作动态")
    old = item(news, days=40)
    move_page_dates(old, days=0)
    home = result("home_not_updated", office["township"])
    assert news.pk in stale_column_ids(office)
    assert home.status == "veto"
    assert old.pk in faked_ids(office)


def test_the_log_moved_alone_is_a_faked_date(office):
    news = column(office["root"], "工作动态")
    fresh = item(news, days=1)
    PageLogEntry.objects.filter(page_id=fresh.pk, action=PUBLISH_ACTION).update(
        timestamp=timezone.now() - timedelta(days=40)
    )
    (finding,) = [f for f in result("faked_dates", office["township"]).findings]
    assert finding.page_id == fresh.pk and "发布日志" in finding.detail


def test_an_honest_item_and_an_import_are_neither_stale_nor_faked(office):
    news = column(office["root"], "工作动态")
    item(news, days=1)
    # An import's old-site date is earlier than its logged publication, and recorded.
    imported = DisclosureDocumentPageFactory(
        parent=news,
        title="原网站迁移的通知",
        published_on=timezone.localdate() - timedelta(days=400),
    )
    assert imported.published_on_source != "first_publication"
    assert news.pk not in stale_column_ids(office)
    assert faked_ids(office) == []


def test_an_item_whose_log_was_deleted_updates_nothing_and_is_named(office):
    """Deleting the publication log by SQL leaves only the page's own, editable dates: they
    are no evidence of freshness, and the missing log is a 提醒 of its own."""
    news = column(office["root"], "工作动态")
    fresh = item(news, days=1)
    PageLogEntry.objects.filter(page_id=fresh.pk, action=PUBLISH_ACTION).delete()
    assert news.pk in stale_column_ids(office)
    assert result("home_not_updated", office["township"]).status == "veto"
    faked = result("faked_dates", office["township"])
    (finding,) = faked.findings
    assert finding.page_id == fresh.pk and "发布记录缺失" in finding.detail
    assert finding.notice and faked.status == "warn"
