"""伪造发稿日期: a 发布日期 other than the first publication, without a recorded source. That an
editor cannot set one is catalogue's (disclosure/catalogue/tests/test_publication_dates.py)."""

from datetime import timedelta

from django.utils import timezone

from disclosure.catalogue.models import DisclosureDocumentPage, PublicationDateSource

from .helpers import item, result


def test_a_date_set_behind_the_system_is_a_veto_a_recorded_source_is_not(office):
    column = office["columns"][1]
    honest = item(column, title="按时发布的通知", days=3)
    backdated = item(column, title="倒签日期的通知", days=3)
    imported = item(column, title="原网站迁移的通知", days=3)
    relabelled = item(column, title="改了来源的通知", days=3)
    future = item(column, title="未来日期的通知", days=3)
    earlier = timezone.localdate() - timedelta(days=40)
    DisclosureDocumentPage.objects.filter(pk=backdated.pk).update(published_on=earlier)
    # An import backdates the first publication to the old site's date: the two agree.
    DisclosureDocumentPage.objects.filter(pk=imported.pk).update(
        published_on=earlier,
        published_on_source=PublicationDateSource.OLD_SITE,
        first_published_at=timezone.now() - timedelta(days=40),
    )
    # A recorded source does not excuse a date its first publication does not bear out.
    DisclosureDocumentPage.objects.filter(pk=relabelled.pk).update(
        published_on=earlier, published_on_source=PublicationDateSource.DEMO
    )
    DisclosureDocumentPage.objects.filter(pk=future.pk).update(
        published_on=timezone.localdate() + timedelta(days=30),
        published_on_source=PublicationDateSource.OLD_SITE,
    )
    found = result("faked_dates", office["township"])
    assert found.status == "veto"
    assert sorted(f.page_id for f in found.findings) == sorted(
        [backdated.pk, relabelled.pk, future.pk]
    )
    assert honest.pk not in [f.page_id for f in found.findings]
