"""Attachments are content: a document or image that a live page uses (or that a page under
review links: reviewers sign the file too) is not replaced, edited or deleted directly by anyone
below site administrator.

A new file reaches the public only through the review of a page revision that links it: the
editor uploads a new document, links it in the page and submits; the old file stays served
until the reviewed revision goes live. So a replacement is reviewed like any other change.

Enforced where the effect happens, whatever view or action led there:
- the models: saving, deleting or re-tagging such a document or image (pre_save, pre_delete,
  m2m_changed, connected in signals.py) raises AttachmentInUse when the acting user (the
  request's, kept by ActingUserMiddleware) is below site administrator. Outside a request
  (migrations, the demo loader, an operator's management command) nothing is refused;
- Wagtail's document form deletes the old file from storage *before* it saves the model, so
  the form bases (settings WAGTAILDOCS_DOCUMENT_FORM_BASE / WAGTAILIMAGES_IMAGE_FORM_BASE,
  attachment_forms.py) refuse in clean(), before the storage is touched;
- the bulk action "add to collection" writes with QuerySet.update(), which sends no signal:
  it is replaced by one that saves each object (wagtail_hooks.py).
"""

from contextvars import ContextVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from gongkai.accounts.administrators import is_site_administrator
from gongkai.request_paths import full_path

from .attachments import is_content

IN_USE_MESSAGE = _(
    "已发布或正在审核的页面使用此附件，不能直接替换、修改或删除。"
    "请上传新文件并在页面中替换链接，经审核发布后生效。"
)

# Wagtail fills these in lazily, also while serving a file to the public: not a change.
FILE_METADATA_FIELDS = frozenset({"file_size", "file_hash"})

_acting_request = ContextVar("gongkai_acting_request", default=None)


class AttachmentInUse(PermissionDenied):
    def __init__(self):
        super().__init__(IN_USE_MESSAGE)


def acting_user():
    """The user of the request being handled, or None outside a request."""
    request = _acting_request.get()
    return None if request is None else request.user


def may_change(attachment, user=None):
    """Whether `user` (by default the acting user) may change or delete `attachment` directly."""
    user = user if user is not None else acting_user()
    if user is None or is_site_administrator(user):
        return True
    return not is_content(attachment)


def refuse_change(attachment):
    if not may_change(attachment):
        raise AttachmentInUse()


def refuse_save(instance, update_fields=None):
    if update_fields is not None and set(update_fields) <= FILE_METADATA_FIELDS:
        return
    refuse_change(instance)


class ActingUserMiddleware:
    """Keeps the request for the model guards, and turns their refusal into the message
    (after AuthenticationMiddleware and MessageMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _acting_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _acting_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Refuse at once a POST to any of Wagtail's views of one document or image (edit,
        focal point, delete, multiple-upload update and delete), before the view opens a
        transaction or touches the file: the same message, whatever the view."""
        match = request.resolver_match
        if request.method not in {"GET", "POST"} or match is None:
            return None
        if request.method == "GET" and match.url_name not in _FORM_VIEWS:
            return None
        attachment = _attachment_of_view(match.namespace, view_kwargs)
        if attachment is None or may_change(attachment, request.user):
            return None
        if request.method == "GET":
            # Say so on the form, before anyone uploads a file in vain.
            messages.warning(request, IN_USE_MESSAGE)
            return None
        return _refusal(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, AttachmentInUse):
            return None
        return _refusal(request)


def _refusal(request):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"success": False, "error_message": str(IN_USE_MESSAGE)}, status=403)
    if request.method != "POST":
        return HttpResponseForbidden(IN_USE_MESSAGE)
    messages.error(request, IN_USE_MESSAGE)
    return HttpResponseRedirect(full_path(request))


# Wagtail's admin URL namespaces of documents and images → the URL keywords naming one object.
_OBJECT_VIEWS = {
    "wagtaildocs": (get_document_model, ("document_id", "doc_id")),
    "wagtailimages": (get_image_model, ("image_id",)),
}


# The views that show a form for one object (edit with focal point, delete confirmation).
_FORM_VIEWS = {"edit", "delete"}


def _attachment_of_view(namespace, view_kwargs):
    if namespace not in _OBJECT_VIEWS:
        return None
    get_model, keywords = _OBJECT_VIEWS[namespace]
    for keyword in keywords:
        if keyword in view_kwargs:
            return get_model().objects.filter(pk=view_kwargs[keyword]).first()
    return None
