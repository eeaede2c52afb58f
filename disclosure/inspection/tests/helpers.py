"""A small office to plant defects in, and what the inspection says about it."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from disclosure.catalogue.tests.factories import CategoryPageFactory, DisclosureDocumentPageFactory
from disclosure.inspection.indicators import inspect


def result(code, organisation=None, today=None):
    return next(r for r in inspect(organisation, today=today) if r.code == code)


def backdate(page, days):
    """The item was first published `days` ago, and its 发布日期 says so."""
    when = timezone.make_aware(datetime.combine(timezone.localdate(), time(9)))
    when -= timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    type(page).objects.filter(pk=page.pk).update(published_on=timezone.localdate(when))
    page.refresh_from_db()
    return page


def column(root, title, slug=None):
    return CategoryPageFactory(parent=root, title=title, slug=slug or "")


def item(parent, title="关于做好垃圾分类工作的通知", days=1, **fields):
    return backdate(DisclosureDocumentPageFactory(parent=parent, title=title, **fields), days)
