"""Mail after a commit goes through one task (gongkai.mail): queued in the outbox, sent by the
worker, retried by the relay. The names it was queued under before survive an upgrade."""

import pytest
from django.core import mail

from gongkai.celery import app as celery_app
from gongkai.mail import MAIL_TASK, mail_after_commit
from gongkai.models import OutboxMessage
from gongkai.outbox import not_started
from gongkai.tasks import deliver

pytestmark = pytest.mark.django_db

# Review's mail task, which the inspection's digest used before it had its own; the digest's
# own task name. Rows and broker messages may still carry either after an upgrade.
EARLIER_NAMES = ["moderation.send_review_mail", "inspection.send_digest_mail"]


def test_mail_waits_for_the_commit_and_goes_through_the_one_task(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        assert mail_after_commit(["b@example.invalid", "a@example.invalid", ""], "主题", "正文")
        assert not mail.outbox
    (row,) = OutboxMessage.objects.all()
    assert row.task == MAIL_TASK and row.args == [
        ["a@example.invalid", "b@example.invalid"],
        "主题",
        "正文",
    ]
    assert row.delivered_at is not None
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("主题", ["a@example.invalid", "b@example.invalid"])
    ]


def test_mail_to_nobody_queues_nothing():
    assert not mail_after_commit(["", None], "主题", "正文")
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize("name", EARLIER_NAMES)
def test_a_mail_queued_under_an_earlier_name_is_still_sent(name):
    celery_app.loader.import_default_modules()
    row = OutboxMessage.objects.create(task=name, args=[["a@example.invalid"], "旧主题", "旧正文"])
    deliver.apply(args=(row.pk,), throw=True)
    assert [(m.subject, m.to) for m in mail.outbox] == [("旧主题", ["a@example.invalid"])]
    assert not not_started(name).exists()


def test_the_worker_registers_the_task_and_its_earlier_names():
    celery_app.loader.import_default_modules()
    assert {MAIL_TASK, *EARLIER_NAMES} <= set(celery_app.tasks)
