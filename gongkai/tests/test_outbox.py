"""The outbox: a side effect exists exactly when its transaction commits, runs once, and is
retried until it succeeds."""

from datetime import timedelta

import pytest
from celery import shared_task
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from gongkai import outbox
from gongkai.celery import app as celery_app
from gongkai.models import OutboxMessage
from gongkai.tasks import deliver, relay_outbox
from tests.broker_faults import queue_folder, unwritable
from tests.fixtures import embedded_broker_only

RUNS = []


@shared_task(name="gongkai.tests.record_run")
def record_run(value, fail=False):
    RUNS.append(value)
    if fail:
        raise RuntimeError("这次失败了")
    return value


@shared_task(name="gongkai.tests.limited", time_limit=30, soft_time_limit=20)
def limited():
    return None


@pytest.fixture(autouse=True)
def no_runs():
    RUNS.clear()


@pytest.fixture
def broker_not_eager():
    """Messages go to the broker, where no worker takes them: purged afterwards, so that no
    later worker runs them against another test's rows."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True
    celery_app.control.purge()


def test_the_row_is_written_with_the_transaction_and_runs_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = outbox.send_after_commit(record_run, "已提交")
        assert RUNS == []
    assert RUNS == ["已提交"]
    message.refresh_from_db()
    assert message.delivered_at is not None and message.attempts == 1


def test_nothing_is_recorded_or_run_when_the_transaction_rolls_back(
    db, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox.send_after_commit(record_run, "回滚")
        raise RuntimeError("roll back")
    assert callbacks == [] and RUNS == []
    assert not OutboxMessage.objects.exists()


def test_a_message_delivered_twice_runs_once(db):
    message = OutboxMessage.objects.create(task=record_run.name, args=["一次"])
    deliver.apply(args=(message.pk,))
    deliver.apply(args=(message.pk,))
    assert RUNS == ["一次"]


def test_a_row_being_run_is_not_run_by_a_second_copy(db):
    message = OutboxMessage.objects.create(
        task=record_run.name, args=["进行中"], locked_until=timezone.now() + timedelta(minutes=5)
    )
    deliver.apply(args=(message.pk,))
    assert RUNS == []
    assert list(outbox.waiting(min_age_seconds=0)) == []


def test_a_failed_run_is_retried_later_by_the_relay(db):
    message = OutboxMessage.objects.create(
        task=record_run.name, args=["重试"], kwargs={"fail": True}
    )
    deliver.apply(args=(message.pk,), throw=False)
    message.refresh_from_db()
    assert message.delivered_at is None and message.attempts == 1
    assert "这次失败了" in message.last_error
    assert message.run_after > timezone.now()
    assert outbox.relay_pending(min_age_seconds=0) == 0  # not due yet

    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(minutes=2),
        run_after=timezone.now() - timedelta(seconds=1),
        kwargs={},
    )
    assert relay_outbox.apply().get() == 1
    message.refresh_from_db()
    assert message.delivered_at is not None and message.attempts == 2
    assert RUNS == ["重试", "重试"]


def test_the_relay_leaves_young_rows_to_their_request_and_stops_after_max_attempts(db):
    young = OutboxMessage.objects.create(task=record_run.name, args=["刚写入"])
    spent = OutboxMessage.objects.create(
        task=record_run.name, args=["放弃"], attempts=django_settings.GONGKAI_OUTBOX_MAX_ATTEMPTS
    )
    OutboxMessage.objects.filter(pk=spent.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert list(outbox.waiting()) == []
    assert young.pk in {m.pk for m in outbox.waiting(min_age_seconds=0)}


def test_a_relayed_row_is_not_sent_again_until_its_message_must_have_been_lost(
    db, broker_not_eager
):
    message = OutboxMessage.objects.create(task=record_run.name, args=["已转发"])
    assert outbox.relay_pending(min_age_seconds=0) == 1
    assert outbox.relay_pending(min_age_seconds=0) == 0
    OutboxMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now()
        - timedelta(seconds=django_settings.GONGKAI_OUTBOX_RESEND_AFTER_SECONDS + 1)
    )
    assert outbox.relay_pending(min_age_seconds=0) == 1


@embedded_broker_only
def test_the_broker_refusing_a_message_leaves_the_row_waiting(
    db, broker_not_eager, django_capture_on_commit_callbacks
):
    with unwritable(queue_folder()), django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            message = outbox.send_after_commit(record_run, "等待")
        assert outbox.relay_pending(min_age_seconds=0) == 0
    message.refresh_from_db()
    assert message.sent_at is None and message.delivered_at is None
    assert outbox.relay_pending(min_age_seconds=0) == 1


def test_beat_runs_the_relay_and_the_reconcile():
    tasks = {entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"gongkai.relay_outbox", "search.reconcile_search_index"} <= tasks


def test_the_delivery_message_keeps_the_tasks_queue_and_time_limits():
    """gongkai.deliver runs the task in its own process: the worker must apply the task's
    limits and routing to the delivering message."""

    def reroute(routes):
        celery_app.conf.task_routes = routes
        celery_app.amqp.flush_routes()
        celery_app.amqp.__dict__.pop("router", None)  # a cached_property built from the routes

    reroute({"gongkai.tests.limited": {"queue": "slow-work"}})
    try:
        options = outbox.delivery_options("gongkai.tests.limited")
        default = outbox.delivery_options(record_run.name)
    finally:
        reroute(None)
    assert options["queue"].name == "slow-work"
    assert (options["time_limit"], options["soft_time_limit"]) == (30, 20)
    assert default["queue"].name == celery_app.conf.task_default_queue
    # A task without limits of its own keeps the site-wide ones (CELERY_TASK_TIME_LIMIT).
    assert default.get("time_limit") == celery_app.conf.task_time_limit
