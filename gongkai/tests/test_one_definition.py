"""Rules the project states once: a module that spells one out again in place (and so may drift
from the others) fails here. Each rule names the one place that defines it."""

import re

from .project_code import source_files


def places(pattern, allowed=()):
    """The project modules whose code matches `pattern`, except the `allowed` ones."""
    found = re.compile(pattern)
    return sorted(
        str(path)
        for path, text in source_files()
        if found.search(text) and str(path) not in allowed
    )


def test_a_running_review_is_wagtails_active_workflow_state():
    """A review running or sent back is WorkflowState.objects.active() (a page's
    current_workflow_state), not a list of statuses nor Wagtail's workflow_in_progress, which
    forgets a review sent back (退回修改): the importer once published a sent-back draft."""
    assert places(r"WorkflowState\.STATUS_IN_PROGRESS") == []
    assert places(r"\.workflow_in_progress\b") == []


# The modules that name StaffOrganisation's table besides its reader (staff_roles), and why.
STAFF_ORGANISATION_WRITERS = {
    "disclosure/moderation/organisations/membership.py": "keeps it with the user's groups",
    "disclosure/moderation/organisations/walls.py": "record_organisation_from_groups creates it",
    "home/demo.py": "the demo's staff",
    "disclosure/moderation/people/audit.py": "the audit form's users of several organisations",
}


def test_a_users_organisation_is_read_through_staff_roles():
    """StaffOrganisation is read through staff_roles (organisation_id_of_user, staff_of,
    has_organisation); the modules above only write it (or, the audit, filter by several)."""
    assert (
        places(
            r"StaffOrganisation\.objects|staff_organisation__",
            allowed={"disclosure/catalogue/staff_roles.py", *STAFF_ORGANISATION_WRITERS},
        )
        == []
    )
    # The walls only create the record; they read it through staff_roles.
    readers = places(r"StaffOrganisation\.objects\.(filter|get|exclude)|staff_organisation__")
    assert "disclosure/moderation/organisations/walls.py" not in readers


def test_who_is_a_site_administrator_is_asked_of_administrators():
    """Who the site administrators are: accounts.administrators.site_administrators_q."""
    assert places(r"members_q\(\[Role\.ADMINISTRATORS\]\)|site_wide__key=Role\.ADMINISTRATORS") == [
        "gongkai/accounts/administrators.py"
    ]


def test_site_wide_groups_and_the_default_workflow_are_never_found_by_name():
    """Site administrators may rename a group or a workflow: code finds the site-wide groups by
    key (accounts.site_wide_groups) and the default workflow by its row (moderation's
    placement), never by the name they were created with."""
    assert places(r"(groups__name|name|name__in)=.*(group_name|_GROUP\b)|WORKFLOW_NAME") == []


def test_suggestions_are_filtered_in_one_place():
    """Search suggestions pass the apps' filters through suggestions.allowed_suggestions."""
    assert places(r"get_hooks\(FILTER_SEARCH_SUGGESTIONS\)") == ["search/suggestions.py"]


# The modules that test first_published_at for being set, and why: each reads or fills the
# date itself, not whether the page was ever published.
FIRST_PUBLICATION_DATE_READERS = {
    "disclosure/catalogue/models/items_base.py": "fills the date from 发布日期 when missing",
    "disclosure/imports/publishing.py": "fills the date of an imported page when missing",
    "disclosure/reports/demo.py": "fills the demo report's date when missing",
    "home/demo_translation.py": "copies the source's date to its translation",
    "disclosure/inspection/scope.py": "the organisation's items that bear a date to check",
    "disclosure/inspection/dates.py": "the items whose dates it compares",
    "search/views.py": "the years of dated results",
    "search/result_dates.py": "orders results by the date they show, undated last",
    "gongkai/languages/publication_dates.py": "shows the source's date when it has one",
}


def test_whether_a_page_was_ever_published_is_asked_of_publication_state():
    """Never published, or published and withdrawn (已撤下): catalogue.publication_state
    (ever_published_q, never_published, was_ever_published, was_withdrawn). A reader of
    first_published_at alone called a page withdrawn that the draft rule called a draft."""
    assert (
        places(
            r"first_published_at__isnull|first_published_at is (not )?None",
            allowed={
                "disclosure/catalogue/publication_state.py",
                *FIRST_PUBLICATION_DATE_READERS,
            },
        )
        == []
    )


def test_the_current_address_is_built_by_request_paths():
    """A link or redirect to the current request (a login's next=, a redirect to the same view)
    is gongkai.request_paths.full_path: `get_full_path` re-encodes a query string sent as raw
    UTF-8 bytes. Only the public redirects use it, to look up what Wagtail's redirect middleware
    looked up (its own get_full_path)."""
    assert places(r"\.get_full_path\(") == ["disclosure/catalogue/public_redirects.py"]
