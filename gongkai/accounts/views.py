"""Admin views: enrolment and verification for the signed-in user, and the site administrators'
page of lockouts and two-factor resets."""

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import audit
from .administrators import is_site_administrator
from .forms import TokenForm, check_token
from .throttling import current_lockouts, unlock
from .two_factor import (
    confirm_authenticator,
    enrolled_users,
    has_two_factor,
    issue_backup_codes,
    must_use_two_factor,
    pending_authenticator,
    remaining_backup_codes,
    required_without_authenticator,
    reset_two_factor,
)


def _page(request, template, title, **context):
    return TemplateResponse(
        request, template, {"page_title": title, "header_title": title, **context}
    )


def _backup_codes_page(request, codes):
    # Shown once: only the one-time response carries them; the database keeps them unreadable
    # to the admin views from then on.
    return _page(request, "accounts/backup_codes.html", _("备用码"), codes=codes)


def two_factor_view(request):
    """Enrolment (authenticator app, then backup codes shown once) and, once enrolled, the
    status with a way to issue new backup codes."""
    user = request.user
    if has_two_factor(user):
        if not user.is_verified():
            return redirect("accounts_two_factor_verify")
        if request.method == "POST" and request.POST.get("action") == "backup_codes":
            codes = issue_backup_codes(user)
            audit.record(audit.BACKUP_CODES_ISSUED, user.get_username(), by=user)
            return _backup_codes_page(request, codes)
        return _page(
            request,
            "accounts/two_factor_status.html",
            _("两步验证"),
            remaining=remaining_backup_codes(user),
        )
    device = pending_authenticator(user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        codes = confirm_authenticator(device, form.cleaned_data["otp_token"])
        if codes is not None:
            otp_login(request, device)
            return _backup_codes_page(request, codes)
        form.add_error(
            "otp_token", _("验证码不正确：请核对手机时间并输入身份验证器当前显示的 6 位数字。")
        )
    uri = device.config_url
    return _page(
        request,
        "accounts/enrol.html",
        _("启用两步验证"),
        form=form,
        uri=uri,
        # segno writes the SVG from the URI alone: no user-supplied markup reaches it.
        qr_svg=mark_safe(segno.make(uri, error="m").svg_inline(scale=5)),
        required=must_use_two_factor(user),
    )


def verify_view(request):
    """The second factor for a signed-in session that has not passed it yet."""
    user = request.user
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    if not has_two_factor(user):
        return redirect("accounts_two_factor")
    if user.is_verified():
        return redirect(next_url or "wagtailadmin_home")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        try:
            otp_login(request, check_token(request, user, form.cleaned_data["otp_token"]))
        except ValidationError as error:
            form.add_error("otp_token", error)
        else:
            return redirect(next_url or "wagtailadmin_home")
    return _page(request, "accounts/verify.html", _("两步验证"), form=form, next=next_url)


def _require_site_administrator(request):
    if not is_site_administrator(request.user):
        raise PermissionDenied


def security_view(request):
    """Current lockouts (unlock) and the accounts with two-factor sign-in (reset)."""
    _require_site_administrator(request)
    return _page(
        request,
        "accounts/security.html",
        _("登录锁定与两步验证"),
        lockouts=current_lockouts(),
        enrolled=enrolled_users(),
        not_enrolled=required_without_authenticator(),
    )


@require_POST
def unlock_view(request):
    _require_site_administrator(request)
    username = request.POST.get("username", "")
    ip_address = request.POST.get("ip_address", "")
    if username and ip_address and unlock(username, ip_address, by=request.user):
        messages.success(
            request,
            _("已解除 %(username)s 在 %(ip)s 的登录锁定。")
            % {
                "username": username,
                "ip": ip_address,
            },
        )
    else:
        messages.error(request, _("没有找到这条登录锁定，可能已经过期或已被解除。"))
    return redirect("accounts_security")


@require_POST
def reset_two_factor_view(request, user_id):
    _require_site_administrator(request)
    account = get_object_or_404(get_user_model(), pk=user_id)
    reset_two_factor(account, by=request.user)
    messages.success(
        request,
        _("已重置 %(username)s 的两步验证：该用户下次登录后须重新绑定身份验证器。")
        % {"username": account.get_username()},
    )
    return redirect("accounts_security")
