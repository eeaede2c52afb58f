"""A limit on how deeply a JSON request body may nest, before any view parses it.

Python's json module parses nesting by recursion: 100,000 opening brackets posted to an
admin-API action ended in RecursionError and a 500. No body this site accepts (Wagtail's admin
API actions, its autosave) nests more than a few levels. The size is already bounded by
DATA_UPLOAD_MAX_MEMORY_SIZE, which request.body enforces.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

OPENING = frozenset(b"[{")
CLOSING = frozenset(b"]}")


def nesting_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quotation mark
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in CLOSING:
            depth -= 1
    return deepest


class JsonDepthLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "application/json" and request.method in (
            "POST",
            "PUT",
            "PATCH",
        ):
            body = request.body
            limit = settings.GONGKAI_JSON_MAX_DEPTH
            # Counting brackets first keeps the byte-by-byte scan for bodies that could be deep.
            if body.count(b"[") + body.count(b"{") > limit and nesting_depth(body) > limit:
                return JsonResponse(
                    {"detail": _("请求内容嵌套过深（最多 %(limit)s 层）。") % {"limit": limit}},
                    status=400,
                    json_dumps_params={"ensure_ascii": False},
                )
        return self.get_response(request)
