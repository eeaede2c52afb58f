"""The admin screens that list items ask the database a fixed number of times, however many
rows they show: 待我审核 (with the items held back by 三审), the Art. 26 deadlines, 我的草稿 and
a column's page listing. Each screen is read with 2 items of each kind in each of two
organisations, then with 20: the same budget holds both times, so no check runs once per row.
The rules themselves are the other tests' (test_four_eyes.py, test_one_person_one_step.py,
test_page_deletion.py, test_unpublish_offered.py, test_dashboard.py)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from disclosure.catalogue.tests.factories import CategoryPageFactory, DisclosureDocumentPageFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from tests.factories import publish_fixture

from .helpers import act, fresh, panel, submit
from .offices import make_user

# Queries of one screen, whatever its rows: measured 80 and 77 (reviewer), 69 and 77 (editor),
# 58 and 55 (listing), with 2 and 20 items.
REVIEWER_DASHBOARD = 85  # before: 145 with 2 items, 773 with 20
EDITOR_DASHBOARD = 80  # before: 112 with 2 items, 407 with 20
COLUMN_LISTING = 60  # before: 71 with 2 items, 214 with 20

WRITTEN_LONG_AGO = date(2020, 1, 6)  # overdue: listed by the Art. 26 panel too


@pytest.fixture
def offices(small_office):
    """The township, whose 初审 `reviewer` also holds 保密审查 (a small office: the items it
    approved at 初审 wait at 保密审查 for someone else), and the county office with a column, a
    reviewer and an editor of its own: its items must not reach the township's screens."""
    township = ensure_organisation_roles(small_office["root"].organisation)
    county = ensure_organisation_roles(small_office["county_root"].organisation)
    users = small_office["users"]
    users["reviewer"].groups.add(township["secrecy"])
    users["county_reviewer"] = make_user("county-reviewer", county["reviewers"])
    small_office["county_column"] = CategoryPageFactory(
        parent=small_office["county_root"], title="通知公告", slug="county-notices"
    )
    return small_office


def item(column, author, title):
    return DisclosureDocumentPageFactory(
        parent=column, title=title, live=False, owner=author, written_on=WRITTEN_LONG_AGO
    )


def add_items_in_review(offices, count):
    """`count` items in each organisation waiting at 初审, and `count` township items the
    township reviewer approved at 初审 (held back from it at 保密审查)."""
    users = offices["users"]
    column, county_column = offices["columns"][0], offices["county_column"]
    for n in range(count):
        submit(item(column, users["editor"], f"待初审 {n}"), users["editor"])
        submit(item(county_column, users["outsider"], f"县待初审 {n}"), users["outsider"])
        held = item(column, users["editor"], f"待保密审查 {n}")
        submit(held, users["editor"])
        act(held, users["reviewer"], "approve")


def add_drafts(offices, count):
    """`count` never-published drafts and `count` published items with unpublished changes in
    each organisation (我的草稿 of their editors, the Art. 26 panel)."""
    users = offices["users"]
    for column, author, prefix in [
        (offices["columns"][0], users["editor"], ""),
        (offices["county_column"], users["outsider"], "县"),
    ]:
        for n in range(count):
            item(column, author, f"{prefix}草稿 {n}")
            published = item(column, author, f"{prefix}已发布 {n}")
            published = fresh(publish_fixture(published, users["admin"]))
            published.title = f"{prefix}已发布 {n}（修改）"
            published.save_revision(user=author)


def numbers(pattern, html):
    return {int(number) for number in re.findall(pattern, html)}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_reviewers_dashboard_reads_a_fixed_number_of_times(
    client, offices, django_assert_max_num_queries
):
    client.force_login(offices["users"]["reviewer"])
    for count in (2, 20):
        add_items_in_review(offices, count - (2 if count == 20 else 0))
        with django_assert_max_num_queries(REVIEWER_DASHBOARD):
            html = read(client, reverse("wagtailadmin_home"))
        waiting = panel(html, "awaiting-my-review")
        assert waiting.count("待初审 ") == count and "县待初审" not in html
        assert waiting.count("待保密审查 ") == count  # held back: listed with the reason


def test_the_editors_dashboard_reads_a_fixed_number_of_times(
    client, offices, django_assert_max_num_queries
):
    client.force_login(offices["users"]["editor"])
    for count in (2, 20):
        add_drafts(offices, count - (2 if count == 20 else 0))
        # The first load after a change reads each changed item's revisions once (the Art. 26
        # panel: when did its public text first change?); the answer is kept per revision.
        read(client, reverse("wagtailadmin_home"))
        with django_assert_max_num_queries(EDITOR_DASHBOARD):
            html = read(client, reverse("wagtailadmin_home"))
        drafts = panel(html, "my-drafts")
        assert "草稿 " in drafts and "（修改）" in drafts and "县" not in drafts


def test_a_columns_page_listing_reads_a_fixed_number_of_times(
    client, offices, django_assert_max_num_queries
):
    client.force_login(offices["users"]["editor"])
    column = offices["columns"][0]
    for count in (2, 20):
        add_drafts(offices, count - (2 if count == 20 else 0))
        with django_assert_max_num_queries(COLUMN_LISTING):
            html = read(client, reverse("wagtailadmin_explore", args=[column.pk]))
        drafts, changed = numbers(r"草稿 (\d+)", html), numbers(r"已发布 (\d+)（修改）", html)
        assert drafts and changed and drafts | changed <= set(range(count))
