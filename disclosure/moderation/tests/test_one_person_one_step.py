"""三审: within one review run each step is a different person. A user who approved one step
of a run (its WorkflowState) may not act at another step of the same run, even when they hold
that step's role too: one rule (RoleApprovalTask.may_act) for the buttons, the 待我审核 list,
the mails and every path that approves — the model's on_action, Wagtail's workflow action view
and the editor's action menu (the admin API and the bulk actions have no approve action:
every approval ends in on_action)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.mail.notifications import reviewers_of_step
from disclosure.moderation.organisations.placement import ensure_organisation_roles

from .helpers import FULL_CHECKLIST, act, edit_form_data, fresh, submit
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE

REASON = "您已审核过本次送审的“初审”，同一送审的各审核环节须由不同人员完成"


@pytest.fixture
def office(small_office):
    """The township, its 初审 `reviewer` also holding 保密审查 and 分管领导 (a small office),
    and a second secrecy reviewer."""
    groups = ensure_organisation_roles(small_office["root"].organisation)
    users = small_office["users"]
    users["reviewer"].groups.add(groups["secrecy"], groups["leaders"])
    users["secrecy2"] = make_user("secrecy2", groups["secrecy"])
    return small_office


def at_secrecy_approved_by_reviewer(office):
    users = office["users"]
    page = ServiceGuidePageFactory(
        parent=office["columns"][0], title="办事指南：低保申请", live=False, owner=users["editor"]
    )
    submit(fresh(page), users["editor"])
    act(page, users["reviewer"], "approve")
    page = fresh(page)
    assert page.current_workflow_task.name == "保密审查"
    return page


def offered(page, user):
    page = fresh(page)
    return bool(page.current_workflow_task.specific.get_actions(page, user))


def listed(page, user):
    page = fresh(page)
    states = page.current_workflow_task.specific.get_task_states_user_can_moderate(user)
    return states.filter(pk=page.current_workflow_task_state.pk).exists()


def approved(page):
    state = TaskState.objects.get(pk=page.current_workflow_task_state.pk)
    return state.status == TaskState.STATUS_APPROVED


def test_the_first_reviewer_is_offered_nothing_at_a_later_step_of_the_run(office):
    users = office["users"]
    page = at_secrecy_approved_by_reviewer(office)

    assert not offered(page, users["reviewer"])
    assert not listed(page, users["reviewer"])
    assert users["reviewer"] not in reviewers_of_step(page.current_workflow_task_state)
    assert offered(page, users["secrecy"])
    assert listed(page, users["secrecy"])


def test_the_model_refuses_with_the_reason(office):
    page = at_secrecy_approved_by_reviewer(office)
    with pytest.raises(PermissionDenied, match=REASON):
        act(page, office["users"]["reviewer"], "approve", **FULL_CHECKLIST)
    with pytest.raises(PermissionDenied, match=REASON):
        act(page, office["users"]["reviewer"], "reject", comment="退回")


def post_workflow_action_view(client, page, data):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )
    return client.post(url, data)


def post_editor_action_menu(client, page, data):
    form = edit_form_data(
        page, **{"action-workflow-action": "1", "workflow-action-name": "approve"}
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, **data})


@pytest.mark.parametrize("path", [post_workflow_action_view, post_editor_action_menu])
def test_every_approval_path_refuses_a_second_step_by_the_same_person(client, office, path):
    page = at_secrecy_approved_by_reviewer(office)
    client.force_login(office["users"]["reviewer"])
    path(client, page, {name: "on" for name in FULL_CHECKLIST})
    assert not approved(page)
    assert fresh(page).current_workflow_task.name == "保密审查"


def test_one_reviewer_cannot_publish_alone_but_three_people_can(office):
    users = office["users"]
    page = at_secrecy_approved_by_reviewer(office)
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    page = fresh(page)
    assert page.current_workflow_task.name == "终审"
    with pytest.raises(PermissionDenied):
        act(page, users["reviewer"], "approve")
    # The 保密审查 reviewer does not hold 分管领导; the leader does, and approves.
    act(page, users["leader"], "approve")
    assert fresh(page).live


def test_the_editor_shows_why_the_buttons_are_missing(client, office):
    page = at_secrecy_approved_by_reviewer(office)
    client.force_login(office["users"]["reviewer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert REASON in html
    client.force_login(office["users"]["secrecy"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert REASON not in html


def test_the_dashboard_shows_the_item_with_the_reason_instead_of_buttons(client, office):
    page = at_secrecy_approved_by_reviewer(office)
    client.force_login(office["users"]["reviewer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REASON in html
    assert page.title in html


def test_the_same_step_again_in_a_restarted_pass_stays_open_to_its_reviewer(office):
    """A send-back and resubmission start the run again at 初审: the one who approved 初审
    before may approve it again (the same step), and nobody else's step."""
    users = office["users"]
    page = at_secrecy_approved_by_reviewer(office)
    act(page, users["secrecy"], "reject", comment="涉及个人隐私，请删除。")
    page = fresh(page)
    page.title = "办事指南：低保申请（修改）"
    page.save_revision(user=users["editor"])
    page.current_workflow_state.resume(user=users["editor"])
    page = fresh(page)
    assert page.current_workflow_task.name == "初审"
    assert offered(page, users["reviewer"])
    act(page, users["reviewer"], "approve")
    assert not offered(fresh(page), users["reviewer"])


def warnings_after(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_assigning_a_second_review_role_warns_that_one_run_needs_different_people(
    client, small_office
):
    """Not refused (a small office may need it across runs), but said: within one run the
    person takes one step only. The bulk 分配角色 and the user form both warn."""
    groups = ensure_organisation_roles(small_office["root"].organisation)
    users = small_office["users"]
    client.force_login(users["admin"])
    url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
    users_index = reverse("wagtailusers_users:index")
    response = client.post(
        f"{url}?next={users_index}&id={users['reviewer'].pk}",
        {"role": str(groups["secrecy"].pk)},
        follow=True,
    )
    assert users["reviewer"].groups.filter(pk=groups["secrecy"].pk).exists()
    (warning,) = warnings_after(response)
    assert "reviewer" in warning and "同一送审的各审核环节须由不同人员完成" in warning

    response = client.post(
        f"{url}?next={users_index}&id={users['leader'].pk}",
        {"role": str(groups["editors"].pk)},
        follow=True,
    )
    assert warnings_after(response) == []  # 信息员 is no review step


def test_the_two_roles_warning_names_them(small_office):
    from disclosure.moderation.review.two_roles import two_review_roles_warning

    groups = ensure_organisation_roles(small_office["root"].organisation)
    reviewer = small_office["users"]["reviewer"]
    assert two_review_roles_warning(reviewer) is None
    reviewer.groups.add(groups["leaders"])
    warning = two_review_roles_warning(reviewer)
    assert "初审" in warning and "分管领导" in warning
