"""The inspection pages read stored results (a Celery refresh computes them): the overview, the
organisation's report, the XLSX and the dashboard panel; a refresh is queued by beat, by a
publication (once for a burst), by the 立即重新检查 button and by a page that finds none; an
office sees and refreshes only its own organisation."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection import snapshots
from disclosure.inspection.models import OrganisationInspection
from disclosure.inspection.tasks import refresh_inspections
from gongkai.models import OutboxMessage
from tests.factories import publishing_as_fixture

from .helpers import column, item, refused


def publish(page):
    revision = page.save_revision()
    with publishing_as_fixture():
        revision.publish()


def queued():
    return list(
        OutboxMessage.objects.filter(task=snapshots.REFRESH_TASK).values_list("args", flat=True)
    )


def test_the_report_shows_the_stored_results_and_when_they_were_computed(client, office):
    township = office["township"]
    refresh_inspections.delay(township.pk)
    computed = OrganisationInspection.objects.get(organisation=township).computed_at
    stale = column(office["root"], "工作动态")
    item(stale, days=20)
    client.force_login(office["users"]["editor"])
    url = reverse("inspection:organisation", args=[township.pk])
    html = client.get(url).content.decode()
    assert "检查时间" in html and "立即重新检查" in html
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) not in html  # not computed yet
    assert f"{timezone.localtime(computed):%Y-%m-%d %H:%M}" in html

    snapshots.refresh(township)
    html = client.get(url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in html


def test_a_missing_result_says_so_and_queues_one_refresh(client, office):
    township = office["township"]
    client.force_login(office["users"]["editor"])
    url = reverse("inspection:organisation", args=[township.pk])
    html = client.get(url).content.decode()
    assert "尚未完成检查" in html
    assert queued() == [[township.pk]]
    client.get(url)
    client.get(reverse("inspection:organisation_xlsx", args=[township.pk]))
    assert queued() == [[township.pk]]  # the waiting refresh covers the next requests


def test_the_overview_reads_the_stored_results(
    client, office, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(office["users"]["admin"])
    html = client.get(reverse("inspection:overview")).content.decode()
    assert "尚未完成检查" in html and queued() == [[None]]
    OutboxMessage.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inspection:refresh_all"))
    assert response.status_code == 302
    assert OrganisationInspection.objects.count() == 2
    # Reading stored rows: a handful of queries, however many pages the organisations hold.
    with django_assert_max_num_queries(25):
        html = client.get(reverse("inspection:overview")).content.decode()
    assert office["township"].name in html and office["county"].name in html
    assert "检查时间" in html
    assert 'data-indicator="home_not_updated" data-status="veto"' in html  # nothing published

    book = load_workbook(BytesIO(client.get(reverse("inspection:overview_xlsx")).content))
    names = {row[0] for row in book["检查结果"].iter_rows(min_row=2, values_only=True)}
    assert {"全平台", office["township"].name, office["county"].name} <= names


def test_the_platform_row_adds_up_the_organisations(office):
    notices = office["columns"][1]
    item(notices, days=1)
    snapshots.refresh_inspections()
    stored = snapshots.snapshots_of([office["township"], office["county"]])
    platform = {r.code: r for r in snapshots.platform_results(stored.values())}
    home = platform["home_not_updated"]
    assert [f.page_id for f in home.findings] == [office["county_root"].pk]
    assert home.status == "veto"
    blank = platform["blank_columns"]
    township = {r.code: r for r in stored[office["township"].pk].results}["blank_columns"]
    county = {r.code: r for r in stored[office["county"].pk].results}["blank_columns"]
    assert blank.count == township.count + county.count
    assert blank.numbers["columns"] == township.numbers["columns"] + county.numbers["columns"]


def test_an_office_sees_and_refreshes_only_its_own_results(client, office):
    township, county = office["township"], office["county"]
    secret = column(office["county_root"], "县级保密栏目")
    snapshots.refresh_inspections()
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("inspection:organisation", args=[township.pk])).content.decode()
    assert "县级保密栏目" not in html and secret.title not in html
    for name in ("organisation", "organisation_xlsx"):
        assert refused(client.get(reverse(f"inspection:{name}", args=[county.pk])))
    assert refused(client.post(reverse("inspection:refresh", args=[county.pk])))
    assert refused(client.post(reverse("inspection:refresh_all")))
    assert refused(client.get(reverse("inspection:overview_xlsx")))
    assert queued() == []
    response = client.post(reverse("inspection:refresh", args=[township.pk]))
    assert response.status_code == 302 and queued() == [[township.pk]]
    book = load_workbook(
        BytesIO(client.get(reverse("inspection:organisation_xlsx", args=[township.pk])).content)
    )
    names = {row[0] for row in book["检查结果"].iter_rows(min_row=2, values_only=True)}
    assert names == {township.name}
    client.force_login(office["users"]["outsider"])
    assert refused(client.post(reverse("inspection:refresh", args=[township.pk])))


def test_refreshing_is_a_post(client, office):
    client.force_login(office["users"]["admin"])
    assert client.get(reverse("inspection:refresh_all")).status_code == 405
    assert queued() == []


@override_settings(GONGKAI_INSPECTION_REFRESH_ON_PUBLISH=True)
def test_a_burst_of_publications_queues_one_delayed_refresh(
    office, django_capture_on_commit_callbacks
):
    township = office["township"]
    notices = office["columns"][1]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for title in ("第一条通知", "第二条通知"):
            publish(DisclosureDocumentPageFactory(parent=notices, title=title, live=False))
    (message,) = OutboxMessage.objects.filter(task=snapshots.REFRESH_TASK)
    assert message.args == [township.pk]
    assert message.run_after is not None  # the burst's delay (eager Celery runs it at once)
    assert message.delivered_at is not None
    stored = snapshots.snapshot_of(township)
    home = {r.code: r for r in stored.results}["home_not_updated"]
    assert home.status == "pass"
    assert snapshots.snapshot_of(office["county"]) is None  # another organisation: untouched


@override_settings(GONGKAI_INSPECTION_REFRESH_ON_PUBLISH=True)
def test_a_refresh_already_running_does_not_cover_a_new_publication(office):
    township = office["township"]
    snapshots.request_refresh(township.pk)
    running = timezone.now() + timedelta(minutes=5)
    OutboxMessage.objects.filter(task=snapshots.REFRESH_TASK).update(locked_until=running)
    publish(DisclosureDocumentPageFactory(parent=office["columns"][1], live=False))
    assert queued() == [[township.pk], [township.pk]]


def test_beat_refreshes_every_organisation():
    entry = next(
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == snapshots.REFRESH_TASK
    )
    assert entry["schedule"] <= 24 * 60 * 60
    assert refresh_inspections.name == snapshots.REFRESH_TASK


@pytest.mark.parametrize("stored", [False, True])
def test_the_dashboard_panel_reads_the_stored_results(client, office, stored):
    news = column(office["root"], "工作动态")
    item(news, days=10)
    if stored:
        snapshots.refresh(office["township"])
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    if stored:
        assert "栏目即将超期未更新" in html and "4 天后" in html and "检查时间" in html
        assert queued() == []
    else:
        assert "尚未完成检查" in html and queued() == [[office["township"].pk]]


def test_a_row_stored_before_an_indicator_was_enabled_keeps_the_columns_aligned(client, office):
    snapshots.refresh_inspections()
    county = OrganisationInspection.objects.get(organisation=office["county"])
    county.results = [r for r in county.results if r["code"] != "blank_columns"]
    county.save()
    client.force_login(office["users"]["admin"])
    html = client.get(reverse("inspection:overview")).content.decode()
    rows = [row for row in html.split("<tr") if office["county"].name in row]
    (row,) = [row for row in rows if "data-veto" in row]
    assert 'data-indicator="blank_columns"' not in row and "<td>—</td>" in row
    header = html.split("<thead>")[1].split("</thead>")[0]
    assert row.count("<td") == header.count('<th scope="col"') - 1  # the name is a <th>
