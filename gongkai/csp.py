"""Content-Security-Policy: strict for the public site, one relaxation for Wagtail's editor."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.urls import reverse

# Wagtail 8's page editor still runs a few inline scripts (initial form state); the public
# pages run none, so only the admin gets 'unsafe-inline' for scripts.
ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"]}


def admin_prefix():
    """Where the URL configuration puts Wagtail's admin ("/admin/"), asked of it, not copied."""
    return reverse("wagtailadmin_home")


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(admin_prefix()):
            parts.update = {**(parts.update or {}), **ADMIN_UPDATE}
        return parts
