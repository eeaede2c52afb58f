"""伪造发稿日期: a 发布日期 other than the first publication, without a recorded source."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from disclosure.catalogue.models import DisclosureDocumentPage, PublicationDateSource
from disclosure.moderation.tests.helpers import draft_item, edit_form_data, fresh

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


def test_an_editor_cannot_backdate_through_the_editor(client, office):
    editor = office["users"]["editor"]
    page = draft_item(office["columns"][0], editor)
    client.force_login(editor)
    data = edit_form_data(page, title=page.title)
    data["published_on"] = "2020-01-01"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert (
        fresh(page).get_latest_revision().as_object().published_on
        != timezone.datetime(2020, 1, 1).date()
    )
    assert result("faked_dates", office["township"]).status == "pass"
