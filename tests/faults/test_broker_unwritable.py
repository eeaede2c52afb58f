"""Fault: the embedded broker's queue folder becomes unwritable during an approval (issue 15).

A real worker runs (tests/conftest.py's fixture). While the folder cannot be written: the
leader's approval and an editor's submit answer without a 5xx and are saved, the public page
is served, /healthz/ readiness reports the broker. Once it is writable again, beat's relay
hands the waiting work to the worker and the page reaches the search index.
"""

import uuid

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.tests.factories import CategoryPageFactory
from disclosure.moderation.tests.helpers import (
    FULL_CHECKLIST,
    act,
    edit_form_data,
    fresh,
    submit,
)
from disclosure.moderation.tests.offices import build_office
from gongkai import healthz
from gongkai.models import OutboxMessage
from tests.broker_faults import queue_folder, unwritable
from tests.fixtures import embedded_broker_only
from tests.processes import Process, child_env, database_url, python, running, wait_for

pytestmark = [
    embedded_broker_only,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CATCH_UP_TIMEOUT = 180


@pytest.fixture
def production_tasks(settings):
    """This process enqueues Wagtail's index updates as production does: through the outbox."""
    settings.TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}


@pytest.fixture
def start_beat(tmp_path):
    """Start `celery beat` (its relay every 3 s) when the test asks; stopped at the end."""
    started = []

    def start():
        env = child_env(
            DJANGO_SETTINGS_MODULE="gongkai.settings.test",
            DATABASE_URL=database_url(),
            CELERY_TASK_ALWAYS_EAGER="false",
            OUTBOX_RELAY_EVERY_SECONDS="3",
        )
        beat = Process(
            "beat",
            python("-m", "celery", "-A", "gongkai", "beat", "--loglevel=INFO"),
            env,
            tmp_path,
        )
        started.append(beat)
        return beat

    yield start
    with running(started):
        pass


def draft(office, title):
    return CategoryPageFactory(
        parent=office["columns"][0],
        title=title,
        slug=f"fault-{uuid.uuid4().hex[:8]}",
        live=False,
        revised_by=office["users"]["editor"],
    )


def in_search(page, word):
    return page.pk in {p.pk for p in get_search_backend().search(word, CategoryPage)}


def readiness(client):
    healthz.recent.forget()
    return client.get("/healthz/")  # from 127.0.0.1: a monitoring address, details included


@pytest.mark.usefixtures("celery_worker")
def test_an_approval_while_the_broker_is_unwritable_loses_nothing(
    client, production_tasks, start_beat
):
    office = build_office()
    users = office["users"]
    page = draft(office, "Brokerfault 断网期间审批的通知")
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    other = draft(office, "断网期间提交的稿件")

    with unwritable(queue_folder()):
        client.force_login(users["leader"])
        state = fresh(page).current_workflow_task_state
        approval = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]),
            {"comment": "同意发布"},
        )
        assert approval.status_code < 500
        page = fresh(page)
        assert page.live

        client.force_login(users["editor"])
        submitted = client.post(
            reverse("wagtailadmin_pages:edit", args=[other.pk]),
            edit_form_data(other, title="断网期间提交的稿件（改）", **{"action-submit": "1"}),
        )
        assert submitted.status_code < 500
        assert fresh(other).workflow_in_progress

        client.logout()
        public = client.get(page.url)
        assert public.status_code == 200 and "Brokerfault" in public.content.decode()

        ready = readiness(client)
        assert ready.status_code == 503
        assert ready.json()["checks"]["broker"]["ok"] is False
        assert client.get("/healthz/live/").status_code == 200

        assert not in_search(page, "Brokerfault")
        assert OutboxMessage.objects.filter(delivered_at__isnull=True).exists()

    start_beat()
    wait_for(
        lambda: (
            in_search(page, "Brokerfault")
            and not OutboxMessage.objects.filter(delivered_at__isnull=True).exists()
        ),
        CATCH_UP_TIMEOUT,
        "the waiting work did not reach the worker after the broker came back",
    )
    assert readiness(client).status_code == 200
