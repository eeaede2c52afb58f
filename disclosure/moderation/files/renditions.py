"""Image renditions (/media/images/<name>) reach whom the image's pages reach, as documents do.

A rendition is a file Wagtail writes when a template or the editor shows an image, under a name
anyone can guess (the upload's name and the filter: `photo.width-400.png`). Served from disk as
they once were, an image uploaded for a draft, for a page since withdrawn (撤稿) or for another
office's unpublished page was public to whoever had or guessed the address. So every rendition
goes through this view: the public gets it while a live, public page shows its image (the rule
of /documents/<id>/, attachments.py); signed-in staff also see their own office's images, and a
site administrator every one (`visible_attachments`); everyone else gets 404.

The public's answer is what nearly every request asks, so it costs no database read once known:
the image a rendition belongs to and whether a public page shows it are kept in the page cache
(shared by every process), the latter until the public pages change (`remember_until_publication`:
every publication, unpublication, deletion, move and view restriction renews it), the former
until the rendition is deleted (its name may then be given to another image's rendition).

Behind nginx (production) the file is sent by nginx, which Django tells where it is
(X-Accel-Redirect to the `internal` location /internal-media/, deploy/nginx/gongkai.conf);
under `make run` (GONGKAI_SERVE_MEDIA) Django sends it itself.
"""

import hashlib
import mimetypes
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.static import serve
from wagtail.images import get_image_model

from gongkai.page_cache import page_cache, remember_until_publication

from .attachments import is_public_attachment, visible_attachments

RENDITIONS_FOLDER = "images"
INTERNAL_MEDIA_URL = "/internal-media/"
# How long a browser or a proxy may keep a public rendition without asking again: a withdrawn
# page's image is gone from every cache after this.
PUBLIC_MAX_AGE = 300
_NO_IMAGE = 0


def _image_key(name):
    return "rendition-image:" + hashlib.sha256(name.encode()).hexdigest()


def _image_id_of(name):
    """The id of the image whose rendition is stored as `name`, or None."""
    key = _image_key(name)
    image_id = page_cache().get(key)
    if image_id is None:
        rendition_model = get_image_model().get_rendition_model()
        found = rendition_model.objects.filter(file=name).values_list("image_id", flat=True)
        image_id = found.first() or _NO_IMAGE
        if image_id != _NO_IMAGE:
            page_cache().set(key, image_id, timeout=None)
    return image_id or None


def forget_rendition(sender, instance, **kwargs):
    """Signal receiver: a rendition was deleted; its name no longer names its image (now, and
    again at the commit, for a request that read it meanwhile)."""
    key = _image_key(instance.file.name)
    page_cache().delete(key)
    transaction.on_commit(lambda: page_cache().delete(key))


def shown_to_the_public(image_id):
    return remember_until_publication(
        f"rendition-public:{image_id}",
        lambda: is_public_attachment(get_image_model(), image_id),
    )


def _send(request, name):
    if settings.GONGKAI_SERVE_MEDIA:
        return serve(request, name, document_root=settings.MEDIA_ROOT)
    response = HttpResponse(
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream"
    )
    # Percent-encoded, as nginx reads the header as a URI (a stored name may hold characters a
    # header cannot carry as they are).
    response["X-Accel-Redirect"] = quote(INTERNAL_MEDIA_URL + name)
    return response


def serve_rendition(request, path):
    """/media/images/<path>: the rendition stored as images/<path>, if its image may be seen."""
    normalised = posixpath.normpath(path)
    if normalised != path or "/" in path or path.startswith("."):
        raise Http404
    name = f"{RENDITIONS_FOLDER}/{path}"
    image_id = _image_id_of(name)
    if image_id is None:
        raise Http404
    if shown_to_the_public(image_id):
        response = _send(request, name)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response
    user = request.user
    if not user.is_authenticated:
        raise Http404
    if not visible_attachments(get_image_model(), user).filter(pk=image_id).exists():
        raise Http404
    response = _send(request, name)
    patch_cache_control(response, private=True, no_cache=True)
    return response
