"""Health endpoints.

- /healthz/live/ (liveness): the web process answers. It touches no service, so a dead worker
  or broker never takes the public site out of a proxy or gets the web container restarted.
- /healthz/ (readiness): every required service answers; 200 or 503. The broker is probed by
  publishing a short-lived message to a probe queue, so a broker that accepts connections but
  not messages (a full disk, an unwritable queue folder) is reported.

The checks that send messages run at most every HEALTHZ_CACHE_SECONDS per process: visitors in
between share the cached answer. Details (backends, worker host names, errors) go only to staff
users and to monitoring addresses (docs/security.md); everyone else gets the status.
"""

import io
import ipaddress
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from gongkai.celery import app as celery_app

WORKER_PING_TIMEOUT = 1.5
PROBE_QUEUE = "gongkai-healthz-probe"
PROBE_EXPIRES_SECONDS = 10
OUTBOX_STALE_SECONDS = 3600


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
    """Publish one message that expires to the probe queue, then take back what waits there
    (transports that ignore expiry, like the filesystem one, would otherwise keep them)."""
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        probe = conn.SimpleQueue(
            PROBE_QUEUE,
            queue_opts={"expires": 60, "message_ttl": PROBE_EXPIRES_SECONDS},
        )
        try:
            probe.put(
                {"probe": uuid.uuid4().hex},
                expiration=PROBE_EXPIRES_SECONDS,
                retry=False,
            )
            drain(probe)
        finally:
            probe.close()
        return conn.transport.driver_name


def drain(probe):
    """Acknowledge the probe messages waiting (this one, and any another process left)."""
    for _ in range(100):
        try:
            probe.get_nowait().ack()
        except probe.Empty:
            return
        except Exception:  # a failing read-back is not a failing publish
            return


def check_worker():
    if celery_app.conf.task_always_eager:
        return "eager: tasks run in the calling process"
    replies = celery_app.control.ping(timeout=WORKER_PING_TIMEOUT)
    if not replies:
        raise RuntimeError("no Celery worker answered")
    return ", ".join(sorted(name for reply in replies for name in reply))


def check_search():
    """The engine answers a query, and the search page renders through the whole middleware
    stack as a visitor's would. The page is opened without a query, so no visitor's search is
    counted and the engine is asked once."""
    backend = get_search_backend()
    list(backend.search("公开", Page.objects.live())[:1])
    path = settings.HEALTHZ_SEARCH_PAGE
    status = render_page(path).status_code
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return f"{type(backend).__module__}; {path} 200"


def render_page(path):
    """One GET through the middleware stack, without the request signals (a finished request
    closes the database connection, which this request is still using)."""
    handler = BaseHandler()
    handler.load_middleware()
    site = Site.objects.filter(is_default_site=True).first()
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": site.hostname if site else "localhost",
            "SERVER_PORT": str(site.port) if site else "80",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(),
            "wsgi.url_scheme": "https" if site and site.port == 443 else "http",
        }
    )
    return handler.get_response(request)


def check_outbox():
    """Work waiting for the broker or the worker (gongkai/outbox.py). Fails when a row has
    used up its attempts or has waited longer than an hour: someone must look."""
    from gongkai import outbox

    waiting = outbox.undelivered()
    given_up = outbox.given_up(waiting).count()
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    detail = f"{waiting.count()} waiting, oldest {age:.0f} s, {given_up} given up"
    if given_up or age > OUTBOX_STALE_SECONDS:
        raise RuntimeError(detail)
    return detail


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
    "search": check_search,
    "outbox": check_outbox,
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


class _Recent:
    """The last readiness answer of this process, reused for HEALTHZ_CACHE_SECONDS. Kept in
    the process rather than in the cache, whose failure is one of the things reported."""

    def __init__(self):
        self.lock = threading.Lock()
        self.forget()

    def forget(self):
        self.results, self.at = None, float("-inf")

    def get(self):
        with self.lock:
            if time.monotonic() - self.at >= settings.HEALTHZ_CACHE_SECONDS:
                self.results, self.at = run_checks(), time.monotonic()
            return self.results


recent = _Recent()


def _monitoring_networks():
    return [
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in settings.HEALTHZ_MONITORING_ADDRESSES
        if entry.strip()
    ]


def from_monitoring_address(request):
    """REMOTE_ADDR among the monitoring addresses, and not forwarded by a proxy: behind a proxy
    on the same machine every visitor arrives from 127.0.0.1, with X-Forwarded-For set."""
    if "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_X_REAL_IP" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in _monitoring_networks())


def may_see_details(request):
    if from_monitoring_address(request):
        return True
    try:
        return request.user.is_staff
    except Exception:  # the session store is down: readiness must still answer
        return False


def _answer(status, http_status, checks=None):
    body = {"status": status}
    if checks is not None:
        body["checks"] = checks
    return JsonResponse(body, status=http_status, json_dumps_params={"ensure_ascii": False})


@never_cache
def live(request):
    """Liveness: answered by the web process alone."""
    return _answer("ok", 200)


@never_cache
def healthz(request):
    """Readiness: 200 when every required service answers, 503 otherwise."""
    results = recent.get()
    healthy = all(r["ok"] for r in results.values() if r["required"])
    return _answer(
        "ok" if healthy else "fail",
        200 if healthy else 503,
        results if may_see_details(request) else None,
    )
