"""Mail that a change causes, sent once the change has committed: one Celery task for every
app's mail, queued through the outbox (gongkai/outbox.py). A broker outage delays a mail,
never loses it; a mail server that refuses one mail fails that row alone, which the relay
tries again later, and every other mail still goes out."""

from celery import shared_task
from django.core.mail import send_mail

from gongkai.outbox import send_after_commit

MAIL_TASK = "gongkai.send_mail"


def _send(addresses, subject, body):
    send_mail(subject, body, None, addresses)
    return len(addresses)


send_mail_task = shared_task(name=MAIL_TASK)(_send)


def mail_task_formerly_named(name):
    """The mail task under a name an app queued its mail by before (its outbox rows and broker
    messages carry that name): registered by the app that used it, so that what was queued
    before an upgrade is still sent after it."""
    return shared_task(name=name)(_send)


def mail_after_commit(addresses, subject, body):
    """Queue one mail to these addresses (empty ones dropped) after the current transaction
    commits. Returns whether there was anyone to write to."""
    addresses = sorted({address for address in addresses if address})
    if addresses:
        send_after_commit(send_mail_task, addresses, str(subject), str(body))
    return bool(addresses)
