"""A broker that cannot take a message (issue 15, item 1), without a worker: the web request
commits, answers, and the work it queued waits in the outbox until the broker is back."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from disclosure.catalogue.tests.factories import CategoryPageFactory
from disclosure.moderation.tests.helpers import (
    FULL_CHECKLIST,
    act,
    edit_form_data,
    fresh,
    submit,
)
from gongkai.celery import app as celery_app
from gongkai.mail import MAIL_TASK
from gongkai.models import OutboxMessage
from gongkai.outbox import relay_pending
from tests.broker_faults import queue_folder, unwritable
from tests.fixtures import embedded_broker_only

pytestmark = embedded_broker_only


@pytest.fixture
def real_broker(settings):
    """Celery and Wagtail's django-tasks as in production: messages go to the broker."""
    settings.TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def draft(office, title):
    return CategoryPageFactory(
        parent=office["columns"][0], title=title, live=False, revised_by=office["users"]["editor"]
    )


def indexed(page):
    return IndexEntry.objects.filter(
        content_type_id=page.content_type_id, object_id=str(page.pk)
    ).exists()


def approve_over_http(client, page, user):
    page = fresh(page)
    client.force_login(user)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )
    return client.post(url, {"comment": ""})


def test_the_leaders_approval_publishes_and_answers_while_the_broker_is_unwritable(
    client, office, real_broker, django_capture_on_commit_callbacks
):
    users = office["users"]
    page = draft(office, "断网期间发布的通知")
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    OutboxMessage.objects.all().delete()

    with unwritable(queue_folder()), django_capture_on_commit_callbacks(execute=True):
        response = approve_over_http(client, page, users["leader"])
    assert response.status_code < 500
    assert fresh(page).live
    assert not indexed(page)
    waiting = OutboxMessage.objects.filter(delivered_at__isnull=True)
    assert waiting.filter(task="gongkai.run_django_task").exists()

    # The broker is back: the beat relay sends what waited (run here, eagerly).
    celery_app.conf.task_always_eager = True
    relay_pending(min_age_seconds=0)
    assert indexed(Page.objects.get(pk=page.pk).specific)
    assert not OutboxMessage.objects.filter(delivered_at__isnull=True).exists()


def test_an_editors_submit_is_saved_and_answers_while_the_broker_is_unwritable(
    client, office, real_broker, django_capture_on_commit_callbacks
):
    editor = office["users"]["editor"]
    page = draft(office, "断网期间提交的稿件")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with unwritable(queue_folder()), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, edit_form_data(page, title="断网期间提交的稿件（改）", **{"action-submit": "1"})
        )
    assert response.status_code < 500
    page = fresh(page)
    assert page.workflow_in_progress
    assert page.get_latest_revision().as_object().title == "断网期间提交的稿件（改）"
    # The mail to the reviewers waits in the outbox rather than being lost.
    assert OutboxMessage.objects.filter(task=MAIL_TASK, delivered_at__isnull=True).exists()
