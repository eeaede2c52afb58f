"""The daily reminders go through the outbox, one mail per organisation: a mail server that
refuses one organisation's mail does not keep the others' from going out, and the refused one
waits for the relay to try again."""

from datetime import date
from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail

from disclosure.applications.tasks import send_deadline_reminders
from disclosure.catalogue.tests.factories import OrganisationFactory
from gongkai.celery import app as celery_app
from gongkai.mail import MAIL_TASK
from gongkai.models import OutboxMessage

REFUSED = "refused@example.invalid"


class RefusingBackend:
    """A mail server that refuses every mail addressed to REFUSED and keeps the rest in
    Django's test outbox."""

    def __init__(self, fail_silently=False, **kwargs):
        pass

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.recipients():
                raise SMTPRecipientsRefused({REFUSED: (550, b"mailbox unavailable")})
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def refusing_mail_server(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    # As in production: a task's error stays with its outbox row instead of reaching the caller.
    was = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = was


def test_one_refused_reminder_does_not_stop_the_others(
    refusing_mail_server, make_application, django_capture_on_commit_callbacks
):
    first = OrganisationFactory(name="甲机关", email=REFUSED)
    second = OrganisationFactory(name="乙机关", email="second@example.invalid")
    for organisation in (first, second):
        make_application(organisation=organisation, received_on=date(2020, 3, 2))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 2

    assert [message.to for message in mail.outbox] == [["second@example.invalid"]]
    rows = OutboxMessage.objects.filter(task=MAIL_TASK)
    assert rows.count() == 2
    (refused,) = rows.filter(delivered_at__isnull=True)
    assert refused.args[0] == [REFUSED] and "SMTPRecipientsRefused" in refused.last_error
