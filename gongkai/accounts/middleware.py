"""Two-factor sign-in enforced where the admin is served, whatever the login path was."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gongkai.request_paths import full_path

from .two_factor import has_two_factor, must_use_two_factor

# Pages a signed-in but unverified user still reaches: signing out and getting verified.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "accounts_two_factor",
    "accounts_two_factor_verify",
    "wagtailadmin_javascript_catalog",
}


class TwoFactorRequiredMiddleware:
    """Under /admin/ (the API included), a user who has enrolled, or whose role requires it
    (GONGKAI_TWO_FACTOR_REQUIRED), needs a session verified by a second factor. Without one the
    user is sent to verify, or to enrol when there is no device yet; the API answers 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        enrolled = has_two_factor(user)
        if not enrolled and not must_use_two_factor(user):
            return None
        if request.path.startswith(f"{reverse('wagtailadmin_home')}api/"):
            return JsonResponse({"message": _("需要先完成两步验证。")}, status=403)
        if enrolled:
            query = urlencode({"next": full_path(request)})
            return redirect(f"{reverse('accounts_two_factor_verify')}?{query}")
        messages.warning(request, _("您的角色须启用两步验证：请先用身份验证器完成绑定。"))
        return redirect("accounts_two_factor")
