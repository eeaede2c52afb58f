"""Acting from the 待我审核 list on the dashboard: the reviewer is told what happened (as in
the page editor, action_messages.py), and the list costs the same queries however many items
wait."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import TaskState

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.review.dashboard import held_back_from
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import FULL_CHECKLIST, act, fresh, panel, submit

pytestmark = OFFICE_PER_MODULE


def waiting_item(office, title):
    users = office["users"]
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][0], title=title, live=False, owner=users["editor"]
    )
    submit(page, users["editor"])
    return fresh(page)


def act_from_the_dashboard(client, page, action, **data):
    """What the list's button does (wagtailadmin/js/workflow-action.js): an XHR post to
    Wagtail's workflow action view, then the dashboard again."""
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    response = client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200 and response.json()["step"] == "success"
    return client.get(response.json()["redirect"]).content.decode()


def test_an_approval_from_the_list_is_confirmed(client, small_office):
    users = small_office["users"]
    page = waiting_item(small_office, "关于春耕生产的通知")
    client.force_login(users["reviewer"])
    after = act_from_the_dashboard(client, page, "approve")
    assert "“关于春耕生产的通知”已通过，当前状态：待保密审查。" in after

    client.force_login(users["secrecy"])
    after = act_from_the_dashboard(client, fresh(page), "approve", **FULL_CHECKLIST)
    assert "“关于春耕生产的通知”已通过，当前状态：待" in after


def test_a_send_back_from_the_list_is_confirmed(client, small_office):
    users = small_office["users"]
    page = waiting_item(small_office, "关于秋收的通知")
    client.force_login(users["reviewer"])
    after = act_from_the_dashboard(client, page, "reject", comment="请补充附件。")
    assert "“关于秋收的通知”已退回修改" in after


def queries_of_the_review_lists(user):
    """The queries of the two lists of the 待我审核 panel: what `user` may take (Wagtail's
    reviewable_by asks the tasks) and what another person must take (三审). Read once before,
    so that what is cached per process (content types) is there."""
    list(TaskState.objects.reviewable_by(user))
    held_back_from(user)
    with CaptureQueriesContext(connection) as queries:
        list(TaskState.objects.reviewable_by(user))
        held_back_from(user)
    return len(queries)


def test_the_review_lists_cost_the_same_queries_for_more_items(small_office):
    """A small office's 初审 also holds 保密审查: the items they passed at 初审 wait at 保密审查
    for someone else (held back), the others for them."""
    users = small_office["users"]
    both = users["reviewer"]
    both.groups.add(ensure_organisation_roles(small_office["root"].organisation)["secrecy"])
    for number in range(2):
        act(waiting_item(small_office, f"第{number}件"), both, "approve")
        waiting_item(small_office, f"待初审{number}")
    few = queries_of_the_review_lists(both)
    assert len(held_back_from(both)) == 2
    for number in range(3):
        act(waiting_item(small_office, f"又一件{number}"), both, "approve")
        waiting_item(small_office, f"又待初审{number}")
    assert len(held_back_from(both)) == 5
    assert len(TaskState.objects.reviewable_by(both)) == 5
    assert queries_of_the_review_lists(both) == few


def approval_dialog(client, page):
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return response.json()["html"]


def test_the_approval_dialog_of_the_last_step_says_it_publishes(client, small_office):
    """The action menu offered 附意见通过并发布 at the last step; the dialog it opened was titled
    附意见通过 and its button said so too, as if the item would wait for another step."""
    users = small_office["users"]
    page = waiting_item(small_office, "关于冬季防火的通知")
    client.force_login(users["reviewer"])
    first = approval_dialog(client, page)
    assert "附意见通过" in first and "并发布" not in first

    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    client.force_login(users["leader"])
    last = approval_dialog(client, fresh(page))
    assert last.count("附意见通过并发布") == 2, last  # the title and the button


def test_the_last_steps_approvals_on_the_dashboard_say_they_publish(client, small_office):
    """The leader's 待我审核 offered 通过, which published at once, worded as 初审's 通过 that only
    passes the item on; the page editor's menu said 通过并发布."""
    users = small_office["users"]
    page = waiting_item(small_office, "关于元旦值班安排的通知")
    client.force_login(users["reviewer"])
    first = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "awaiting-my-review")
    assert "通过" in first and "并发布" not in first

    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    client.force_login(users["leader"])
    last = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "awaiting-my-review")
    assert "通过并发布" in last and "附意见通过并发布" in last
    assert "退回修改" in last and "退回修改并发布" not in last
