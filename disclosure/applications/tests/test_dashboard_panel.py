"""The handler's dashboard: open applications by due date, overdue in red, own organisation only
(issue 17)."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from disclosure.applications.roles import SITE_WIDE_KEY, ensure_organisation_handlers
from disclosure.catalogue.models import Organisation
from disclosure.workdays.calendar import working_days_between
from gongkai.accounts.site_wide_groups import site_wide_group


def test_open_applications_by_due_date_overdue_in_red(client, organisation, make_application):
    today = timezone.localdate()
    late = make_application(received_on=today - datetime.timedelta(days=60), name="逾期申请人")
    soon = make_application(received_on=today - datetime.timedelta(days=2), name="新申请人")
    replied = make_application(received_on=today - datetime.timedelta(days=10))
    replied.state = "replied"
    replied.save()
    elsewhere = Organisation.objects.create(name="友谊县人民政府办公室测试", short_name="县政府办")
    other = make_application(organisation=elsewhere, received_on=today)

    handler = get_user_model().objects.create_user("handler")
    handler.groups.add(ensure_organisation_handlers(organisation))
    client.force_login(handler)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index('id="application-deadlines')
    listed = html[start : html.index("</section>", start)]

    assert listed.index(late.tracking_number) < listed.index(soon.tracking_number)
    assert replied.tracking_number not in listed and other.tracking_number not in listed
    late_row = listed[listed.rindex("<tr", 0, listed.index(late.tracking_number)) :]
    assert late_row.startswith('<tr class="application-overdue w-text-critical-200"')
    assert f"已逾期 {working_days_between(late.due_on, today)} 个工作日" in listed
    soon_row = listed[listed.rindex("<tr", 0, listed.index(soon.tracking_number)) :]
    assert soon_row.startswith("<tr>")
    assert f"剩余 {working_days_between(today, soon.due_on)} 个工作日" in listed


def test_a_handler_without_page_permissions_is_offered_no_page_search(client, organisation):
    """The dashboard's 搜索全部页面… box led a handler to 对不起，你没有权限访问。"""
    handler = get_user_model().objects.create_user("handler")
    handler.groups.add(ensure_organisation_handlers(organisation))
    client.force_login(handler)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="application-deadlines' in html
    assert "搜索全部页面" not in html


def test_the_register_marks_an_overdue_application(client, organisation, make_application):
    """The register looked the same for an application past its deadline: only the dashboard
    showed it in red."""
    today = timezone.localdate()
    late = make_application(received_on=today - datetime.timedelta(days=60), name="逾期申请人")
    soon = make_application(received_on=today - datetime.timedelta(days=2), name="新申请人")
    html = register_as_handler(client, organisation)

    assert '<strong class="application-overdue w-text-critical-200">已逾期</strong>' in row(
        html, late
    )
    assert "已逾期" not in row(html, soon)


def register_as_handler(client, organisation):
    """The register's HTML as the organisation's 依申请办理 sees it: the site-wide group
    carries the register's permissions, the organisation's opens its rows."""
    handler = get_user_model().objects.create_user("handler")
    handler.groups.add(site_wide_group(SITE_WIDE_KEY), ensure_organisation_handlers(organisation))
    client.force_login(handler)
    return client.get(reverse("applications_application:index")).content.decode()


def row(html, application):
    """The register's row of `application`."""
    start = html.rindex("<tr", 0, html.index(application.tracking_number))
    return html[start : html.index("</tr>", start)]


def test_the_register_offers_an_archived_application_to_read_not_to_handle(
    client, organisation, make_application
):
    """An archived application's row said 办理, although no step can be recorded on it."""
    today = timezone.localdate()
    open_one = make_application(received_on=today, name="在办申请人")
    closed = make_application(received_on=today - datetime.timedelta(days=30), name="归档申请人")
    closed.state = "archived"
    closed.save()
    html = register_as_handler(client, organisation)

    def buttons(application):
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row(html, application)))

    assert " 办理 " in buttons(open_one) and " 查看 " not in buttons(open_one)
    assert " 查看 " in buttons(closed) and " 办理 " not in buttons(closed)
