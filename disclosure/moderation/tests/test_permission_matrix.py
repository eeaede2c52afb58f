"""The permission matrix: roles × actions × states, from ONE table, each cell tried over HTTP.

A cell is "allowed" when the request had its effect and "refused" when it left the item as it
was; both are asserted, so removing a guard or granting a permission makes a cell fail.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from .conftest import draft_item
from .helpers import FULL_CHECKLIST, act, edit_form_data, fresh, submit

STAFF = {"editor", "reviewer", "secrecy", "leader", "admin"}
ROLES = [*sorted(STAFF), "outsider", "anonymous"]
STATES = ["draft", "pending_first", "pending_secrecy", "pending_final", "published"]
PENDING_ROLE = {
    "pending_first": "reviewer",
    "pending_secrecy": "secrecy",
    "pending_final": "leader",
}

# THE table: action → state → roles allowed. A state missing from an action's row is one where
# the action does not apply (nothing to approve in a draft, nothing to unpublish before publishing).
# Drafts that never went public follow Wagtail's own rules: anyone of the organisation holding
# "change" may delete one; moving also needs "add" on the destination.
ALLOWED = {
    "view_draft": {state: STAFF for state in STATES},
    "edit": {
        "draft": STAFF,
        **{state: {role} for state, role in PENDING_ROLE.items()},
        "published": STAFF,
    },
    "submit": {"draft": STAFF, "published": STAFF},
    "approve": {state: {role} for state, role in PENDING_ROLE.items()},
    "reject": {state: {role} for state, role in PENDING_ROLE.items()},
    "publish": {state: set() for state in STATES},
    "unpublish": {"published": set()},
    "delete": {
        "draft": STAFF,
        **{state: STAFF for state in PENDING_ROLE},
        "published": set(),
    },
    "move": {
        "draft": {"editor", "admin"},
        **{s: {"editor", "admin"} for s in PENDING_ROLE},
        "published": set(),
    },
}


def build(state, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"], title=f"矩阵稿件 {state}")
    if state == "draft":
        return page
    submit(page, users["editor"])
    if state in {"pending_secrecy", "pending_final", "published"}:
        act(page, users["reviewer"], "approve")
    if state in {"pending_final", "published"}:
        act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    if state == "published":
        act(page, users["leader"], "approve")
    return fresh(page)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(client, page, action, data):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    client.post(url, data)


def try_view_draft(client, page, office):
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).status_code == 200


def try_edit(client, page, office):
    client.post(edit_url(page), edit_form_data(page, title="矩阵修改"))
    return fresh(page).get_latest_revision().as_object().title == "矩阵修改"


def try_submit(client, page, office):
    client.post(edit_url(page), edit_form_data(page, **{"action-submit": "1"}))
    return fresh(page).workflow_in_progress


def try_approve(client, page, office):
    task_state = page.current_workflow_task_state
    checklist = {name: "on" for name in FULL_CHECKLIST}
    workflow_action(client, page, "approve", checklist)
    return type(task_state).objects.get(pk=task_state.pk).status == "approved"


def try_reject(client, page, office):
    task_state = page.current_workflow_task_state
    workflow_action(client, page, "reject", {"comment": "矩阵退回"})
    return type(task_state).objects.get(pk=task_state.pk).status == "rejected"


def try_publish(client, page, office):
    client.post(edit_url(page), edit_form_data(page, title="矩阵发布", **{"action-publish": "1"}))
    page = fresh(page)
    return page.live and page.title == "矩阵发布"


def try_unpublish(client, page, office):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not fresh(page).live


def try_delete(client, page, office):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not Page.objects.filter(pk=page.pk).exists()


def try_move(client, page, office):
    destination = office["root"].get_children().exclude(pk=page.get_parent().pk).first()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    return fresh(page).get_parent().pk == destination.pk


ATTEMPTS = {name: globals()[f"try_{name}"] for name in ALLOWED}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, client, office, column):
    if role != "anonymous":
        client.force_login(office["users"][role])
    wrong = []
    for action, row in ALLOWED.items():
        for state, allowed_roles in row.items():
            page = build(state, office, column)
            happened = ATTEMPTS[action](client, page, office)
            if happened != (role in allowed_roles):
                expected = "allowed" if role in allowed_roles else "refused"
                wrong.append(f"{role} {action} {state}: expected {expected}")
    assert wrong == []
