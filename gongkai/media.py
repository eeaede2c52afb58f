"""Uploaded files when no nginx stands in front of Django (`make run`).

The rule is deploy/nginx/gongkai.conf's: image renditions are public files; documents and
original images never are, because a document becomes public only while a live, public page
uses it, which /documents/<id>/ checks on every request. Annual reports' downloads never are
either: the report's own routes (<report>/xlsx/ …) serve them while the report is live and
only to whom its view restrictions admit (disclosure/reports/exports.py).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PRIVATE_FOLDERS = ("documents/", "original_images/", "reports/exports/")


def serve_media(request, path):
    if not settings.GONGKAI_SERVE_MEDIA:
        raise Http404
    # Normalised first, so that "images/../documents/x.pdf" is seen for what it is.
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.startswith(PRIVATE_FOLDERS) or normalised.startswith(".."):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)
