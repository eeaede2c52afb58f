"""Content-Security-Policy: strict for the public site, one relaxation for Wagtail's editor."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware

# Wagtail 8's page editor still runs a few inline scripts (initial form state); the public
# pages run none, so only the admin gets 'unsafe-inline' for scripts.
ADMIN_PREFIX = "/admin/"
ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"]}


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), **ADMIN_UPDATE}
        return parts
