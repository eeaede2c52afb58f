"""Every change that alters an organisation's results marks its stored results stale and queues
the same delayed refresh as a publication: a page published, unpublished, moved (both
organisations) or deleted, a document replaced or deleted (the organisations whose pages use
it), and any of the inspection's own data edited (every organisation: the thresholds, the column
types, the list of misstatements), enumerated from Wagtail's snippet registry."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.actions import ConvertAliasPageAction, action_registry
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection import changes, snapshots
from disclosure.inspection.models import ColumnSetting, ColumnType, Misstatement
from disclosure.moderation.publishing.publication import UnreviewedPublication
from gongkai.models import OutboxMessage
from tests.factories import DocumentFactory

from .helpers import column

pytestmark = pytest.mark.usefixtures("stored")
REFRESH_ON_CHANGE = override_settings(
    GONGKAI_INSPECTION_REFRESH_ON_PUBLISH=True, GONGKAI_INSPECTION_REFRESH_DELAY_SECONDS=120
)


@pytest.fixture
def stored(office):
    snapshots.refresh_inspections()
    OutboxMessage.objects.all().delete()


def queued():
    """The organisations a waiting refresh covers (None: every one)."""
    rows = OutboxMessage.objects.filter(task=snapshots.REFRESH_TASK)
    return {(row.args or [None])[0] for row in rows}


def stale(office):
    found = snapshots.snapshots_of([office["township"], office["county"]])
    return {pk for pk, snapshot in found.items() if snapshot.stale}


def ids(office, *names):
    return {office[name].pk for name in names}


@REFRESH_ON_CHANGE
def test_a_move_refreshes_both_organisations(office):
    page = DisclosureDocumentPageFactory(parent=office["columns"][1], title="划转的通知")
    OutboxMessage.objects.all().delete()
    snapshots.refresh_inspections()
    page.move(office["county_root"], pos="last-child")
    assert queued() == ids(office, "township", "county")
    assert stale(office) == ids(office, "township", "county")
    message = OutboxMessage.objects.filter(task=snapshots.REFRESH_TASK).first()
    assert message.run_after >= timezone.now() + timedelta(seconds=100)  # the burst's delay


@REFRESH_ON_CHANGE
def test_a_deleted_page_refreshes_its_organisation(office):
    page = DisclosureDocumentPageFactory(parent=office["columns"][1], title="将删除的通知")
    OutboxMessage.objects.all().delete()
    snapshots.refresh_inspections()
    page.delete()
    assert queued() == ids(office, "township")
    assert stale(office) == ids(office, "township")


@REFRESH_ON_CHANGE
@pytest.mark.parametrize("change", ["replaced", "deleted"])
def test_a_replaced_or_deleted_document_refreshes_the_organisations_using_it(office, change):
    document = DocumentFactory(title="申请表")
    DisclosureDocumentPageFactory(
        parent=office["columns"][1],
        title="附申请表的通知",
        body=[("attachment", {"document": document, "title": "申请表"})],
    )
    OutboxMessage.objects.all().delete()
    snapshots.refresh_inspections()
    if change == "replaced":
        document.file.save("new.pdf", ContentFile(b"%PDF-1.4 new"))
    else:
        document.delete()
    assert queued() == ids(office, "township")
    assert stale(office) == ids(office, "township")


def inspection_snippets():
    return [model for model in get_snippet_models() if model._meta.app_label == "inspection"]


def test_every_inspection_snippet_is_covered():
    assert set(inspection_snippets()) >= {ColumnType, ColumnSetting, Misstatement}
    assert len(inspection_snippets()) == 4  # + Indicator


def an_instance(model, office):
    if model is ColumnSetting:
        return ColumnSetting.objects.create(
            column=column(office["root"], "工作信息"), column_type=ColumnType.objects.first()
        )
    return model.objects.order_by("pk").first()


@REFRESH_ON_CHANGE
@pytest.mark.parametrize("action", ["save", "delete"])
def test_editing_the_inspections_data_refreshes_every_organisation(office, action):
    for model in inspection_snippets():
        instance = an_instance(model, office)
        if model is ColumnType and action == "delete":
            instance = ColumnType.objects.create(name="临时类型", kind="static")
        OutboxMessage.objects.all().delete()
        snapshots.refresh_inspections()
        assert stale(office) == set(), model
        getattr(instance, action)()
        assert queued() == {None}, model
        assert stale(office) == ids(office, "township", "county"), model


def test_a_change_marks_the_results_stale_even_when_refreshing_on_change_is_off(office):
    DisclosureDocumentPageFactory(parent=office["columns"][1]).delete()
    assert queued() == set()
    assert stale(office) == ids(office, "township")


def test_a_change_made_while_the_refresh_ran_leaves_the_results_stale(office, monkeypatch):
    """The refresh dates its results from when it started reading."""
    from disclosure.inspection import indicators

    real_inspect = indicators.inspect

    def inspect_then_change(organisation, today=None):
        results = real_inspect(organisation, today=today)
        Misstatement.objects.first().save()
        return results

    monkeypatch.setattr(snapshots, "inspect", inspect_then_change)
    snapshots.refresh(office["township"])
    assert office["township"].pk in stale(office)


def test_a_threshold_edited_in_the_admin_marks_every_organisation_stale(client, office):
    from django.urls import reverse

    from disclosure.inspection.models import Indicator

    indicator = Indicator.objects.get(code="blank_columns")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_indicator:edit", args=[indicator.pk])
    response = client.post(
        url,
        {
            "name": indicator.name,
            "kind": indicator.kind,
            "threshold": 3,
            "period_days": "",
            "source": indicator.source,
            "enabled": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Indicator.objects.get(pk=indicator.pk).threshold == 3
    assert stale(office) == ids(office, "township", "county")


def a_live_item(office):
    page = DisclosureDocumentPageFactory(parent=office["columns"][1], title="将被引用的通知")
    OutboxMessage.objects.all().delete()
    snapshots.refresh_inspections()
    return page


@REFRESH_ON_CHANGE
@pytest.mark.parametrize("recursive", [False, True])
def test_creating_an_alias_refreshes_the_organisation_it_lands_in(office, recursive):
    """Wagtail's create_alias sends no page_published: the alias is live from its creation."""
    page = a_live_item(office)
    source = page.get_parent() if recursive else page
    alias = source.create_alias(
        parent=office["county_root"], update_slug="alias-of-notices", recursive=recursive
    )
    assert alias.live and alias.alias_of_id == source.pk
    assert queued() == ids(office, "county")
    assert stale(office) == ids(office, "county")


def test_an_alias_does_not_become_a_page_of_its_own(office):
    """convert_alias sends nothing; moderation refuses it for a live alias in a disclosure tree
    (changes.PAGE_ACTIONS relies on it)."""
    alias = a_live_item(office).create_alias(parent=office["county_root"], update_slug="own")
    with pytest.raises(UnreviewedPublication):
        ConvertAliasPageAction(Page.objects.get(pk=alias.pk)).execute(skip_permission_checks=True)


def test_every_page_action_wagtail_registers_is_covered():
    """A new action in Wagtail's registry must be looked at: does it change what is live?"""
    from disclosure.catalogue.models import DisclosureDocumentPage

    registered = set(action_registry.get_actions_for_model(DisclosureDocumentPage))
    assert registered <= set(changes.PAGE_ACTIONS), registered - set(changes.PAGE_ACTIONS)


@REFRESH_ON_CHANGE
@pytest.mark.parametrize("where", ["root", "above"])
def test_a_view_restriction_over_a_root_refreshes_its_organisations(office, where):
    page = office["root"] if where == "root" else office["root"].get_parent()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="secret"
    )
    expected = ids(office, "township") if where == "root" else ids(office, "township", "county")
    assert queued() == expected
    assert stale(office) == expected
    OutboxMessage.objects.all().delete()
    snapshots.refresh_inspections()
    restriction.delete()
    assert queued() == expected and stale(office) == expected


def test_a_view_restriction_inside_a_root_marks_its_organisation(office):
    """A password on a column hides its items: they no longer update the organisation."""
    snapshots.refresh_inspections()
    restriction = PageViewRestriction.objects.create(
        page=office["columns"][0], restriction_type="password", password="secret"
    )
    assert stale(office) == ids(office, "township")
    snapshots.refresh_inspections()
    assert stale(office) == set()
    restriction.delete()
    assert stale(office) == ids(office, "township")


def test_a_view_restriction_on_an_aliased_page_marks_the_alias_s_organisation(office):
    alias = a_live_item(office).create_alias(parent=office["county_root"], update_slug="own")
    snapshots.refresh_inspections()
    source = Page.objects.get(pk=alias.alias_of_id)
    PageViewRestriction.objects.create(page=source, restriction_type="password", password="s")
    assert stale(office) == ids(office, "township", "county")


def test_a_changed_site_refreshes_every_organisation(office):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "xxgk.example.invalid"
    site.save()
    assert stale(office) == ids(office, "township", "county")
