"""The production compose file: every service present, health-checked, and free of secrets."""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"
REQUIRED_SERVICES = {"db", "redis", "search", "web", "worker", "beat", "nginx"}
SECRET_NAMES = re.compile(r"(PASSWORD|SECRET|KEY|TOKEN)", re.IGNORECASE)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_every_service_is_there_with_a_health_check(compose):
    services = compose["services"]
    assert set(services) >= REQUIRED_SERVICES
    for name in REQUIRED_SERVICES:
        assert "healthcheck" in services[name], name
        assert services[name]["healthcheck"]["test"], name


def test_data_lives_in_named_volumes(compose):
    assert {"pgdata", "redisdata", "esdata", "media"} <= set(compose["volumes"])


def walk(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}[{index}]")
    else:
        yield path, node


def test_no_secret_values_in_the_compose_file(compose):
    for path, value in walk(compose):
        key = path.rsplit(".", 1)[-1]
        if SECRET_NAMES.search(key) and isinstance(value, str):
            # A secret may only be a reference to the environment, never a literal.
            assert value.startswith("${"), f"{path} holds a literal secret"
        if isinstance(value, str) and "postgres://" in value:
            assert "${POSTGRES_PASSWORD" in value, path


def test_env_example_lists_every_variable_compose_reads(compose):
    text = (DEPLOY / "compose.yaml").read_text()
    example = (DEPLOY / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    assert used <= listed, used - listed
    for line in example.splitlines():
        name, _, value = line.partition("=")
        if SECRET_NAMES.search(name):
            assert value == "", f"{name} has a value in .env.example"


def test_nginx_limits_uploads_and_sets_security_headers():
    conf = (DEPLOY / "nginx" / "gongkai.conf").read_text()
    assert "client_max_body_size" in conf
    assert "gzip on" in conf
    assert "X-Content-Type-Options" in conf


def test_a_dead_worker_does_not_take_the_site_out_of_the_proxy(compose):
    """web and nginx are judged by liveness; readiness (/healthz/) includes the worker."""
    for name in ("web", "nginx"):
        check = " ".join(compose["services"][name]["healthcheck"]["test"])
        assert "/healthz/live/" in check, name


def test_requests_through_nginx_never_count_as_a_monitoring_address():
    conf = (DEPLOY / "nginx" / "gongkai.conf").read_text()
    healthz = conf.split("location /healthz/", 1)[1].split("}", 1)[0]
    assert "X-Forwarded-For" in healthz


def test_the_worker_is_bounded_in_memory_and_time(compose):
    """A leak or one huge attachment cannot take the host, and no task runs for ever."""
    command = " ".join(compose["services"]["worker"]["command"])
    assert "--max-memory-per-child=${WORKER_MAX_MEMORY_KB:-" in command
    assert 0 < settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT
