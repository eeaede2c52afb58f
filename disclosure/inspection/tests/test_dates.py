"""伪造发稿日期: a 发布日期 other than the first publication, without a recorded source. That an
editor cannot set one is catalogue's (disclosure/catalogue/tests/test_publication_dates.py)."""

from datetime import timedelta

from django.utils import timezone

from disclosure.catalogue.models import DisclosureDocumentPage, PublicationDateSource

from .helpers import item, result


def test_a_date_set_behind_the_system_is_a_veto_a_recorded_source_is_not(office):
    honest = item(office["columns"][1], title="按时发布的通知", days=3)
    backdated = item(office["columns"][1], title="倒签日期的通知", days=3)
    imported = item(office["columns"][1], title="原网站迁移的通知", days=3)
    earlier = timezone.localdate() - timedelta(days=40)
    DisclosureDocumentPage.objects.filter(pk=backdated.pk).update(published_on=earlier)
    DisclosureDocumentPage.objects.filter(pk=imported.pk).update(
        published_on=earlier, published_on_source=PublicationDateSource.OLD_SITE
    )
    found = result("faked_dates", office["township"])
    assert found.status == "veto"
    assert [f.page_id for f in found.findings] == [backdated.pk]
    assert honest.pk not in [f.page_id for f in found.findings]
