"""Four-eyes is one rule: the buttons a reviewer is offered, the 待我审核 list and the action
itself all judge against the revision submitted to the step, not the page's latest one."""

import pytest
from django.core.exceptions import PermissionDenied

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles

from .helpers import act, fresh, submit
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    groups = ensure_organisation_roles(small_office["root"].organisation)
    small_office["users"]["reviewer2"] = make_user("reviewer2", groups["reviewers"])
    return small_office


def submitted_draft(office):
    users = office["users"]
    page = ServiceGuidePageFactory(
        parent=office["columns"][0],
        title="办事指南：老年人优待证办理",
        live=False,
        owner=users["editor"],
    )
    submit(fresh(page), users["editor"])
    return fresh(page)


def save_correction(page, user):
    page = fresh(page)
    page.title = "办事指南：老年人优待证办理（更正）"
    return page.save_revision(user=user)


def offered(page, user):
    page = fresh(page)
    return bool(page.current_workflow_task.specific.get_actions(page, user))


def listed(page, user):
    page = fresh(page)
    states = page.current_workflow_task.specific.get_task_states_user_can_moderate(user)
    return states.filter(pk=page.current_workflow_task_state.pk).exists()


def allowed(page, user):
    try:
        act(page, user, "approve")
    except PermissionDenied:
        return False
    return True


def test_a_colleagues_correction_during_review_does_not_change_who_may_decide(office):
    users = office["users"]
    page = submitted_draft(office)
    save_correction(page, users["reviewer2"])  # saved only: the step still reviews the editor's

    # The colleague who saved the correction did not write the step's revision.
    assert offered(page, users["reviewer2"])
    assert listed(page, users["reviewer2"])
    assert offered(page, users["reviewer"])
    assert listed(page, users["reviewer"])
    assert allowed(page, users["reviewer2"])


def test_the_author_of_the_steps_revision_is_offered_nothing_even_after_a_later_save(office):
    users = office["users"]
    page = submitted_draft(office)
    correction = save_correction(page, users["reviewer"])
    act(page, users["reviewer"], "approve")  # the correction returns the run to 初审
    page = fresh(page)
    assert page.current_workflow_task_state.revision_id == correction.pk
    save_correction(page, users["reviewer2"])  # someone else's save is now the latest

    assert not offered(page, users["reviewer"])
    assert not listed(page, users["reviewer"])
    assert not allowed(page, users["reviewer"])
    assert offered(page, users["reviewer2"])
    assert listed(page, users["reviewer2"])
