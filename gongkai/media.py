"""Uploaded files when no nginx stands in front of Django (`make run`).

The rule is deploy/nginx/gongkai.conf's, and it is an allow-list: only the folders named in
PUBLIC_FOLDERS are public files, the staff's avatars (avatar_images/, shown in the admin).
Everything else under MEDIA_ROOT is not served here, whatever a new kind of upload calls its
folder: documents and images become public only while a live, public page uses them, which
/documents/<id>/ and /media/images/ (image renditions, their own view in the URL
configuration: disclosure/moderation/files/renditions.py) check; original images never; annual
reports' downloads are served by the report's own routes (<report>/xlsx/ …) while the report is
live and only to whom its view restrictions admit (disclosure/reports/downloads/exports.py).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_FOLDERS = ("avatar_images/",)


def is_public(path):
    """Whether `path` (relative to MEDIA_ROOT, normalised) lies in a public folder."""
    return path.startswith(PUBLIC_FOLDERS) and not path.startswith("..")


def serve_media(request, path):
    if not settings.GONGKAI_SERVE_MEDIA:
        raise Http404
    # Normalised first, so that "images/../documents/x.pdf" is seen for what it is.
    normalised = posixpath.normpath(path).lstrip("/")
    if not is_public(normalised):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)
