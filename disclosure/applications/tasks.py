"""Celery beat: a daily reminder of applications due soon or overdue, per organisation. Each
organisation's mail is queued through the outbox on its own (gongkai/mail.py): a mail server
that refuses one organisation's mail leaves that one to the relay's retries, not the others."""

from celery import shared_task
from django.utils.translation import gettext as _

from disclosure.applications import reminders
from disclosure.applications.roles import organisation_handlers
from gongkai.mail import mail_after_commit


def _recipients(organisation):
    """The organisation's address and its own 依申请办理 group's members."""
    emails = {user.email for user in organisation_handlers(organisation).exclude(email="")}
    if organisation.email:
        emails.add(organisation.email)
    return sorted(emails)


@shared_task(name="applications.send_deadline_reminders")
def send_deadline_reminders():
    """Queue one message per organisation with something due; returns how many were queued."""
    soon, overdue = reminders.due_soon_and_overdue()
    due_soon = _("%(days)s个工作日内到期") % {"days": reminders.SOON_WORKING_DAYS}
    by_organisation = {}
    for label, queryset in ((_("已逾期"), overdue), (due_soon, soon)):
        for application in queryset:
            by_organisation.setdefault(application.organisation, []).append(
                f"{label}  {application.tracking_number}  {_('答复期限')} {application.due_on}"
            )
    sent = 0
    for organisation, lines in by_organisation.items():
        sent += mail_after_commit(
            _recipients(organisation),
            _("依申请公开办理提醒：%(name)s") % {"name": organisation.name},
            "\n".join(lines),
        )
    return sent
