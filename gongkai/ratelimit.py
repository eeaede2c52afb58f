"""A per-IP limit on attempts, kept in Django's cache (no outside service)."""

from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR only: a forwarded header is the client's word, not a fact. Behind a proxy the
    # deployment sets REMOTE_ADDR from the proxy (see docs/applications.md).
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(request, scope):
    return f"gongkai-rate:{scope}:{client_ip(request)}"


def exceeded(request, scope, limit):
    """Whether this IP has already used up ``limit`` attempts, without counting one more.

    Asked before any costly or revealing work, so that a refused request costs nothing and a
    correct guess made over the limit is refused like any other."""
    return (cache.get(_key(request, scope)) or 0) >= limit


def hit(request, scope, limit, period):
    """Count one attempt; True when this IP has gone over ``limit`` within ``period`` seconds."""
    key = _key(request, scope)
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count > limit
