from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from gongkai import healthz
from gongkai.celery import app as celery_app
from gongkai.models import OutboxMessage
from tests.broker_faults import queue_folder, unwritable
from tests.fixtures import embedded_broker_only

# Django's test client sends REMOTE_ADDR 127.0.0.1, a monitoring address by default.
VISITOR = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture(autouse=True)
def fresh_answer():
    """Each test sees its own readiness answer, not the one another test left cached."""
    healthz.recent.forget()
    yield
    healthz.recent.forget()


@pytest.fixture
def unreachable_broker():
    """Point Celery at a Redis port where nothing listens: a broker that is really down."""
    previous = celery_app.conf.broker_write_url, celery_app.conf.broker_transport
    # The embedded broker names its transport (gongkai/broker.py), which would win over the URL.
    celery_app.conf.broker_write_url, celery_app.conf.broker_transport = (
        "redis://127.0.0.1:1/0",
        None,
    )
    yield
    celery_app.conf.broker_write_url, celery_app.conf.broker_transport = previous


def test_healthz_reports_every_service_to_a_monitoring_address(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "worker", "search", "outbox"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["outbox"]["required"] is False
    from django.conf import settings

    transport = settings.CELERY_BROKER_URL.split(":", 1)[0] or "filesystem"
    assert body["checks"]["broker"]["detail"] == {"rediss": "redis"}.get(transport, transport)


def test_the_public_gets_the_status_only(client, db):
    response = client.get("/healthz/", **VISITOR)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_request_forwarded_by_a_proxy_on_this_machine_gets_the_status_only(client, db):
    """Behind nginx on the same host every visitor's REMOTE_ADDR is 127.0.0.1."""
    response = client.get("/healthz/", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.json() == {"status": "ok"}


def test_staff_get_the_details_from_anywhere(client, db):
    client.force_login(get_user_model().objects.create_user("staff", is_staff=True))
    assert "checks" in client.get("/healthz/", **VISITOR).json()


@override_settings(HEALTHZ_MONITORING_ADDRESSES=["10.8.0.0/16"])
def test_monitoring_networks_are_configurable(client, db):
    assert "checks" in client.get("/healthz/", REMOTE_ADDR="10.8.3.4").json()
    assert "checks" not in client.get("/healthz/", REMOTE_ADDR="127.0.0.1").json()


def test_healthz_is_503_when_a_required_service_is_down(client, db, unreachable_broker):
    response = client.get("/healthz/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    public = client.get("/healthz/", **VISITOR)
    assert public.status_code == 503 and public.json() == {"status": "fail"}


@override_settings(HEALTHZ_REQUIRED=["database", "cache", "search"])
def test_optional_service_down_keeps_200(client, db, unreachable_broker):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"]["required"] is False


@embedded_broker_only
def test_a_broker_that_accepts_connections_but_not_messages_is_reported(client, db):
    """The filesystem broker 'connects' to any folder: only a real publish finds it broken."""
    with unwritable(queue_folder()):
        response = client.get("/healthz/")
    assert response.status_code == 503
    broker = response.json()["checks"]["broker"]
    assert broker["ok"] is False and "Cannot add file" in broker["detail"]


@embedded_broker_only
def test_probes_run_at_most_every_few_seconds_and_leave_no_message(client, db, monkeypatch):
    sent = []
    real_check = healthz.CHECKS["broker"]
    monkeypatch.setitem(healthz.CHECKS, "broker", lambda: sent.append(1) or real_check())
    for _ in range(20):
        assert client.get("/healthz/", **VISITOR).status_code == 200
    assert len(sent) == 1
    leftovers = [name for name in queue_folder().iterdir() if healthz.PROBE_QUEUE in name.name]
    assert leftovers == []


def test_work_waiting_too_long_is_reported_without_failing_readiness(client, db):
    message = OutboxMessage.objects.create(task="gongkai.ping")
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    response = client.get("/healthz/")
    assert response.status_code == 200
    outbox = response.json()["checks"]["outbox"]
    assert outbox["ok"] is False and "1 waiting" in outbox["detail"]


def test_liveness_touches_no_service(client, db, unreachable_broker, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live/", **VISITOR)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_search_is_reported_down_when_its_page_fails_though_the_engine_answers(
    client, db, monkeypatch
):
    """The engine answering is not enough: the page visitors open runs the project's own code
    (filters, the year choices' cache, the template), which once failed for every visitor
    while the engine was fine."""
    from search import views

    def broken(pages):
        raise RuntimeError("year choices unavailable")

    monkeypatch.setattr(views, "cached_publication_years", broken)
    # The test client would re-raise the page's exception; a server answers 500 instead.
    client.raise_request_exception = False
    response = client.get("/healthz/")
    assert response.status_code == 503
    search = response.json()["checks"]["search"]
    assert search["ok"] is False
    assert "500" in search["detail"]


def test_the_search_probe_renders_the_page_without_counting_a_visitors_search(client, db):
    from wagtail.contrib.search_promotions.models import Query

    response = client.get("/healthz/")
    assert response.json()["checks"]["search"]["ok"] is True
    assert "/search/" in response.json()["checks"]["search"]["detail"]
    assert not Query.objects.exists()
