"""伪造发稿日期: a 发布日期 other than the first publication, without a recorded source. That an
editor cannot set one is catalogue's (disclosure/catalogue/tests/test_publication_dates.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from disclosure.catalogue.models import DisclosureDocumentPage, PublicationDateSource

from .helpers import item, result


def test_a_date_set_behind_the_system_is_a_veto_a_recorded_source_is_not(office):
    column = office["columns"][1]
    honest = item(column, title="按时发布的通知", days=3)
    backdated = item(column, title="倒签日期的通知", days=3)
    imported = item(column, title="原网站迁移的通知", days=3)
    relabelled = item(column, title="改了来源的通知", days=3)
    future = item(column, title="未来日期的通知", days=3)
    earlier = timezone.localdate() - timedelta(days=40)
    DisclosureDocumentPage.objects.filter(pk=backdated.pk).update(published_on=earlier)
    # An import backdates the first publication to the old site's date: the two agree.
    DisclosureDocumentPage.objects.filter(pk=imported.pk).update(
        published_on=earlier,
        published_on_source=PublicationDateSource.OLD_SITE,
        first_published_at=timezone.now() - timedelta(days=40),
    )
    # A recorded source does not excuse a date its first publication does not bear out.
    DisclosureDocumentPage.objects.filter(pk=relabelled.pk).update(
        published_on=earlier, published_on_source=PublicationDateSource.DEMO
    )
    DisclosureDocumentPage.objects.filter(pk=future.pk).update(
        published_on=timezone.localdate() + timedelta(days=30),
        published_on_source=PublicationDateSource.OLD_SITE,
    )
    found = result("faked_dates", office["township"])
    assert found.status == "veto"
    assert sorted(f.page_id for f in found.findings) == sorted(
        [backdated.pk, relabelled.pk, future.pk]
    )
    assert honest.pk not in [f.page_id for f in found.findings]


def _annual_report(office):
    from disclosure.reports.tests.factories import (
        AnnualReportIndexPageFactory,
        AnnualReportPageFactory,
    )

    index = AnnualReportIndexPageFactory(parent=office["root"], slug="ndbg-dates")
    return AnnualReportPageFactory(parent=index, year=2025, title="2025年度报告")


# What a page type needs beyond its factory to be saved.
REQUIRED = {"OrganisationFunctionPage": {"functions": "<p>贯彻执行党和国家的方针政策。</p>"}}


def _catalogue_item(factory):
    def make(office):
        model = factory._meta.model.__name__
        return factory(
            parent=office["columns"][1], title=f"{model}的未来日期", **REQUIRED.get(model, {})
        )

    return make


def _makers():
    from disclosure.catalogue.models import ITEM_PAGE_MODELS
    from disclosure.catalogue.tests import factories
    from disclosure.reports.models import AnnualReportPage

    by_model = {
        factory._meta.model: factory
        for factory in vars(factories).values()
        if isinstance(factory, type) and hasattr(factory, "_meta")
    }
    makers = {model: _catalogue_item(by_model[model]) for model in ITEM_PAGE_MODELS}
    makers[AnnualReportPage] = _annual_report
    return makers


@pytest.mark.parametrize("model", _makers(), ids=lambda model: model.__name__)
def test_every_page_type_that_updates_the_home_page_is_checked_for_a_date_ahead(office, model):
    """A 发布日期 ahead of today, however set (a script dating the page's first publication and,
    where it has one, its published_on ahead together), on any page type that counts as
    information for the home page."""
    from disclosure.inspection.scope import INFORMATION_PAGE_MODELS

    assert set(_makers()) == set(INFORMATION_PAGE_MODELS), "a page type without a maker here"
    page = _makers()[model](office)
    ahead = timezone.now() + timedelta(days=30)
    Page.objects.filter(pk=page.pk).update(first_published_at=ahead)
    if hasattr(model, "published_on"):
        model.objects.filter(pk=page.pk).update(published_on=timezone.localdate(ahead))
    found = result("faked_dates", office["township"])
    assert page.pk in [f.page_id for f in found.findings], [f.detail for f in found.findings]
    assert found.status == "veto"
    (finding,) = [f for f in found.findings if f.page_id == page.pk]
    assert "晚于今天" in finding.detail
