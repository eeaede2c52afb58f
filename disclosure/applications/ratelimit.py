"""A per-IP limit on attempts, kept in Django's cache (no outside service)."""

from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR only: a forwarded header is the client's word, not a fact. Behind a proxy the
    # deployment sets REMOTE_ADDR from the proxy (see docs/applications.md).
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope, limit, period):
    """Count one attempt; True when this IP has gone over ``limit`` within ``period`` seconds."""
    key = f"gongkai-rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count > limit
