"""首页不更新 when the public cannot see the disclosure root: unpublished, behind a view
restriction (on the root or above it), or outside every site. Each fails like a missing root
(decisive, whatever the threshold), names the root to fix and says why in Chinese, however
recent the items below it are."""

import pytest
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.catalogue.tests.factories import DisclosureIndexPageFactory, OrganisationFactory

from .helpers import column, item, result


def fresh_township(office):
    """The township with an item published yesterday: its home page is updated."""
    item(office["columns"][1], days=1)
    found = result("home_not_updated", office["township"])
    assert found.status == "pass", [f.detail for f in found.findings]
    return office["root"]


def hidden_root_finding(office, why):
    found = result("home_not_updated", office["township"])
    assert found.status == "veto"
    (finding,) = found.findings
    assert finding.decisive and not finding.upcoming
    assert finding.page_id == office["root"].pk
    assert why in finding.detail, finding.detail
    return finding


def test_an_unpublished_root_fails_like_a_missing_one(office):
    root = fresh_township(office)
    Page.objects.filter(pk=root.pk).update(live=False)
    hidden_root_finding(office, "未发布")


def test_a_root_unpublished_through_wagtail_fails(office):
    root = fresh_township(office)
    DisclosureIndexPage.objects.get(pk=root.pk).unpublish(set_expired=False, log_action=False)
    hidden_root_finding(office, "未发布")


@pytest.mark.parametrize("where", ["root", "above"])
@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_root_behind_a_view_restriction_fails(office, where, restriction_type):
    root = fresh_township(office)
    page = root if where == "root" else root.get_parent()
    PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="secret"
    )
    hidden_root_finding(office, "访问限制")


def test_a_root_outside_every_site_fails(office):
    root = fresh_township(office)
    root.move(Page.get_first_root_node(), pos="last-child")
    hidden_root_finding(office, "站点")


def test_the_threshold_does_not_save_a_hidden_root(office):
    from disclosure.inspection.models import Indicator

    root = fresh_township(office)
    Page.objects.filter(pk=root.pk).update(live=False)
    Indicator.objects.filter(code="home_not_updated").update(threshold=99)
    assert result("home_not_updated", office["township"]).status == "veto"


def second_root(office):
    return DisclosureIndexPageFactory(
        title="友谊镇旧版信息公开", slug="old-xxgk", organisation=office["township"]
    )


def test_one_public_root_is_enough_for_an_organisation_with_two_and_the_hidden_one_is_named(
    office,
):
    root = fresh_township(office)
    second = second_root(office)
    Page.objects.filter(pk=second.pk).update(live=False)
    found = result("home_not_updated", office["township"])
    assert found.status == "warn" and found.count == 0
    (warning,) = found.findings
    assert (
        warning.page_id == second.pk
        and warning.notice
        and not warning.upcoming
        and "未发布" in warning.detail
    )
    Page.objects.filter(pk=root.pk).update(live=False)
    assert result("home_not_updated", office["township"]).status == "veto"


@pytest.mark.parametrize("how", ["unpublished", "restricted"])
def test_items_under_a_hidden_second_root_update_nothing(office, how):
    """The public root has nothing new; fresh items under the hidden one do not save it."""
    from disclosure.inspection.columns import column_states
    from disclosure.inspection.scope import Scope

    from .helpers import backdate

    for page in Page.objects.filter(path__startswith=office["root"].path).exclude(
        pk=office["root"].pk
    ):
        if page.specific_class is not type(office["columns"][0]):
            backdate(page.specific, 400)
    second = second_root(office)
    news = column(second, "工作动态", slug="old-news")
    item(news, "旧版网站的新动态", days=1)
    if how == "unpublished":
        Page.objects.filter(pk=second.pk).update(live=False)
    else:
        PageViewRestriction.objects.create(page=second, restriction_type="login")
    found = result("home_not_updated", office["township"])
    assert found.status == "veto", [f.detail for f in found.findings]
    assert any(f.page_id == second.pk and f.notice for f in found.findings)
    columns = {state.column.pk for state in column_states(Scope(office["township"]))}
    assert news.pk not in columns


def test_items_behind_a_password_on_a_column_do_not_count(office):
    from disclosure.inspection.columns import column_states
    from disclosure.inspection.scope import Scope

    locked = column(office["root"], "工作动态", slug="locked-news")
    item(locked, "只有内部能看的动态", days=1)
    assert result("home_not_updated", office["township"]).status == "pass"
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="s")
    found = result("home_not_updated", office["township"])
    assert found.status != "pass", [f.detail for f in found.findings]
    columns = {state.column.pk for state in column_states(Scope(office["township"]))}
    assert locked.pk not in columns


def test_a_missing_root_still_fails_and_the_platform_needs_one_public_root(office):
    nowhere = OrganisationFactory(name="无目录的乡", short_name="无目录乡")
    (finding,) = result("home_not_updated", nowhere).findings
    assert finding.decisive and finding.page_id is None and "没有信息公开目录" in finding.detail
    fresh_township(office)
    item(column(office["county_root"], "工作动态"), days=1)
    assert result("home_not_updated").status == "pass"
    for root in (office["root"], office["county_root"]):
        Page.objects.filter(pk=root.pk).update(live=False)
    platform = result("home_not_updated")
    assert platform.status == "veto" and all(f.decisive for f in platform.findings)


@pytest.mark.parametrize("through_wagtail", [False, True])
def test_a_root_under_an_unpublished_site_home_page_fails(office, through_wagtail):
    """The site's front page gives 404: an inspector finds no home page, whatever is below."""
    root = fresh_township(office)
    home = root.get_site().root_page.specific
    assert root.get_ancestors().filter(pk=home.pk).exists()
    if through_wagtail:
        home.unpublish(set_expired=False, log_action=False)
    else:
        Page.objects.filter(pk=home.pk).update(live=False)
    hidden_root_finding(office, "网站首页未发布")
