"""Login throttling by django-axes: what a lockout looks like, who is locked, and unlocking.

The locking itself is axes' (settings: the username+IP combination, a cool-off); this module
only shows it in Chinese on Wagtail's login page and lets a site administrator see and lift it.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.ratelimit import client_ip

from . import audit

LOCKOUT_MESSAGE = _(
    "登录失败次数过多：该账号在当前网络地址已被暂时锁定，请 %(minutes)d 分钟后再试，"
    "或请系统管理员解锁。"
)


def client_address(request):
    """AXES_CLIENT_IP_CALLABLE: the address exactly as the application rate limiter reads it
    (REMOTE_ADDR only), with its "unknown" placeholder as None, since axes stores the address in
    an IP column (PostgreSQL's inet refuses the word; the test client's force_login sends a
    request without REMOTE_ADDR)."""
    address = client_ip(request)
    return None if address == "unknown" else address


def lockout_message():
    return LOCKOUT_MESSAGE % {"minutes": get_cool_off().total_seconds() // 60}


def is_locked_out(request):
    return bool(getattr(request, "axes_locked_out", False))


def lockout_response(request, original_response, credentials):
    """Axes' lockout answer. On Wagtail's login page the form already carries the lockout
    message (forms.LoginForm), so the page is kept, marked 429; any other login answers with a
    Chinese page rather than axes' bare 403."""
    match = getattr(request, "resolver_match", None)
    if original_response is not None and match and match.url_name == "wagtailadmin_login":
        original_response.status_code = 429
        return original_response
    response = TemplateResponse(
        request, "accounts/locked_out.html", {"message": lockout_message()}, status=429
    )
    return response.render()


def record_lockout(sender, request, username, ip_address, **kwargs):
    # Axes signals a lockout both when it locks and on every refused attempt during the lock;
    # only the locking attempt was counted (axes sets the failure count when it counts one).
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    audit.record(audit.LOCKED, username, ip_address=ip_address)


def current_lockouts():
    """[{username, ip_address, failures, last_attempt, until}] of combinations locked now."""
    cool_off = get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [{**row, "until": row["last_attempt"] + cool_off} for row in rows]


def unlock(username, ip_address, by):
    """Lift the lock of one username+IP combination; returns how many attempt rows went."""
    removed = reset(username=username, ip=ip_address)
    audit.record(audit.UNLOCKED, username, by=by, ip_address=ip_address, removed=removed)
    return removed
