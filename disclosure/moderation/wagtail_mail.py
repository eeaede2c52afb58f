"""Wagtail's own workflow mails are switched off: review mail is ours (notifications.py).

wagtail.admin connects its notifiers in its AppConfig.ready() (wagtail/admin/signal_handlers.py).
`disclosure.moderation` must stay before wagtail.admin in INSTALLED_APPS (it overrides admin
templates), so its ready() runs too early to undo that. This small app is appended after
wagtail.admin (settings: moderation block), and Django runs ready() in INSTALLED_APPS order.
"""

from django.apps import AppConfig

# (signal name, sender model, dispatch_uid) exactly as wagtail.admin.signal_handlers connects them.
WAGTAIL_WORKFLOW_MAILS = [
    ("task_submitted", "TaskState", "group_approval_task_submitted_email_notification"),
    ("workflow_submitted", "WorkflowState", "workflow_state_submitted_email_notification"),
    ("workflow_rejected", "WorkflowState", "workflow_state_rejected_email_notification"),
    ("workflow_approved", "WorkflowState", "workflow_state_approved_email_notification"),
]


def disconnect_wagtail_workflow_mails():
    from wagtail import models, signals

    for signal_name, sender_name, dispatch_uid in WAGTAIL_WORKFLOW_MAILS:
        signal = getattr(signals, signal_name)
        signal.disconnect(sender=getattr(models, sender_name), dispatch_uid=dispatch_uid)


class WagtailWorkflowMailOffConfig(AppConfig):
    name = "disclosure.moderation.wagtail_mail"
    label = "moderation_wagtail_mail"
    verbose_name = "审核与发布：停用 Wagtail 自带的审核邮件"

    def ready(self):
        disconnect_wagtail_workflow_mails()
