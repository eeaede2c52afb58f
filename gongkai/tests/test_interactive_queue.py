"""Work someone waits for (a report's download) goes ahead of bulk work: the demo's ~600 index
updates kept the downloads on "正在生成…" for two minutes after `make run` started.

A real Celery app with the project's settings on the embedded broker in a fresh folder; the
messages are taken off as the worker's consumer takes them (its queues, in their order)."""

from celery import Celery
from django.conf import settings

from gongkai import outbox
from gongkai.settings.base import embedded_celery

BULK = "gongkai.run_django_task"
EXPORT = "reports.build_export"


def _app(folder):
    app = Celery("interactive-queue-test")
    app.config_from_object("django.conf:settings", namespace="CELERY")
    url, transport, options, _results = embedded_celery(folder)
    app.conf.update(broker_url=url, broker_transport=transport, broker_transport_options=options)
    return app


def _taken_in_order(app, count):
    taken = []
    with app.connection_for_read() as connection:
        # The consumer the worker makes: the queues of the settings, in their order.
        consumer = app.amqp.TaskConsumer(
            connection,
            callbacks=[
                lambda body, message: (taken.append(message.headers["task"]), message.ack())
            ],
        )
        with consumer:
            while len(taken) < count:
                connection.drain_events(timeout=2)
    return taken


def test_a_report_export_sent_after_bulk_tasks_is_taken_first(tmp_path):
    app = _app(tmp_path)
    for n in range(5):
        app.send_task(BULK, args=("bulk", [n], {}))
    for export_format in ("xlsx", "docx", "pdf"):
        app.send_task(EXPORT, args=(1, export_format))
    # One message each, in the queue its task is routed to.
    queued = sorted(path.name.split(".", 1)[1] for path in (tmp_path / "queue").iterdir())
    assert (
        queued
        == [f"{settings.CELERY_TASK_DEFAULT_QUEUE}.msg"] * 5
        + [f"{settings.CELERY_TASK_QUEUES[0].name}.msg"] * 3
    )
    # kombu's own order (each queue in turn) would give export, bulk, export, bulk.
    assert _taken_in_order(app, 8) == [EXPORT] * 3 + [BULK] * 5


def test_the_outbox_routes_exports_to_the_interactive_queue_and_the_rest_to_the_default():
    interactive, default = (queue.name for queue in settings.CELERY_TASK_QUEUES)
    assert interactive != default == settings.CELERY_TASK_DEFAULT_QUEUE
    assert outbox.delivery_options(EXPORT)["queue"].name == interactive
    assert outbox.delivery_options(BULK)["queue"].name == default
    assert set(settings.GONGKAI_INTERACTIVE_TASKS) == {EXPORT}
