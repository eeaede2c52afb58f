"""A transactional outbox: work that must follow a commit is a row written in that commit.

`send_after_commit(task, *args, **kwargs)` is the one way code asks for a Celery task to run
because of a change it is making. The row commits or rolls back with the change. After the
commit it is handed to the broker at once; if the broker cannot take it (down, full, its
folder unwritable) the request still answers, and the beat relay (`relay_pending`) hands it
over later. The worker runs it through `gongkai.deliver`, which runs each row at most once at a
time and marks it done, so a row sent twice (a resend after a lost message) runs once.
docs/decisions.md says why this and not a database-backed django-tasks backend.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from gongkai.celery import app as celery_app

logger = logging.getLogger(__name__)

# The task that runs a row (gongkai/tasks.py registers it under this name).
DELIVER_TASK = "gongkai.deliver"

# A row the worker is running is not run by a second copy of its message for this long.
LEASE = timedelta(minutes=15)


def send_after_commit(task, *args, run_after=None, **kwargs):
    """Record that Celery task `task` (a task object or its registered name) must run with
    these JSON-serialisable arguments once the current transaction commits; nothing runs if it
    rolls back. Outside a transaction the row is written at once."""
    from gongkai.models import OutboxMessage

    name = task if isinstance(task, str) else task.name
    message = OutboxMessage.objects.create(
        task=name, args=list(args), kwargs=kwargs, run_after=run_after
    )
    message_id = message.pk
    transaction.on_commit(lambda: _send(message_id, name, run_after))
    return message


def delivery_options(task_name):
    """The message that delivers a row carries its task's queue (task_routes) and time
    limits: the worker enforces them on `gongkai.deliver`, which runs the task in-process."""
    options = celery_app.amqp.router.route({}, task_name)
    task = celery_app.tasks.get(task_name)
    for limit in ("time_limit", "soft_time_limit"):
        value = getattr(task, limit, None)
        if value:
            options[limit] = value
    return options


def _send(message_id, task_name, run_after=None):
    """Hand one row to the broker; a broker that cannot take it leaves the row to the relay.
    The task that runs it is named, not imported: it is defined above (gongkai/tasks.py)."""
    if celery_app.conf.task_always_eager:
        # The task runs here. Its errors surface only where eager errors are asked to (the
        # tests); elsewhere the row keeps the error and the relay retries it.
        celery_app.loader.import_default_modules()  # the tasks' modules, as a worker does
        try:
            celery_app.tasks[DELIVER_TASK].apply(args=(message_id,), throw=True)
        except Exception:
            if celery_app.conf.task_eager_propagates:
                raise
            logger.exception("后台任务 #%s 执行失败，稍后重试", message_id)
        return True
    try:
        options = delivery_options(task_name)
        if run_after:
            options["eta"] = run_after
        celery_app.send_task(DELIVER_TASK, args=(message_id,), retry=False, **options)
    except Exception as exc:  # whatever the broker's failure, the committed work waits
        logger.warning("后台任务 #%s 暂未送达消息队列，稍后由中继重发：%s", message_id, exc)
        return False
    return True


# What a row's columns say about it, here only: the other modules ask these functions
# (gongkai/tests/test_outbox.py fails when another module queries the rows itself).
def undelivered():
    """Rows not run to completion yet: waiting, running, retrying or given up."""
    from gongkai.models import OutboxMessage

    return OutboxMessage.objects.filter(delivered_at__isnull=True)


def given_up(rows):
    """Those of `rows` that used up their attempts: nobody runs them again."""
    return rows.filter(attempts__gte=settings.GONGKAI_OUTBOX_MAX_ATTEMPTS)


def not_started(task=None):
    """Rows that will still run and that no worker is running now: not done, not given up,
    not held by a run (its lease). Work such a row will do need not be asked for again.
    `task`: only the rows of that task (a task object or its registered name)."""
    now = timezone.now()
    rows = (
        undelivered()
        .filter(attempts__lt=settings.GONGKAI_OUTBOX_MAX_ATTEMPTS)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
    )
    if task is not None:
        rows = rows.filter(task=task if isinstance(task, str) else task.name)
    return rows


def waiting(min_age_seconds=None):
    """Rows due to be (re)sent: not started, due, and either never sent by the relay or sent
    long enough ago that the message must have been lost."""
    now = timezone.now()
    if min_age_seconds is None:
        min_age_seconds = settings.GONGKAI_OUTBOX_RELAY_AFTER_SECONDS
    resend_before = now - timedelta(seconds=settings.GONGKAI_OUTBOX_RESEND_AFTER_SECONDS)
    return (
        not_started()
        .filter(created_at__lte=now - timedelta(seconds=min_age_seconds))
        .filter(Q(run_after__isnull=True) | Q(run_after__lte=now))
        .filter(Q(sent_at__isnull=True) | Q(sent_at__lte=resend_before))
        .order_by("created_at")
    )


def relay_pending(min_age_seconds=None, limit=None):
    """Send the rows that are still waiting. Returns how many the broker took; stops at the
    first refusal (the next run tries again)."""
    from gongkai.models import OutboxMessage

    limit = limit or settings.GONGKAI_OUTBOX_RELAY_BATCH
    sent = 0
    for message_id, task_name, run_after in list(
        waiting(min_age_seconds).values_list("pk", "task", "run_after")[:limit]
    ):
        if not _send(message_id, task_name, run_after):
            break
        OutboxMessage.objects.filter(pk=message_id, delivered_at__isnull=True).update(
            sent_at=timezone.now()
        )
        sent += 1
    return sent


def claim(message_id):
    """Take the row for one run: None when it is done, or another run holds it."""
    from gongkai.models import OutboxMessage

    now = timezone.now()
    claimed = (
        OutboxMessage.objects.filter(pk=message_id, delivered_at__isnull=True)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
        .update(locked_until=now + LEASE, attempts=F("attempts") + 1)
    )
    return OutboxMessage.objects.get(pk=message_id) if claimed else None


def retry_delay(attempts):
    """Back off: 30 s, 1 min, 2 min, … capped at an hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def finish(message, error=None):
    from gongkai.models import OutboxMessage

    rows = OutboxMessage.objects.filter(pk=message.pk)
    if error is None:
        rows.update(delivered_at=timezone.now(), locked_until=None, last_error="")
    else:
        rows.update(
            locked_until=None,
            sent_at=None,
            run_after=timezone.now() + retry_delay(message.attempts),
            last_error=error[:2000],
        )


def forget_delivered(older_than_days=None):
    """The table keeps what is waiting; rows done long ago go."""
    from gongkai.models import OutboxMessage

    days = older_than_days or settings.GONGKAI_OUTBOX_KEEP_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    return OutboxMessage.objects.filter(delivered_at__lt=cutoff).delete()[0]
