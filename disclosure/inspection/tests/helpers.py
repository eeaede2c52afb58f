"""A small office to plant defects in, and what the inspection says about it."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.tests.factories import (
    GUIDE_ELEMENTS,
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.inspection.indicators import inspect
from disclosure.inspection.models import Indicator
from disclosure.inspection.publications import PUBLISH_ACTION


def result(code, organisation=None, today=None):
    return next(r for r in inspect(organisation, today=today) if r.code == code)


def backdate(page, days):
    """The item was first published `days` ago: its page row, its publication log entries
    (what the inspection trusts: publications.py) and its 发布日期 say so."""
    when = timezone.make_aware(datetime.combine(timezone.localdate(), time(9)))
    when -= timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH_ACTION).update(timestamp=when)
    type(page).objects.filter(pk=page.pk).update(published_on=timezone.localdate(when))
    page.refresh_from_db()
    return page


def column(root, title, slug=None):
    return CategoryPageFactory(parent=root, title=title, slug=slug or "")


def item(parent, title="关于做好垃圾分类工作的通知", days=1, **fields):
    return backdate(DisclosureDocumentPageFactory(parent=parent, title=title, **fields), days)


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code in (302, 403) and response.get("Location", "/admin/") == reverse(
        "wagtailadmin_home"
    )


COMPLETE_GUIDE = {"item_name": "老年人优待证办理", **GUIDE_ELEMENTS}


def indicator_form(indicator, **changes):
    data = {
        "name": indicator.name,
        "kind": indicator.kind,
        "threshold": indicator.threshold,
        "period_days": indicator.period_days or "",
        "source": indicator.source,
        "enabled": "on",
    }
    data.update(changes)
    return data


def refused_indicator_edit(client, office, field, value, message):
    """The office admin posts `field` = `value` to 首页不更新's snippet form: refused with
    `message`; the indicator as stored afterwards."""
    indicator = Indicator.objects.get(code="home_not_updated")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailsnippets_inspection_indicator:edit", args=[indicator.pk])
    response = client.post(url, indicator_form(indicator, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    indicator.refresh_from_db()
    return indicator
