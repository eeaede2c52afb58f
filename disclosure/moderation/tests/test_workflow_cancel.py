"""Cancelling a review run is for the one who submitted it, or for an administrator who may
publish the page; reviewers act through approve or send back (with a comment). A run cancelled
by someone other than its submitter is recorded and the submitter is told."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from disclosure.moderation.review.who_may_cancel import may_cancel_workflow
from tests.fixtures import DEMO_PER_MODULE

from .helpers import act, draft_item, edit_form_data, fresh, submit

pytestmark = DEMO_PER_MODULE

REVIEWERS = ["reviewer", "secrecy", "leader"]


def _at_the_step_of(page, users, role):
    if role in ("secrecy", "leader"):
        act(page, users["reviewer"], "approve")
    if role == "leader":
        from .helpers import FULL_CHECKLIST

        act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    return fresh(page)


@pytest.fixture
def submitted(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"], title="取消测试稿")
    submit(page, users["editor"])
    return fresh(page)


@pytest.mark.parametrize("role", REVIEWERS)
def test_a_reviewer_at_its_step_cannot_cancel_the_run(client, office, submitted, role):
    users = office["users"]
    page = _at_the_step_of(submitted, users, role)
    state = page.current_workflow_state
    assert not state.user_can_cancel(users[role])
    client.force_login(users[role])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-cancel-workflow"' not in client.get(edit_url).content.decode()
    for action in ("action-cancel-workflow", "action-restart-workflow"):
        client.post(edit_url, edit_form_data(page, **{action: "1"}))
        assert fresh(page).current_workflow_state.pk == state.pk, action
    with pytest.raises(PermissionDenied):
        fresh(page).current_workflow_state.cancel(user=users[role])
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_submitter_cancels_quietly(
    client, office, submitted, django_capture_on_commit_callbacks
):
    users = office["users"]
    client.force_login(users["editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert 'name="action-cancel-workflow"' in client.get(edit_url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, edit_form_data(submitted, **{"action-cancel-workflow": "1"}))
    assert not fresh(submitted).workflow_in_progress
    assert not PageLogEntry.objects.filter(
        page=submitted, action="moderation.workflow_cancelled_by_other"
    ).exists()
    assert mail.outbox == []


def test_an_administrator_cancels_and_the_submitter_is_told(
    client, office, submitted, django_capture_on_commit_callbacks
):
    users = office["users"]
    state = submitted.current_workflow_state
    assert may_cancel_workflow(state, users["admin"])
    client.force_login(users["admin"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, edit_form_data(submitted, **{"action-cancel-workflow": "1"}))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    entry = PageLogEntry.objects.get(
        page=submitted, action="moderation.workflow_cancelled_by_other"
    )
    assert entry.user_id == users["admin"].pk
    assert entry.data["requested_by"] == users["editor"].pk
    [message] = [m for m in mail.outbox if users["editor"].email in m.to]
    assert "取消测试稿" in message.subject and "取消" in message.subject
    assert str(users["admin"]) in message.body


def test_another_organisations_editor_cannot_cancel(office, submitted):
    users = office["users"]
    assert not may_cancel_workflow(submitted.current_workflow_state, users["outsider"])
    with pytest.raises(PermissionDenied):
        submitted.current_workflow_state.cancel(user=users["outsider"])
