"""Celery tasks of the review: reminders from beat, scheduled publishing from beat. Review's mail
goes through the plumbing's mail task (gongkai/mail.py); its earlier name
(`moderation.send_review_mail`) sits with its sender in mail/notifications.py, and importing it
here registers it with the worker."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from disclosure.workdays.calendar import working_days_between

from .mail.notifications import (  # noqa: F401
    admin_link,
    notify,
    reviewers_of_step,
    send_review_mail,
)


@shared_task(name="moderation.send_review_reminders")
def send_review_reminders(today=None):
    """Remind each step's group of items waiting there more than the configured working days."""
    today = today or timezone.localdate()
    limit = settings.GONGKAI_MODERATION_REMINDER_WORKING_DAYS
    reminded = 0
    waiting = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
        "task", "workflow_state"
    )
    for task_state in waiting:
        days = working_days_between(timezone.localdate(task_state.started_at), today)
        page = task_state.workflow_state.content_object
        if days <= limit or page is None:
            continue
        notify(
            reviewers_of_step(task_state),
            _("审核提醒：%(title)s") % {"title": page.title},
            _("稿件“%(title)s”已在%(step)s等待%(days)s个工作日，请尽快审核：%(link)s")
            % {
                "title": page.title,
                "step": task_state.task.name,
                "days": days,
                "link": admin_link(page),
            },
        )
        reminded += 1
    return reminded


@shared_task(name="moderation.publish_scheduled")
def publish_scheduled():
    """Publish approved revisions whose time has come and unpublish expired pages: Wagtail's
    own `publish_scheduled` command, run from Celery beat instead of cron."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)
