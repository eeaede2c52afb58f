"""/healthz/: one JSON answer on whether each service the site needs is up."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend

from gongkai.celery import app as celery_app

WORKER_PING_TIMEOUT = 1.5


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_broker():
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        return conn.transport.driver_name


def check_worker():
    if celery_app.conf.task_always_eager:
        return "eager: tasks run in the calling process"
    replies = celery_app.control.ping(timeout=WORKER_PING_TIMEOUT)
    if not replies:
        raise RuntimeError("no Celery worker answered")
    return ", ".join(sorted(name for reply in replies for name in reply))


def check_search():
    from wagtail.models import Page

    backend = get_search_backend()
    list(backend.search("公开", Page.objects.live())[:1])
    return type(backend).__module__


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
    "search": check_search,
}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            detail, ok = check(), True
        except Exception as exc:  # a health check reports every failure, whatever its kind
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results[name] = {
            "ok": ok,
            "required": name in settings.HEALTHZ_REQUIRED,
            "detail": str(detail),
            "ms": round((time.monotonic() - started) * 1000, 1),
        }
    return results


@never_cache
def healthz(request):
    results = run_checks()
    healthy = all(r["ok"] for r in results.values() if r["required"])
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )
