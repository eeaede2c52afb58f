"""Stored results older than a change they depend on, or older than the maximum age, are
marked 过期 (with their 检查时间 and the 立即重新检查 button) on every page that reads them: the
organisation's report, the overview, both XLSX exports and the dashboard panel."""

from datetime import timedelta
from io import BytesIO

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.inspection import snapshots
from disclosure.inspection.models import OrganisationInspection

from .helpers import column, item

STALE = "过期"


def summary_rows(client, url):
    book = load_workbook(BytesIO(client.get(url).content))
    sheet = book["检查结果"]
    header = [cell.value for cell in sheet[1]]
    return header, [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def overview_row(html, name):
    (row,) = [row for row in html.split("<tr") if name in row and "data-veto" in row]
    return row


def everything_the_township_reads(client, office):
    """What each page says of the township's results: stale or not (the site administrator
    reads the report, the overview and the exports, the township's editor the dashboard)."""
    township = office["township"]
    client.force_login(office["users"]["admin"])
    report = client.get(reverse("inspection:organisation", args=[township.pk])).content.decode()
    _, rows = summary_rows(client, reverse("inspection:organisation_xlsx", args=[township.pk]))
    overview = client.get(reverse("inspection:overview")).content.decode()
    _, all_rows = summary_rows(client, reverse("inspection:overview_xlsx"))
    client.force_login(office["users"]["editor"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "栏目即将超期未更新" in dashboard
    return {
        "report": "data-stale" in report,
        "xlsx": {row["过期"] for row in rows} == {STALE},
        "overview": "data-stale" in overview_row(overview, f">{township.name}<"),
        "overview_county": "data-stale" in overview_row(overview, f">{office['county'].name}<"),
        "overview_xlsx": {row["过期"] for row in all_rows if row["公开主体"] == township.name}
        == {STALE},
        "dashboard": "data-stale" in dashboard,
    }


def test_a_change_after_the_check_marks_the_results_stale_everywhere(client, office):
    news = column(office["root"], "工作动态")
    item(news, days=10)  # the dashboard panel shows the township's column
    snapshots.refresh_inspections()
    seen = everything_the_township_reads(client, office)
    assert not any(seen.values()), seen

    DisclosureDocumentPageFactory(parent=news, title="撤下的信息").delete()
    seen = everything_the_township_reads(client, office)
    assert seen == {key: key != "overview_county" for key in seen}, seen
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()  # the editor's
    refresh = reverse("inspection:refresh", args=[office["township"].pk])
    assert STALE in dashboard and "检查时间" in dashboard and f'action="{refresh}"' in dashboard
    form = dashboard.split(f'action="{refresh}"')[1].split("</form>")[0]
    assert 'name="csrfmiddlewaretoken"' in form  # the button works under CSRF protection
    report = client.get(reverse("inspection:organisation", args=[office["township"].pk]))
    html = report.content.decode()
    assert STALE in html and "检查时间" in html and f'action="{refresh}"' in html

    snapshots.refresh(office["township"])
    assert not any(everything_the_township_reads(client, office).values())


@override_settings(GONGKAI_INSPECTION_MAX_AGE_SECONDS=2 * 60 * 60)
def test_results_older_than_the_maximum_age_are_stale(client, office):
    snapshots.refresh_inspections()
    client.force_login(office["users"]["editor"])
    url = reverse("inspection:organisation", args=[office["township"].pk])
    assert "data-stale" not in client.get(url).content.decode()
    OrganisationInspection.objects.update(computed_at=timezone.now() - timedelta(hours=3))
    html = client.get(url).content.decode()
    assert "data-stale" in html and STALE in html and "立即重新检查" in html
