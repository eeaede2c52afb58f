"""The reports behind the walls, the XLSX export and the dashboard's warning before the veto."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.inspection.models import ColumnSetting, ColumnType, Indicator
from disclosure.inspection.snapshots import refresh_inspections
from gongkai.accounts.administrators import site_administrators_group
from tests.factories import UserFactory

from .helpers import column, item, refused


def test_staff_see_their_own_organisation_only(client, office):
    township, county = office["township"], office["county"]
    client.force_login(office["users"]["editor"])
    overview = client.get(reverse("inspection:overview"))
    assert overview.status_code == 302
    assert overview["Location"] == reverse("inspection:organisation", args=[township.pk])
    assert client.get(reverse("inspection:organisation", args=[township.pk])).status_code == 200
    for name in ("organisation", "organisation_xlsx"):
        assert refused(client.get(reverse(f"inspection:{name}", args=[county.pk])))
    assert refused(client.get(reverse("inspection:overview_xlsx")))
    client.force_login(office["users"]["outsider"])
    assert refused(client.get(reverse("inspection:organisation", args=[township.pk])))


def test_the_report_links_each_page_to_fix(client, office):
    stale = column(office["root"], "工作动态")
    item(stale, days=20)
    refresh_inspections()
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("inspection:organisation", args=[office["township"].pk])).content
    html = html.decode()
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in html
    assert 'data-indicator="stale_columns" data-status="warn"' in html


def test_site_administrators_see_the_platform(client, office):
    refresh_inspections()
    client.force_login(office["users"]["admin"])
    html = client.get(reverse("inspection:overview")).content.decode()
    assert office["township"].name in html and office["county"].name in html
    assert 'data-indicator="home_not_updated" data-status="veto"' in html  # nothing published


def test_the_xlsx_keeps_a_formula_looking_title_as_text(client, office):
    news = column(office["root"], '=HYPERLINK("http://evil.invalid","动态")')
    item(news, days=30)
    refresh_inspections()
    client.force_login(office["users"]["admin"])
    response = client.get(reverse("inspection:overview_xlsx"))
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    cells = [cell for row in book["问题清单"].iter_rows() for cell in row]
    planted = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert planted and all(cell.data_type == "s" for cell in planted)


def test_only_site_administrators_edit_the_thresholds(client, office):
    indicator = Indicator.objects.get(code="blank_columns")
    url = reverse("wagtailsnippets_inspection_indicator:edit", args=[indicator.pk])
    client.force_login(office["users"]["editor"])
    assert refused(client.get(url))
    client.force_login(office["users"]["admin"])
    assert client.get(url).status_code == 200


def test_the_dashboard_warns_a_week_before_a_column_goes_stale(client, office):
    news = column(office["root"], "工作动态")
    item(news, days=10)
    refresh_inspections()
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "栏目即将超期未更新" in html and "4 天后" in html
    client.force_login(office["users"]["outsider"])
    assert "栏目即将超期未更新" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("days, late", [(10, False), (20, True)])
def test_the_dashboard_gives_the_update_cycle_and_the_days_since_the_last_update(
    client, office, days, late
):
    news = column(office["root"], "工作动态")
    item(news, days=days)
    refresh_inspections()
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"更新周期 14 天，已 {days} 天未更新" in html
    assert ("），已超期" in html) == late and ("4 天后" in html) == (not late)
    assert "已超过 14 天未更新" not in html  # the cycle read as the time elapsed


def test_a_site_administrator_names_a_column_type(client, office):
    client.force_login(office["users"]["admin"])
    add = reverse("wagtailsnippets_inspection_columnsetting:add")
    assert client.get(add).status_code == 200
    news = column(office["root"], "信息汇编")
    item(news, days=20)
    response = client.post(
        add,
        {
            "column": news.pk,
            "column_type": ColumnType.objects.get(name="动态要闻").pk,
        },
    )
    assert response.status_code == 302
    assert ColumnSetting.objects.filter(column=news).exists()


def same_column_in_both_organisations(office):
    """Each organisation has a 工作动态 column 4 days from going stale: the same title twice."""
    for root in (office["root"], office["county_root"]):
        item(column(root, "工作动态"), days=10)
    refresh_inspections()


def test_the_administrators_dashboard_names_each_columns_organisation(client, office):
    same_column_in_both_organisations(office)
    client.force_login(office["users"]["admin"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="inspection-panel-heading"')[1].split("</section>")[0]
    rows = [row for row in panel.split("<li") if "工作动态" in row]
    assert len(rows) == 2
    names = [office["township"].name, office["county"].name]
    assert all(sum(name in row for name in names) == 1 for row in rows)
    assert any(office["township"].name in row for row in rows)
    assert any(office["county"].name in row for row in rows)


def test_the_overview_xlsx_lists_each_finding_once_under_its_organisation(client, office):
    same_column_in_both_organisations(office)
    client.force_login(office["users"]["admin"])
    book = load_workbook(BytesIO(client.get(reverse("inspection:overview_xlsx")).content))
    rows = list(book["问题清单"].iter_rows(min_row=2, values_only=True))
    news = [row for row in rows if row[2] == "工作动态"]
    assert sorted(row[0] for row in news) == sorted(
        [office["township"].name, office["county"].name]
    )
    assert all(row[0] != "全平台" for row in rows)


def dashboard_panel(client, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return html.split('id="inspection-panel-heading"')[1].split("</section>")[0]


def test_the_administrators_dashboard_names_and_links_a_lone_organisations_column(client, office):
    """One organisation with findings (the township, whose name sorts after the county's): the
    site administrator still reads whose column it is, its name links to that organisation's
    report, and the panel's own link goes to the overview, not to the first organisation's."""
    township, county = office["township"], office["county"]
    item(column(office["root"], "工作动态"), days=10)
    refresh_inspections()
    panel = dashboard_panel(client, office["users"]["admin"])
    (row,) = [row for row in panel.split("<li") if "工作动态" in row]
    township_report = reverse("inspection:organisation", args=[township.pk])
    assert township.name in row and f'href="{township_report}"' in row
    assert reverse("inspection:organisation", args=[county.pk]) not in panel
    assert f'href="{reverse("inspection:overview")}"' in panel

    staff_panel = dashboard_panel(client, office["users"]["editor"])
    assert f'href="{township_report}"' in staff_panel
    assert county.name not in staff_panel
    assert f'href="{reverse("inspection:overview")}"' not in staff_panel


def test_the_site_wide_administrators_group_keeps_the_platforms_panel(client, office):
    """It holds no page role (docs/moderation.md, "Who administers a page"), yet oversees every
    organisation: the dashboard keeps its inspection panel, linking to the overview."""
    group, _ = (site_administrators_group(), False)
    platform = UserFactory(username="platform", groups=[group])
    item(column(office["root"], "工作动态"), days=10)
    refresh_inspections()
    panel = dashboard_panel(client, platform)
    assert f'href="{reverse("inspection:overview")}"' in panel


def test_the_dashboard_panel_is_framed_like_the_others(client, office):
    """Wagtail's {% panel %} (its header, heading and frame) as the review panels have it: the
    panel written out by hand put its heading left of the content column, outside any frame."""
    item(column(office["root"], "工作动态"), days=10)
    refresh_inspections()
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    section = html[html.index('<section class="w-panel w-panel--dashboard gk-inspection-panel"') :]
    assert section.index('id="inspection-panel-section"') < section.index(">")
    heading = section[: section.index("</h2>")]
    assert 'id="inspection-panel-heading"' in heading and "栏目即将超期未更新" in heading
