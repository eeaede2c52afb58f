"""The dashboard of each role: what that person has to do today, inside their organisation.

- 信息员 (and 管理员): 我的草稿 (drafts I wrote that are not in review) and 退回给我的稿件 (items
  sent back to me, with the reviewer's reason);
- 初审, 保密审查, 分管领导: 待我审核, oldest first, with the working days each has waited;
- whoever may decide 撤稿申请 (分管领导, an administrator who may publish): 待处理的撤稿申请,
  shown only while there is one;
- everyone with pages: 主动公开时限 (deadlines.py);
- 依申请办理: the register's open applications by due date (disclosure/applications).

The summary above the panels (Wagtail's counts of pages, documents and images) tells screen
readers whose they are: the user's organisation (`name_the_summary`), not the site Wagtail finds
above the user's explorable root; the site's name for whoever sees every organisation.

Every list is limited to the user's organisation (walls.within_organisation); the review list is
Wagtail's own `reviewable_by`, which our tasks already limit to the organisation's role group
and the four-eyes rule.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import (
    Page,
    Revision,
    Task,
    TaskState,
    WorkflowState,
    WorkflowTask,
    get_default_page_content_type,
)

from disclosure.catalogue.own_drafts import (
    delete_url,
    first_revision_created_at,
    may_delete_own_draft,
)
from disclosure.catalogue.publication_state import never_published
from disclosure.catalogue.staff_roles import organisation_of, roles_held, sees_every_organisation
from disclosure.workdays.calendar import working_days_between
from gongkai.accounts.roles import Role

from ..models import RoleApprovalTask, task_states_of_pages_q
from ..organisations.walls import within_organisation
from ..publishing.deletion import with_row_answers
from ..publishing.withdrawal import withdrawals_to_decide

PANEL_LENGTH = 20
WRITERS = {Role.EDITORS, Role.ADMINISTRATORS}
REVIEWERS = {Role.REVIEWERS, Role.SECRECY, Role.LEADERS, Role.ADMINISTRATORS}
WITHDRAWAL_DECIDERS = {Role.LEADERS, Role.ADMINISTRATORS}


def roles_of(user):
    """The roles (gongkai.accounts.roles.Role) `user` holds in its organisation's groups; a
    superuser, who holds every permission (models.administers_page on every page), holds them
    all. The site-wide 管理员 group is no page role: its members hold what their organisation's
    groups give them, as anyone."""
    if user.is_superuser:
        return set(Role)
    return roles_held(user)


def _runs_of_pages():
    """The review running or sent back (WorkflowState.objects.active()) of each outer page."""
    return WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )


def my_drafts(user):
    """Pages of my organisation I own or last saved, with a draft nobody reviews yet: never
    published, or published with unpublished changes; no review running or sent back."""
    in_a_run = _runs_of_pages()
    drafts = (
        Page.objects.filter(within_organisation(user))
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(Exists(in_a_run))
        .select_related("latest_revision")
        .annotate(created_at=first_revision_created_at(), never_published=never_published())
        .order_by("-latest_revision_created_at")
    )
    return with_row_answers(drafts, user)[:PANEL_LENGTH]


@dataclass
class MyDraft:
    """A row of 我的草稿: what tells twin drafts apart (an abandoned, autosaved first attempt
    has the same title as the real item) and, for a draft only she has seen, a way to delete it."""

    page: Page
    never_published: bool
    delete_url: str | None


def my_draft_rows(user, back_to):
    rows = []
    for page in my_drafts(user):
        deletable = may_delete_own_draft(page, user)
        rows.append(
            MyDraft(
                page=page,
                never_published=page.never_published,
                delete_url=delete_url(page, back_to) if deletable else None,
            )
        )
    return rows


@dataclass
class SentBack:
    page: Page
    step: str
    reviewer: object
    reason: str
    sent_back_at: object


def sent_back_to(user):
    """Items of my organisation that a review step sent back to me (I submitted them), with who
    sent them back, when and why; the most recent first."""
    pages = Page.objects.filter(within_organisation(user))
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=user,
            base_content_type=get_default_page_content_type(),
        )
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    by_pk = {str(page.pk): page for page in pages.filter(pk__in=_page_ids(states))}
    items = []
    for state in states:
        page = by_pk.get(state.object_id)
        task_state = state.current_task_state
        if page is None or task_state is None:
            continue
        items.append(
            SentBack(
                page=page,
                step=task_state.task.name,
                reviewer=task_state.finished_by,
                reason=task_state.comment,
                sent_back_at=task_state.finished_at,
            )
        )
    return items[:PANEL_LENGTH]


def _page_ids(states):
    return [int(object_id) for object_id in states.values_list("object_id", flat=True)]


@dataclass
class Waiting:
    task_state: TaskState
    page: Page
    working_days: int


def waiting_days(started_at, today=None):
    today = today or timezone.localdate()
    started: date = timezone.localdate(started_at)
    return max(working_days_between(started, today), 0)


class ListingPanel:
    """A panel that lists pages in a table, its template extending
    moderation/dashboard/listing_panel.html, which it gives `panel_id`, `heading` and `items`."""

    panel_id = ""
    heading = ""

    def items(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "items": self.items(parent_context["request"].user),
        }


class MyDraftsPanel(ListingPanel, Component):
    name = "my_drafts"
    order = 150
    template_name = "moderation/dashboard/my_drafts.html"
    panel_id = "my-drafts"
    heading = _("我的草稿（尚未提交审核）")

    def items(self, user):
        return my_draft_rows(user, back_to=reverse("wagtailadmin_home"))


class SentBackPanel(ListingPanel, Component):
    name = "sent_back_to_me"
    order = 140  # before everything else: someone is waiting for these
    template_name = "moderation/dashboard/sent_back.html"
    panel_id = "sent-back-to-me"
    heading = _("退回给我修改的稿件")

    def items(self, user):
        return sent_back_to(user)


class AwaitingMyReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's “awaiting your review”, with its action buttons, in our terms: oldest first,
    the step, who submitted it and the working days it has waited; only my organisation's.

    Its rows are Wagtail's (WorkflowObjectsToModeratePanel.get_context_data, recorded in
    overrides.py) read in a fixed number of queries: the selection is the tasks' own query
    (RoleApprovalTask.get_task_states_user_can_moderate, may_act in SQL) cut at the
    organisation, each row's page, revision, step and previous revision come with it, and the
    buttons are offered where the row's state is its run's current one (get_actions: may_act
    holds for every state selected)."""

    name = "awaiting_my_review"
    order = 130
    template_name = "moderation/dashboard/awaiting_review.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        context = {
            "request": request,
            "csrf_token": parent_context["csrf_token"],
            "panel_id": "awaiting-my-review",
            "heading": _("待我审核"),
            "items": [],
            "held_back": [],
        }
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = list(awaiting_review_of(user))
        tasks = specific_tasks({state.task_id for state in states})
        last = last_steps({state.workflow_state.workflow_id for state in states})
        today = timezone.localdate()
        context["items"] = [
            row
            for state in states
            if (
                row := _review_row(
                    state,
                    tasks[state.task_id],
                    user,
                    today,
                    publishes=last.get(state.workflow_state.workflow_id) == state.task_id,
                )
            )
            is not None
        ]
        context["held_back"] = held_back_from(user)
        return context


def _in_organisation_of(user):
    """A filter on task states for those of pages of `user`'s organisation
    (walls.within_organisation); a run names its page by text."""
    return task_states_of_pages_q(Page.objects.filter(within_organisation(user)))


def awaiting_review_of(user):
    """The task states `user` may act at (Wagtail's reviewable_by: every active task's
    get_task_states_user_can_moderate) in its organisation, oldest first, with what a row shows."""
    return (
        TaskState.objects.reviewable_by(user)
        .filter(_in_organisation_of(user))
        .select_related("revision__user", "task", "workflow_state")
        .prefetch_related("revision__content_object", "revision__content_object__latest_revision")
        .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        .order_by("started_at", "pk")
    )


def specific_tasks(task_ids):
    """{task id: the task as its specific class}, read in one query per task type."""
    return {task.pk: task for task in Task.objects.filter(pk__in=task_ids).specific()}


def last_steps(workflow_ids):
    """{workflow id: the task id of its last active step}, in one query: the step whose
    approval publishes."""
    steps = WorkflowTask.objects.filter(workflow_id__in=workflow_ids, task__active=True)
    last = {}
    for workflow_id, task_id in steps.order_by("workflow_id", "sort_order").values_list(
        "workflow_id", "task_id"
    ):
        last[workflow_id] = task_id
    return last


def publishing(actions):
    """The approvals of a run's last step worded as the page editor's menu words them
    (通过并发布): on the dashboard they read 通过, as at the first step, and published at once."""
    return [
        (name, gettext("%(label)s并发布") % {"label": label} if name == "approve" else label, modal)
        for name, label, modal in actions
    ]


def _review_row(state, task, user, today, publishes=False):
    """One row of 待我审核 as Wagtail's panel builds it, or None for a state whose page is gone."""
    obj = state.revision.content_object if state.revision_id else None
    if obj is None:
        return None
    # The step in progress that its run is at (a run sent back has a rejected current step).
    current = (
        state.status == TaskState.STATUS_IN_PROGRESS
        and state.workflow_state.current_task_state_id == state.pk
    )
    if isinstance(task, RoleApprovalTask):
        actions = task.offered_actions() if current else []
    else:
        actions = task.get_actions(obj, user)
    if publishes:
        actions = publishing(actions)
    return {
        "obj": obj,
        "revision": state.revision,
        "previous_revision_id": state.previous_revision_id,
        "live_revision_id": obj.live_revision_id,
        "task_state": state,
        "actions": actions,
        "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
        "workflow_preview_url_name": (
            "wagtailadmin_pages:workflow_preview" if getattr(obj, "is_previewable", False) else None
        ),
        "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
        "working_days": waiting_days(state.started_at, today),
    }


def held_back_from(user):
    """The items at a step whose role `user` holds but which another person must take, since
    `user` took another step of the same run (三审): listed with the reason, not buttons."""
    held = []
    for task in RoleApprovalTask.objects.filter(active=True):
        held.extend(task.get_task_states_held_back_from(user))
    pages = Page.objects.filter(
        pk__in=[int(state.workflow_state.object_id) for state, _reason in held]
    ).specific()
    by_id = {str(page.pk): page for page in pages}
    return [
        {"obj": by_id[state.workflow_state.object_id], "task_state": state, "reason": reason}
        for state, reason in sorted(held, key=lambda pair: pair[0].started_at)
        if state.workflow_state.object_id in by_id
    ]


class WithdrawalsToDecidePanel(ListingPanel, Component):
    """The 撤稿申请 awaiting this user's decision, each linking to the decision form."""

    name = "withdrawals_to_decide"
    order = 125  # first: a published item's removal is waiting on this one person
    template_name = "moderation/dashboard/withdrawals.html"
    panel_id = "withdrawals-to-decide"
    heading = _("待处理的撤稿申请")

    def __init__(self, withdrawals):
        self.withdrawals = withdrawals

    def items(self, user):
        return self.withdrawals[:PANEL_LENGTH]


def arrange_dashboard(user, panels, deadlines):
    """Replace Wagtail's review list by ours and add the role's panels; `deadlines` (the Art. 26
    panel) for anyone holding a role on pages."""
    roles = roles_of(user)
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    if roles:
        panels.append(deadlines)
    if roles & WITHDRAWAL_DECIDERS and (withdrawals := withdrawals_to_decide(user)):
        panels.append(WithdrawalsToDecidePanel(withdrawals))
    if roles & REVIEWERS:
        panels.append(AwaitingMyReviewPanel())
    if roles & WRITERS:
        panels.append(SentBackPanel())
        panels.append(MyDraftsPanel())


def name_the_summary(user, items):
    """Wagtail's summary items say "N 个页面（site_name）" with the site's name (or
    WAGTAIL_SITE_NAME) for everyone; a user of an organisation counts that organisation's pages
    and files, so the name read out is the organisation's. Whoever sees every organisation counts
    every one's, recorded with an organisation or not: the site's name stays."""
    if sees_every_organisation(user):
        return
    organisation = organisation_of(user)
    if organisation is None:
        return
    for item in items:
        item.get_context_data = _with_site_name(item.get_context_data, organisation.name)


def _with_site_name(get_context_data, name):
    def named(parent_context):
        context = get_context_data(parent_context)
        if "site_name" in context:
            context["site_name"] = name
        return context

    return named
