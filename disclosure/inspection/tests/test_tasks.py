"""External links checked in Celery against a real local server (timeouts, a per-host interval,
a bounded total; off unless enabled), and the weekly digest to each office's 管理员."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise

import pytest
from django.core import mail
from django.test import override_settings

from disclosure.inspection import link_checks
from disclosure.inspection.models import ExternalLink, LinkState
from disclosure.inspection.tasks import send_weekly_digests
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role
from tests.factories import UserFactory

from .helpers import column, item, result

# The local test servers and the TEST-NET address are internal: the checker requests them
# only when the operator lists their networks.
LOCAL_NETWORKS = ["127.0.0.1/32", "192.0.2.0/24"]


def serve(host="127.0.0.1", redirect_to=None):
    """A web server on a free port of `host`: /ok answers 200, /redirect 302 to `redirect_to`,
    anything else 404; it notes what was asked and when. Returns (base URL, hits, stop)."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):
            hits.append((self.path, time.monotonic()))
            if self.path.startswith("/redirect") and redirect_to:
                self.send_response(302)
                self.send_header("Location", redirect_to)
            else:
                self.send_response(200 if self.path.startswith("/ok") else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def stop():
        httpd.shutdown()
        httpd.server_close()

    return f"http://{host}:{httpd.server_address[1]}", hits, stop


@pytest.fixture
def server():
    base, hits, stop = serve()
    yield base, hits
    stop()


def linking(office, *urls):
    links = "".join(f'<a href="{url}">链接</a>' for url in urls)
    return item(
        office["columns"][1], title="有外部链接的通知", body=[("paragraph", f"<p>{links}</p>")]
    )


def test_external_links_are_not_checked_unless_enabled(office, server):
    base, hits = server
    linking(office, f"{base}/missing")
    assert link_checks.check_external_links() == 0
    assert hits == [] and not ExternalLink.objects.exists()


@override_settings(
    GONGKAI_INSPECTION_EXTERNAL_LINKS=True, GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS=LOCAL_NETWORKS
)
def test_broken_external_links_are_found_with_a_pause_per_host(office, server):
    base, hits = server
    page = linking(office, f"{base}/ok", f"{base}/missing", f"{base}/ok2")
    assert link_checks.check_external_links(host_interval=0.5, timeout=5) == 3
    assert len(hits) == 3
    times = sorted(at for _path, at in hits)
    # Measured where the requests arrive: the interval, less the network's jitter.
    assert all(later - earlier >= 0.35 for earlier, later in pairwise(times))
    states = dict(ExternalLink.objects.values_list("url", "state"))
    assert states[f"{base}/missing"] == LinkState.BROKEN and states[f"{base}/ok"] == LinkState.OK
    found = result("broken_links", office["township"])
    assert [f.page_id for f in found.findings] == [page.pk]
    assert "HTTP 404" in found.findings[0].detail


@override_settings(
    GONGKAI_INSPECTION_EXTERNAL_LINKS=True, GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS=LOCAL_NETWORKS
)
def test_a_run_checks_a_bounded_number_and_an_unreachable_host_times_out(office, server):
    base, hits = server
    linking(office, f"{base}/ok", f"{base}/ok2", f"{base}/ok3", "http://192.0.2.1/")  # TEST-NET
    started = time.monotonic()
    assert link_checks.check_external_links(limit=2, host_interval=0, timeout=1) == 2
    assert len(hits) + ExternalLink.objects.filter(error__gt="").count() == 2
    assert link_checks.check_external_links(limit=10, host_interval=0, timeout=1) == 4
    assert time.monotonic() - started < 10
    unreachable = ExternalLink.objects.get(url="http://192.0.2.1/")
    assert unreachable.state == LinkState.BROKEN and unreachable.error


@override_settings(GONGKAI_INSPECTION_EXTERNAL_LINKS=True)
def test_an_editors_link_to_an_internal_address_is_never_requested(office, server):
    base, hits = server
    internal = [
        f"{base}/ok",  # loopback
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://[::1]/",
        "http://10.1.2.3/",
    ]
    linking(office, *internal)
    assert link_checks.check_external_links(host_interval=0, timeout=1) == len(internal)
    assert hits == []
    for link in ExternalLink.objects.all():
        assert link.state == LinkState.UNCHECKED and link.http_status is None
        assert "内部网络地址" in link.error
    assert not result("broken_links", office["township"]).findings


@override_settings(
    GONGKAI_INSPECTION_EXTERNAL_LINKS=True,
    GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS=["127.0.0.1/32"],
)
def test_a_redirect_to_an_internal_address_is_not_followed(office):
    inside, inside_hits, stop_inside = serve(host="127.0.0.2")
    allowed, allowed_hits, stop_allowed = serve(redirect_to=f"{inside}/ok-secret")
    try:
        linking(office, f"{allowed}/redirect")
        assert link_checks.check_external_links(host_interval=0, timeout=2) == 1
    finally:
        stop_allowed()
        stop_inside()
    assert [path for path, _at in allowed_hits] == ["/redirect"]
    assert inside_hits == []
    link = ExternalLink.objects.get()
    assert link.state == LinkState.UNCHECKED and "127.0.0.2" in link.error


@override_settings(
    GONGKAI_INSPECTION_EXTERNAL_LINKS=True, GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS=LOCAL_NETWORKS
)
def test_a_redirect_inside_allowed_networks_is_followed_to_its_answer(office, server):
    base, hits = server
    target, _target_hits, stop = serve(redirect_to=f"{base}/missing")
    try:
        linking(office, f"{target}/redirect")
        assert link_checks.check_external_links(host_interval=0, timeout=2) == 1
    finally:
        stop()
    link = ExternalLink.objects.get()
    assert [path for path, _at in hits] == ["/missing"]
    assert link.state == LinkState.BROKEN and link.http_status == 404


def test_the_weekly_digest_tells_each_office_what_changed(
    office, django_capture_on_commit_callbacks
):
    administrator = UserFactory(
        username="township-admin",
        email="admin@township.invalid",
        groups=[ensure_organisation_roles(office["township"])[Role.ADMINISTRATORS]],
    )
    news = column(office["root"], "工作动态")
    old = item(news, days=20)
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests.delay()
    mine = [m for m in mail.outbox if administrator.email in m.to]
    assert len(mine) == 1
    assert "工作动态" in mine[0].body and "本周新发现的问题（" in mine[0].body
    mail.outbox.clear()

    item(news, title="新动态", days=1)
    old.delete()
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests.delay()
    (digest,) = [m for m in mail.outbox if administrator.email in m.to]
    assert "已整改 1 个" in digest.subject or "已整改 2 个" in digest.subject
    assert "工作动态" in digest.body.split("本周已整改的问题")[1]
