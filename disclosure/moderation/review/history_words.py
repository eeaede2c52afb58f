"""The page history's words for a send-back and a resubmission, as the screens say them.

Wagtail logs a send-back as “Rejected at … Changes requested” and a resubmission as
“Resubmitted '<the step that sent it back>'. Workflow resumed”; but a resubmitted run returns
to the first step that did not approve its revision (revisions/runs.py), usually 初审. So the
resubmission names the step the run restarted at: the first task state the run made after the
one that sent it back."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter
from wagtail.models import TaskState

REJECT = "wagtail.workflow.reject"
RESUME = "wagtail.workflow.resume"


def _step_title(log_entry):
    return (log_entry.data.get("workflow") or {}).get("task", {}).get("title")


def restarted_step(log_entry):
    """The name of the step the resubmitted run continued at, or None (not yet known)."""
    sent_back_by = (log_entry.data.get("workflow") or {}).get("task_state_id")
    if sent_back_by is None:
        return None
    restarted = (
        TaskState.objects.filter(workflow_state__task_states=sent_back_by, pk__gt=sent_back_by)
        .select_related("task")
        .order_by("pk")
        .first()
    )
    return restarted.task.name if restarted else None


class SentBack(LogFormatter):
    label = gettext_lazy("退回修改")

    def format_message(self, log_entry):
        step = _step_title(log_entry)
        return _("“%(step)s”退回修改") % {"step": step} if step else _("退回修改")

    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


class Resubmitted(LogFormatter):
    label = gettext_lazy("重新送审")

    def format_message(self, log_entry):
        sent_back_at, restarted_at = _step_title(log_entry), restarted_step(log_entry)
        if sent_back_at and restarted_at:
            return _(
                "修改后重新送审（此前由“%(sent_back_at)s”退回），从“%(restarted_at)s”重新审核"
            ) % {
                "sent_back_at": sent_back_at,
                "restarted_at": restarted_at,
            }
        return _("修改后重新送审")

    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


def register_history_words(actions):
    """Registered after Wagtail's own formatters of the same actions, so these replace them;
    the history filter's choices would list each action twice, Wagtail's label first."""
    replaced = {REJECT: SentBack, RESUME: Resubmitted}
    actions.choices[:] = [choice for choice in actions.choices if choice[0] not in replaced]
    for action, formatter in replaced.items():
        actions.register_action(action)(formatter)
