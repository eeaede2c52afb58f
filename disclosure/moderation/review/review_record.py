"""The review record of an item (审批单): every run of the workflow, each step's who, when,
decision, comment and secrecy checklist answers, and the moderation log entries beside them;
and who may follow an item's review (`may_follow_review`: its record and its scan)."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.models import PageLogEntry, TaskState

from disclosure.catalogue.roots import organisation_id_of_page
from disclosure.catalogue.staff_roles import roles_held, sees_every_organisation

from ..forms import SECRECY_CHECKLIST
from ..models import SecrecyReviewTaskState
from ..revisions.runs import approved_by_every_step, run_revision


class StepStatus(models.TextChoices):
    """A review step's outcome as the record names it: Wagtail's TaskState statuses, in the
    office's words (a rejection sends the draft back for changes)."""

    IN_PROGRESS = TaskState.STATUS_IN_PROGRESS, _lazy("审核中")
    APPROVED = TaskState.STATUS_APPROVED, _lazy("通过")
    REJECTED = TaskState.STATUS_REJECTED, _lazy("退回修改")
    CANCELLED = TaskState.STATUS_CANCELLED, _lazy("已取消")
    SKIPPED = TaskState.STATUS_SKIPPED, _lazy("跳过")


CHECKLIST_STATEMENTS = dict(SECRECY_CHECKLIST)


def may_follow_review(page, user):
    """Staff of the page's organisation (any role), those who may edit it and whoever sees
    every organisation (a site administrator) see its review record and scan."""
    if not user.is_authenticated or not user.is_active:
        return False
    if sees_every_organisation(user) or page.permissions_for_user(user).can_edit():
        return True
    organisation_id = organisation_id_of_page(page)
    return organisation_id is not None and bool(roles_held(user, organisation_id))


@dataclass
class Step:
    name: str
    status: str
    started_at: object
    finished_at: object
    finished_by: str
    comment: str
    checklist: list = field(default_factory=list)  # (statement, affirmed)
    signed_by: str = ""
    revision_id: int | None = None  # the revision submitted to (and approved by) this step
    revision_label: str = ""


@dataclass
class Run:
    started_at: object
    requested_by: str
    status: str
    steps: list
    published_revision_id: int | None = None  # what the run put live (or scheduled)


def revision_label(revision):
    if revision is None:
        return ""
    return _("版本 %(id)s（%(author)s，%(at)s）") % {
        "id": revision.pk,
        "author": revision.user or _("系统"),
        "at": localtime(revision.created_at).strftime("%Y-%m-%d %H:%M"),
    }


def review_runs(page):
    runs = []
    states = page.workflow_states.select_related("requested_by", "workflow").order_by("created_at")
    secrecy = {
        state.pk: state
        for state in SecrecyReviewTaskState.objects.filter(workflow_state__in=states)
    }
    for workflow_state in states:
        steps = []
        task_states = (
            workflow_state.task_states.select_related("task", "finished_by", "revision__user")
            .defer("revision__content")
            .order_by("started_at", "pk")
        )
        for task_state in task_states:
            signed = secrecy.get(task_state.pk)
            steps.append(
                Step(
                    name=task_state.task.name,
                    status=StepStatus(task_state.status).label,
                    started_at=task_state.started_at,
                    finished_at=task_state.finished_at,
                    finished_by=str(task_state.finished_by or ""),
                    comment=task_state.comment or "",
                    checklist=[
                        (CHECKLIST_STATEMENTS.get(name, name), affirmed)
                        for name, affirmed in (signed.checklist if signed else {}).items()
                    ],
                    signed_by=signed.signed_by_name if signed else "",
                    revision_id=task_state.revision_id,
                    revision_label=revision_label(task_state.revision),
                )
            )
        runs.append(
            Run(
                started_at=workflow_state.created_at,
                requested_by=str(workflow_state.requested_by or ""),
                status=workflow_state.get_status_display(),
                steps=steps,
                published_revision_id=published_revision_id(workflow_state),
            )
        )
    return runs


def published_revision_id(workflow_state):
    if workflow_state.status != workflow_state.STATUS_APPROVED:
        return None
    revision = run_revision(workflow_state)
    if revision is None or not approved_by_every_step(workflow_state, revision):
        return None
    return revision.pk


def moderation_log(page):
    """Force publications and withdrawals, with their reasons."""
    return (
        PageLogEntry.objects.filter(page=page, action__startswith="moderation.")
        .select_related("user")
        .order_by("timestamp")
    )
