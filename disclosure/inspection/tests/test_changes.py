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
from wagtail.snippets.models import get_snippet_models

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection import snapshots
from disclosure.inspection.models import ColumnSetting, ColumnType, Misstatement
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
