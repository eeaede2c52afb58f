from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from disclosure.moderation.review.status import moderation_status
from tests.fixtures import DEMO_PER_MODULE

from .helpers import FULL_CHECKLIST, act, draft_item, edit_form_data, fresh, submit

pytestmark = DEMO_PER_MODULE


def workflow_action(client, page, action, data):
    page = fresh(page)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    return client.post(url, data)


def test_states_follow_the_item_through_review(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    assert moderation_status(fresh(page)) == "草稿"
    submit(page, users["editor"])
    assert moderation_status(fresh(page)) == "待初审"
    act(page, users["reviewer"], "reject", comment="请补充办理时限。")
    assert moderation_status(fresh(page)) == "已退回"
    fresh(page).current_workflow_state.resume(user=users["editor"])
    assert moderation_status(fresh(page)) == "待初审"
    act(page, users["reviewer"], "approve")
    assert moderation_status(fresh(page)) == "待保密审查"
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    assert moderation_status(fresh(page)) == "待终审"
    act(page, users["leader"], "approve")
    assert moderation_status(fresh(page)) == "已发布"
    fresh(page).unpublish(user=users["admin"])
    assert moderation_status(fresh(page)) == "已撤下"


def test_an_item_approved_with_a_future_date_is_scheduled(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    assert moderation_status(fresh(page)) == "定时发布"


def test_sending_back_needs_a_comment_and_returns_the_item(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["reviewer"])
    workflow_action(client, page, "reject", {"comment": "  "})
    assert fresh(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    workflow_action(client, page, "reject", {"comment": "办理地点写错了。"})
    state = fresh(page).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.requested_by == users["editor"]
    rejected = state.task_states.get(status="rejected")
    assert rejected.comment == "办理地点写错了。"
    assert rejected.finished_by == users["reviewer"]


def test_sending_back_from_the_editor_without_a_comment_is_refused(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["reviewer"])
    data = edit_form_data(
        page,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": "{}",
        },
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code in {302, 403}  # the admin turns PermissionDenied into a redirect
    assert fresh(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_author_can_retract_a_pending_submission(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["editor"])
    data = edit_form_data(page, **{"action-cancel-workflow": "1"})
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page = fresh(page)
    assert not page.workflow_in_progress
    assert moderation_status(page) == "草稿"


def test_a_reviewer_can_approve_from_the_editor(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["reviewer"])
    data = edit_form_data(
        page,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert moderation_status(fresh(page)) == "待保密审查"
