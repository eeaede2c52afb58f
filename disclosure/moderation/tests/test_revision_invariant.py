"""What goes live when a review run finishes is the revision every step approved.

Reported (issue #14, items 1 and 13): a revert through the admin API at 终审, and the leader's
own edit posted together with the approval, both went live unreviewed because the finish action
published the latest revision."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.publishing.publication import (
    UnreviewedPublication,
    sanctioned_publication,
)
from disclosure.moderation.review.review_record import review_runs

from .helpers import FULL_CHECKLIST, GUIDE_ELEMENTS, act, edit_form_data, fresh, submit
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    groups = ensure_organisation_roles(small_office["root"].organisation)
    small_office["users"]["leader2"] = make_user("leader2", groups["leaders"])
    small_office["users"]["reviewer2"] = make_user("reviewer2", groups["reviewers"])
    return small_office


def draft(office, title="办事指南：老年人优待证办理（第一稿）"):
    page = ServiceGuidePageFactory(
        parent=office["columns"][0],
        title=title,
        live=False,
        owner=office["users"]["editor"],
        **GUIDE_ELEMENTS,
    )
    return fresh(page)


def edited(page, user, title):
    page = fresh(page)
    page.title = title
    return page.save_revision(user=user)


def at_final_step(office, page):
    users = office["users"]
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    assert fresh(page).current_workflow_task.name == "终审"
    return fresh(page)


def live_title(page):
    page = fresh(page)
    return page.title if page.live else None


def test_a_revert_through_the_admin_api_at_the_final_step_does_not_go_live(client, office):
    users = office["users"]
    page = draft(office)
    first = page.get_latest_revision()
    reviewed = edited(page, users["editor"], "办事指南：老年人优待证办理（审核稿）")
    page = at_final_step(office, page)

    client.force_login(users["editor"])
    url = f"/admin/api/main/pages/{page.pk}/action/revert_to_page_revision/"
    client.post(url, {"revision_id": first.pk}, content_type="application/json")
    act(page, users["leader"], "approve")

    page = fresh(page)
    assert page.live
    assert page.live_revision_id == reviewed.pk
    assert page.title == "办事指南：老年人优待证办理（审核稿）"


def test_the_leaders_edit_sent_with_the_approval_does_not_go_live(client, office):
    users = office["users"]
    page = at_final_step(office, draft(office))

    client.force_login(users["leader"])
    page.title = "办事指南：领导改过的标题"
    data = edit_form_data(
        page, **{"action-workflow-action": "1", "workflow-action-name": "approve"}
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    page = fresh(page)
    assert live_title(page) is None
    # The correction returns the run to the first step that did not see it.
    assert page.current_workflow_task.name == "初审"
    assert page.current_workflow_task_state.revision.user == users["leader"]


def test_a_correction_is_reviewed_by_every_step_before_it_goes_live(client, office):
    users = office["users"]
    page = at_final_step(office, draft(office))
    correction = edited(page, users["leader"], "办事指南：领导改过的标题")
    act(page, users["leader"], "approve")
    assert fresh(page).current_workflow_task.name == "初审"
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    # The leader wrote the text now under review: four-eyes needs another leader.
    task = fresh(page).current_workflow_task
    assert task.name == "终审"
    assert task.get_actions(fresh(page), users["leader"]) == []
    act(page, users["leader2"], "approve")

    page = fresh(page)
    assert page.live_revision_id == correction.pk
    assert page.title == "办事指南：领导改过的标题"
    approvals = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status="approved", revision=correction
    )
    assert sorted(state.task.name for state in approvals) == ["保密审查", "初审", "终审"]


def test_a_correction_at_the_first_step_returns_to_it(office):
    users = office["users"]
    page = draft(office)
    submit(page, users["editor"])
    correction = edited(page, users["reviewer"], "办事指南：初审改过的标题")
    act(page, users["reviewer"], "approve")
    page = fresh(page)
    assert page.current_workflow_task.name == "初审"
    assert page.current_workflow_task_state.revision_id == correction.pk
    act(page, users["reviewer2"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    assert fresh(page).live_revision_id == correction.pk


def test_a_send_back_at_a_later_step_is_reviewed_again_from_the_first(office):
    users = office["users"]
    page = draft(office)
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "reject", comment="第三段涉及个人信息，请删除。")
    fixed = edited(page, users["editor"], "办事指南：老年人优待证办理（删去个人信息）")
    fresh(page).current_workflow_state.resume(user=users["editor"])
    page = fresh(page)
    assert page.current_workflow_task.name == "初审"
    assert page.current_workflow_task_state.revision_id == fixed.pk
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    assert fresh(page).live_revision_id == fixed.pk


def test_a_draft_saved_during_review_stays_a_draft(office):
    users = office["users"]
    page = draft(office)
    submitted = page.get_latest_revision()
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    edited(page, users["editor"], "办事指南：审核中改的标题")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    page = fresh(page)
    assert page.live_revision_id == submitted.pk
    assert page.has_unpublished_changes
    assert page.draft_title == "办事指南：审核中改的标题"


def test_the_review_record_names_the_revision_each_step_approved(client, office):
    users = office["users"]
    page = draft(office)
    submitted = page.get_latest_revision()
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    (run,) = review_runs(page)
    assert [step.revision_id for step in run.steps] == [submitted.pk] * 3
    assert run.published_revision_id == submitted.pk
    client.force_login(users["leader"])
    html = client.get(reverse("moderation:review_record", args=[page.pk])).content.decode()
    assert html.count(f"版本 {submitted.pk}（") == 4  # each step, and the published version


def test_publishing_an_unapproved_revision_is_refused_where_it_happens(office):
    page = draft(office)
    with pytest.raises(UnreviewedPublication):
        page.get_latest_revision().publish()
    assert not fresh(page).live
    with sanctioned_publication("测试：已发布记录的导入"):
        page.get_latest_revision().publish()
    assert fresh(page).live


def test_a_live_page_is_not_rewritten_without_a_publication(office):
    users = office["users"]
    page = at_final_step(office, draft(office))
    act(page, users["leader"], "approve")
    page = fresh(page)
    page.title = "未经审核直接写入的标题"
    with pytest.raises(UnreviewedPublication):
        page.save()
    assert live_title(page) == "办事指南：老年人优待证办理（第一稿）"
