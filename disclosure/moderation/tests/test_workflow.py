from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowPage

from disclosure.catalogue.models import DisclosureIndexPage, Organisation
from disclosure.moderation.models import SecrecyReviewTaskState
from disclosure.moderation.organisations.placement import default_workflow

from .helpers import FULL_CHECKLIST, act, approve_all, draft_item, fresh, submit


def test_default_workflow_has_three_steps_in_order(db):
    workflow = default_workflow()
    assert workflow.name == "政府信息公开先审后发"
    tasks = [task.specific for task in workflow.tasks]
    assert [t.name for t in tasks] == ["初审", "保密审查", "终审"]
    assert [t.role for t in tasks] == ["reviewers", "secrecy", "leaders"]
    assert type(tasks[1]).__name__ == "SecrecyReviewTask"


def test_every_disclosure_root_gets_the_workflow_including_new_ones(office):
    for root in DisclosureIndexPage.objects.all():
        assert WorkflowPage.objects.get(page=root).workflow == default_workflow()
    organisation = Organisation.objects.create(name="友谊县教育局")
    home = office["root"].get_parent()
    root = home.add_child(
        instance=DisclosureIndexPage(title="教育局信息公开", slug="jyj", organisation=organisation)
    )
    assert root.get_workflow() == default_workflow()
    assert organisation.role_groups.count() == 5


def test_full_review_publishes_as_the_system_and_logs_the_approvers(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    assert not page.permissions_for_user(users["leader"]).can_publish()
    page = approve_all(page, users)
    assert page.live
    entry = PageLogEntry.objects.get(page=page, action="moderation.publish_approved")
    assert [a["task"] for a in entry.data["approvals"]] == ["初审", "保密审查", "终审"]
    assert entry.data["approvals"][2]["user_id"] == users["leader"].pk


def test_secrecy_approval_stores_the_signed_checklist(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    incomplete = dict(FULL_CHECKLIST, no_state_secrets=False)
    with pytest.raises(PermissionDenied):
        act(page, users["secrecy"], "approve", **incomplete)
    act(page, users["secrecy"], "approve", comment="无涉密内容", **FULL_CHECKLIST)
    state = SecrecyReviewTaskState.objects.get(workflow_state__object_id=str(page.pk))
    assert state.status == "approved"
    assert state.checklist == FULL_CHECKLIST
    assert state.signed_by_name == "赵敏"  # the demo's 保密审查员, family name first
    assert state.finished_by == users["secrecy"]


def test_nobody_approves_a_revision_they_wrote(office, column):
    users = office["users"]
    page = draft_item(column, users["reviewer"], title="初审人自己起草的稿件")
    submit(page, users["reviewer"])
    task = fresh(page).current_workflow_task
    assert task.get_actions(fresh(page), users["reviewer"]) == []
    with pytest.raises(PermissionDenied):
        act(page, users["reviewer"], "approve")


def test_another_organisations_reviewer_has_no_actions(office, column):
    users = office["users"]
    from django.contrib.auth import get_user_model

    from disclosure.moderation.organisations.placement import ensure_organisation_roles

    county_reviewer = get_user_model().objects.create_user("county-reviewer")
    county_reviewer.groups.add(
        ensure_organisation_roles(office["county_root"].organisation)["reviewers"]
    )
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    assert fresh(page).current_workflow_task.get_actions(fresh(page), county_reviewer) == []
    assert fresh(page).current_workflow_task.get_actions(fresh(page), users["reviewer"])


def test_go_live_at_in_the_future_schedules_instead_of_publishing(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    page.go_live_at = timezone.now() + timedelta(days=2)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    page = approve_all(page, users)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
