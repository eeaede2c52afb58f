"""Only what the public can reach counts: a live page under an unpublished column (Wagtail
leaves the children of an unpublished page live) or behind a password on a sub-column updates
nothing, makes no column non-blank, and such columns are not inspected at all."""

from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.models import CategoryPage
from disclosure.inspection.columns import column_states
from disclosure.inspection.scope import Scope

from .helpers import backdate, column, item, result


def unpublish(page):
    CategoryPage.objects.get(pk=page.pk).unpublish(set_expired=False, log_action=False)


def age_everything(office, days=400):
    """Every item of the township is old: only what a test adds can update it."""
    for page in Page.objects.filter(path__startswith=office["root"].path).exclude(
        pk=office["root"].pk
    ):
        if page.specific_class is not CategoryPage:
            backdate(page.specific, days)


def inspected_columns(office):
    return {state.column.pk for state in column_states(Scope(office["township"]))}


def test_an_item_under_an_unpublished_column_does_not_update_the_home_page(office):
    age_everything(office)
    news = column(office["root"], "工作动态", slug="hidden-news")
    fresh = item(news, "今天的动态", days=0)
    assert result("home_not_updated", office["township"]).status == "pass"
    unpublish(news)
    assert Page.objects.get(pk=fresh.pk).live  # Wagtail leaves the child live
    found = result("home_not_updated", office["township"])
    assert found.status == "veto", [f.detail for f in found.findings]


def test_a_column_under_an_unpublished_column_is_not_inspected_and_updates_nothing(office):
    age_everything(office)
    parent = column(office["root"], "工作动态", slug="hidden-parent")
    child = column(parent, "乡镇动态", slug="hidden-child")
    item(child, "今天的动态", days=0)
    unpublish(parent)
    assert child.pk not in inspected_columns(office)
    assert result("home_not_updated", office["township"]).status == "veto"


def test_a_fresh_item_in_an_unpublished_sub_column_leaves_the_parent_stale(office):
    news = column(office["root"], "工作动态", slug="stale-news")
    item(news, "旧动态", days=30)
    sub = column(news, "专题", slug="stale-sub")
    item(sub, "今天的动态", days=0)
    assert news.pk not in {f.page_id for f in result("stale_columns", office["township"]).failures}
    unpublish(sub)
    failures = result("stale_columns", office["township"]).failures
    assert news.pk in {f.page_id for f in failures}, [f.detail for f in failures]


def blank_parents(office, count=5):
    parents = [column(office["root"], f"空栏目{n}", slug=f"blank-{n}") for n in range(count)]
    return parents


def blank_ids(office):
    return {f.page_id for f in result("blank_columns", office["township"]).findings}


def test_a_password_protected_empty_sub_column_does_not_make_its_parent_non_blank(office):
    parents = blank_parents(office)
    assert {p.pk for p in parents} <= blank_ids(office)
    for n, parent in enumerate(parents[:2]):
        locked = column(parent, "内部栏目", slug=f"locked-{n}")
        PageViewRestriction.objects.create(page=locked, restriction_type="password", password="s")
    blanks = blank_ids(office)
    assert {p.pk for p in parents} <= blanks
    assert result("blank_columns", office["township"]).status == "veto"
    # The restricted sub-columns themselves are not inspected, as blank or otherwise.
    assert not blanks & set(
        CategoryPage.objects.filter(slug__startswith="locked-").values_list("pk", flat=True)
    )


def test_an_unpublished_sub_column_with_a_live_item_does_not_make_its_parent_non_blank(office):
    (parent,) = blank_parents(office, 1)
    sub = column(parent, "专题", slug="unpublished-sub")
    item(sub, days=1)
    assert parent.pk not in blank_ids(office)
    unpublish(sub)
    assert parent.pk in blank_ids(office)
    assert sub.pk not in blank_ids(office)


def test_a_public_sub_column_still_makes_its_parent_non_blank(office):
    (parent,) = blank_parents(office, 1)
    sub = column(parent, "专题", slug="public-sub")
    item(sub, days=1)
    assert parent.pk not in blank_ids(office)
    empty_parent = column(office["root"], "有空子栏目", slug="with-empty-sub")
    column(empty_parent, "空子栏目", slug="empty-sub")
    ids = blank_ids(office)
    assert empty_parent.pk not in ids  # a public sub-column: the sub-column is the blank one
