"""Disconnects Wagtail's own workflow mails: review mail is ours (notifications.py, via Celery).

Replaces: the four receivers `wagtail.admin.signal_handlers.register_signal_handlers` connects
(submitted to a step, workflow submitted, rejected, approved), disconnected by the sender and
dispatch_uid Wagtail gives them.

Why: Wagtail would mail the group of each step and the submitter in the request, in English
templates, beside our own mail (in Chinese, to the reviewers of the page's organisation only,
sent after the commit through the outbox).

wagtail.admin connects them in its AppConfig.ready(), so this runs from the ready() of the small
app `disclosure.moderation.wagtail_mail_off`, listed after wagtail.admin in INSTALLED_APPS (Django
runs ready() in that order; `disclosure.moderation` itself must stay before wagtail.admin, whose
templates it overrides).

Checked against Wagtail 8.0.1: `register_signal_handlers` connects exactly these four.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={"wagtail.admin.signal_handlers.register_signal_handlers": "2afc24c3a6084dea"},
)

# (signal name, sender model, dispatch_uid) exactly as wagtail.admin.signal_handlers connects them.
WAGTAIL_WORKFLOW_MAILS = [
    ("task_submitted", "TaskState", "group_approval_task_submitted_email_notification"),
    ("workflow_submitted", "WorkflowState", "workflow_state_submitted_email_notification"),
    ("workflow_rejected", "WorkflowState", "workflow_state_rejected_email_notification"),
    ("workflow_approved", "WorkflowState", "workflow_state_approved_email_notification"),
]


def apply():
    from wagtail import models, signals

    for signal_name, sender_name, dispatch_uid in WAGTAIL_WORKFLOW_MAILS:
        signal = getattr(signals, signal_name)
        signal.disconnect(sender=getattr(models, sender_name), dispatch_uid=dispatch_uid)
