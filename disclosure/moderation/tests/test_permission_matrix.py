"""The permission matrix: roles × actions × states × page kinds, from ONE table, each cell one
test that tries the action through the admin views over HTTP.

A cell is "allowed" when the request had its effect and "refused" when it left the page as it
was; both are asserted, so removing a guard or granting a permission makes a cell fail.

Speed: the office, its users and one page per (kind, state) are built once for the class
(setUpTestData); every cell runs inside the test's own transaction, which is rolled back, so
each cell starts from the same pages.
"""

from functools import partial

from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Page

from disclosure.catalogue.tests.factories import CategoryPageFactory, ServiceGuidePageFactory

from .helpers import FULL_CHECKLIST, GUIDE_ELEMENTS, act, edit_form_data, fresh, submit
from .offices import build_office

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
# A page that is not live is deleted only by its owner while never published and out of review,
# or by an administrator (moderation/publishing/deletion.py); moving follows Wagtail's own rules
# ("change", and "add" on the destination).
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
        "draft": {"editor", "admin"},
        **{state: {"admin"} for state in PENDING_ROLE},
        "published": set(),
    },
    "move": {
        "draft": {"editor", "admin"},
        **{s: {"editor", "admin"} for s in PENDING_ROLE},
        "published": set(),
    },
}


# A sub-column (CategoryPage) and a disclosure item, drafted inside a column.
PAGE_KINDS = {
    "column": partial(CategoryPageFactory, title="矩阵栏目"),
    # Complete: a guide lacking a key element is refused at submission (guide_elements.py).
    "service_guide": partial(ServiceGuidePageFactory, **GUIDE_ELEMENTS),
}


def build_page(kind, state, office):
    users = office["users"]
    page = PAGE_KINDS[kind](
        parent=office["columns"][0],
        slug=f"{kind}-{state}".replace("_", "-"),
        live=False,
        owner=users["editor"],
    )
    if state == "draft":
        return page
    submit(page, users["editor"])
    if state in {"pending_secrecy", "pending_final", "published"}:
        act(page, users["reviewer"], "approve")
    if state in {"pending_final", "published"}:
        act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    if state == "published":
        act(page, users["leader"], "approve")
        assert fresh(page).live
    return page


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
    destination = office["columns"][1]
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    return fresh(page).get_parent().pk == destination.pk


ATTEMPTS = {name: globals()[f"try_{name}"] for name in ALLOWED}


@override_settings(
    # About review, not search: skip the index updates every save would make.
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
)
class PermissionMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_office()
        cls.page_ids = {
            (kind, state): build_page(kind, state, cls.office).pk
            for kind in PAGE_KINDS
            for state in STATES
        }

    def try_cell(self, role, kind, action, state):
        if role != "anonymous":
            self.client.force_login(self.office["users"][role])
        page = Page.objects.get(pk=self.page_ids[kind, state]).specific
        happened = ATTEMPTS[action](self.client, page, self.office)
        allowed = role in ALLOWED[action][state]
        self.assertEqual(
            happened,
            allowed,
            f"{role} {action} {kind} ({state}): expected {'allowed' if allowed else 'refused'}",
        )


def _cell_test(role, kind, action, state):
    def test(self):
        self.try_cell(role, kind, action, state)

    return test


for _role in ROLES:
    for _kind in PAGE_KINDS:
        for _action, _row in ALLOWED.items():
            for _state in _row:
                setattr(
                    PermissionMatrix,
                    f"test_{_role}_{_action}_{_kind}_{_state}",
                    _cell_test(_role, _kind, _action, _state),
                )


def test_the_table_covers_every_role_action_and_state():
    cells = [name for name in dir(PermissionMatrix) if name.startswith("test_")]
    assert len(cells) == len(ROLES) * len(PAGE_KINDS) * sum(len(row) for row in ALLOWED.values())
    assert {state for row in ALLOWED.values() for state in row} == set(STATES)
