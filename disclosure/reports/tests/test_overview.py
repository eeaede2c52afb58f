"""The county overview: every organisation's report of a year, on time, late or missing by the
Art. 49 deadline of its level, with each rule's result, as an admin table and a workbook."""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site

from disclosure.catalogue.models import DisclosureIndexPage, Organisation, StaffOrganisation
from disclosure.reports import overview
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from disclosure.reports.tests.factories import consistent_report, make_report
from disclosure.statutory import tables as t

pytestmark = pytest.mark.django_db
YEAR = 2023


def organisation(name, level="", slug=None, column=True):
    org = Organisation.objects.create(name=name, level=level)
    home = Site.objects.get(is_default_site=True).root_page
    root = home.add_child(
        instance=DisclosureIndexPage(title=name, slug=slug or f"xxgk-{org.pk}", organisation=org)
    )
    index = None
    if column:
        index = root.add_child(instance=AnnualReportIndexPage(title="年度报告", slug="reports"))
    return org, index


def published_on(page, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    AnnualReportPage.objects.filter(pk=page.pk).update(first_published_at=moment)


@pytest.fixture
def county():
    """A township on time with R9 warnings, a department late, a county with no report, a
    township with only a draft, an office without a report column."""
    township, index = organisation("某县东湖镇人民政府", "township")
    values = consistent_report()
    values["table_a"]["regulations"].update(issued=1, in_force=1)
    on_time = make_report(index, YEAR, {k: (t.FORMAT_2021, v) for k, v in values.items()})
    published_on(on_time, datetime.date(2024, 1, 20))
    department, index = organisation("某县农业农村局", "department")
    late = make_report(index, YEAR)
    published_on(late, datetime.date(2024, 2, 5))
    organisation("某县人民政府", "county")
    _drafter, index = organisation("某县西湖镇人民政府", "township")
    make_report(index, YEAR, publish=False)
    organisation("某县信访局", column=False)
    return {"township": township, "department": department, "on_time": on_time, "late": late}


def by_name(rows):
    return {row.organisation.name: row for row in rows}


def test_status_by_the_deadline_of_each_level(county):
    rows = by_name(overview.overview(YEAR, Organisation.objects.all(), datetime.date(2024, 5, 1)))
    assert rows["某县东湖镇人民政府"].status == overview.Status.ON_TIME
    assert rows["某县农业农村局"].status == overview.Status.LATE  # departments: 31 January
    assert rows["某县农业农村局"].deadline == datetime.date(2024, 1, 31)
    assert rows["某县人民政府"].status == overview.Status.MISSING  # governments: 31 March
    assert rows["某县人民政府"].deadline == datetime.date(2024, 3, 31)
    assert rows["某县西湖镇人民政府"].status == overview.Status.DRAFT
    assert rows["某县信访局"].status == overview.Status.NO_COLUMN


def test_before_the_deadline_a_missing_report_is_not_yet_due(county):
    rows = by_name(overview.overview(YEAR, Organisation.objects.all(), datetime.date(2024, 2, 1)))
    assert rows["某县人民政府"].status == overview.Status.NOT_DUE
    assert rows["某县农业农村局"].status == overview.Status.LATE  # published after its deadline


def test_the_deadlines_are_set_per_level(county, settings):
    settings.GONGKAI_REPORT_DEADLINES = {**settings.GONGKAI_REPORT_DEADLINES, "township": (1, 15)}
    rows = by_name(overview.overview(YEAR, Organisation.objects.all(), datetime.date(2024, 5, 1)))
    assert rows["某县东湖镇人民政府"].status == overview.Status.LATE
    assert rows["某县东湖镇人民政府"].deadline == datetime.date(2024, 1, 15)


def test_each_rules_result_over_the_published_report(county):
    rows = by_name(overview.overview(YEAR, Organisation.objects.all(), datetime.date(2024, 5, 1)))
    results = {r.rule: r for r in rows["某县东湖镇人民政府"].results}
    assert results["R9"].text == "2 警告" and results["R9"].state == "warning"
    assert results["R1"].text == "✓"
    assert results["R5"].text == "—"  # no report of 2022 to compare with
    department = {r.rule: r for r in rows["某县农业农村局"].results}
    assert department["R9"].checked is False  # not a township
    assert rows["某县人民政府"].results == []


def test_the_admin_table_and_its_workbook(admin_client, county):
    url = reverse("reports:overview")
    assert url in admin_client.get(reverse("wagtailadmin_home")).content.decode()  # the menu
    html = admin_client.get(url, {"year": YEAR}).content.decode()
    assert "某县东湖镇人民政府" in html and "按时发布" in html and "逾期发布" in html
    assert "逾期未发布（仅有草稿）" in html and "未设年度报告栏目" in html
    assert 'data-rule="R9" data-state="warning">2 警告' in html
    assert reverse("wagtailadmin_pages:edit", args=[county["on_time"].pk]) in html
    response = admin_client.get(reverse("reports:overview_xlsx"), {"year": YEAR})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["公开主体", "层级", "报告", "发布期限", "首次发布日期", "状态"]
    assert header[6:] == list(overview.RULES)
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["某县农业农村局"][5] == "逾期发布"
    assert rows["某县农业农村局"][3].date() == datetime.date(2024, 1, 31)
    assert rows["某县东湖镇人民政府"][6 + 8] == "2 警告"  # R9: 制发 and 现行有效
    assert rows["某县人民政府"][5] == "逾期未发布"


def test_an_organisations_staff_see_only_their_own_row(client, county, django_user_model):
    user = django_user_model.objects.create_user("dongxu", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    StaffOrganisation.objects.create(user=user, organisation=county["township"])
    client.force_login(user)
    html = client.get(reverse("reports:overview"), {"year": YEAR}).content.decode()
    assert "某县东湖镇人民政府" in html and "某县农业农村局" not in html
    sheet = load_workbook(
        BytesIO(client.get(reverse("reports:overview_xlsx"), {"year": YEAR}).content)
    ).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "某县东湖镇人民政府"
    ]


def test_a_user_without_organisation_who_is_not_a_site_administrator_sees_no_row(
    client, county, django_user_model
):
    user = django_user_model.objects.create_user("nobody-in-particular", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get(reverse("reports:overview"), {"year": YEAR}).content.decode()
    assert "某县东湖镇人民政府" not in html and "某县农业农村局" not in html
    sheet = load_workbook(
        BytesIO(client.get(reverse("reports:overview_xlsx"), {"year": YEAR}).content)
    ).active
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == []


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("reports:overview"))
    assert response.status_code == 302 and "login" in response["Location"]


def county_of(count):
    """`count` organisations, each with this year's report and last year's (R5 and R8 compare
    them), and one more without a report column."""
    reporting = []
    for n in range(count):
        org, index = organisation(f"某县第{n}局", "department")
        make_report(index, YEAR - 1)
        make_report(index, YEAR)
        reporting.append(org)
    return reporting, organisation("某县信访局", column=False)[0]


def queries_of_the_overview(organisations):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    overview.overview(YEAR, organisations)  # per-process caches (the default locale) warm
    with CaptureQueriesContext(connection) as captured:
        rows = overview.overview(YEAR, organisations, datetime.date(2024, 5, 1))
    assert {row.status for row in rows} == {overview.Status.LATE, overview.Status.NO_COLUMN}
    assert all(row.results[4].checked for row in rows if row.report)  # R5: last year's found
    return len(captured)


def test_the_overview_reads_every_organisation_in_the_same_few_queries():
    """The roots, report columns and reports of the year and the one before are read for
    every organisation at once: ten organisations cost what two cost."""
    reporting, without_column = county_of(10)
    few = queries_of_the_overview([*reporting[:2], without_column])
    many = queries_of_the_overview([*reporting, without_column])
    assert many == few
    assert few <= 3  # the roots, the report columns, the reports
