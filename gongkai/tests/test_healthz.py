import pytest
from django.test import override_settings

from gongkai.celery import app as celery_app


@pytest.fixture
def unreachable_broker():
    """Point Celery at a Redis port where nothing listens: a broker that is really down."""
    previous = celery_app.conf.broker_write_url
    celery_app.conf.broker_write_url = "redis://127.0.0.1:1/0"
    yield
    celery_app.conf.broker_write_url = previous


def test_healthz_reports_every_service(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "worker", "search"}
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_is_503_when_a_required_service_is_down(client, db, unreachable_broker):
    response = client.get("/healthz/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


@override_settings(HEALTHZ_REQUIRED=["database", "cache", "search"])
def test_optional_service_down_keeps_200(client, db, unreachable_broker):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"]["required"] is False
