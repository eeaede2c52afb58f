"""How many failed status look-ups (/apply/status/) an address may make (docs/security.md).

Two counts of failures, both per address (`REMOTE_ADDR`) and per hour:
- per application number typed (settings.GONGKAI_APPLICATION_LOOKUP_RATE): wrong codes tried
  against one number lock only that number's look-ups from that address, so that one person
  guessing at a service hall's terminal or behind a carrier's shared address does not lock
  everyone else there out of their own application;
- across all numbers (settings.GONGKAI_APPLICATION_LOOKUP_CEILING), much higher: it bounds a
  script walking through numbers, and the password hashing every look-up costs.

Both are asked before anything is hashed: over either, even the right code is refused.
"""

import hashlib

from django.conf import settings

from disclosure.applications.forms import as_typed_code
from gongkai import ratelimit


def _number_scope(request):
    # The number as the look-up reads it (every spelling that finds one application counts as
    # that application), digested: the cache key holds no visitor's text.
    number = as_typed_code(request.POST.get("tracking_number"))
    return (
        "status-number:"
        + hashlib.sha256(number.encode("utf-8", "backslashreplace")).hexdigest()[:32]
    )


def _limits(request):
    return (
        ("status", settings.GONGKAI_APPLICATION_LOOKUP_CEILING),
        (_number_scope(request), settings.GONGKAI_APPLICATION_LOOKUP_RATE),
    )


def refused(request):
    """The (limit, seconds) under which this look-up is refused, or None."""
    for scope, rate in _limits(request):
        if ratelimit.exceeded(request, scope, rate[0]):
            return rate
    return None


def count_failure(request):
    """Count one failed look-up (wrong pair, missing field, no letter to give)."""
    for scope, (limit, period) in _limits(request):
        ratelimit.hit(request, scope, limit, period)
