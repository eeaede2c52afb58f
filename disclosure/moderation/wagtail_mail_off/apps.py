"""A small app listed after wagtail.admin in INSTALLED_APPS, so that its ready() runs after
wagtail.admin connected its workflow mails, and switches them off (patches/workflow_mails.py)."""

from django.apps import AppConfig


class WagtailWorkflowMailOffConfig(AppConfig):
    name = "disclosure.moderation.wagtail_mail_off"
    label = "moderation_wagtail_mail"
    verbose_name = "审核与发布：停用 Wagtail 自带的审核邮件"

    def ready(self):
        from ..patches import workflow_mails

        workflow_mails.apply()
