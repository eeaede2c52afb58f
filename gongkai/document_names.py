"""Documents download under their titles.

Wagtail names a download after the stored file (`Content-Disposition` from ``doc.filename``),
which is what the editor's computer called it, or what storage made of it: a 办事指南's
application form titled 最低生活保障申请表 reached citizens as ``form_3.docx``, and a PDF shown
in the browser was saved under the address's name. Here Wagtail's own view serves the file (its
``before_serve_document`` hooks, the attachment walls of disclosure/moderation, run as
before) and only the name it gives is replaced: the document's title with the file's extension,
in RFC 5987's ``filename*=UTF-8''…`` for browsers, the stored ASCII name in ``filename=`` for
clients that read only that one. A response that is not the file (a redirect, a 404, the
password form) is passed through untouched.
"""

import re
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse
from wagtail.coreutils import string_to_ascii
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

# Characters no file system or browser keeps in a name: path separators, reserved by
# Windows, control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_MAX_NAME = 150


def download_name(document):
    """The title with the file's extension (once), made safe as a file name; the stored
    name when the title leaves nothing."""
    extension = document.file_extension.lower()
    title = " ".join(_UNSAFE.sub(" ", document.title or "").split()).strip(". ")
    if extension and title.lower().endswith(f".{extension}"):
        title = title[: -len(extension) - 1].rstrip(". ")
    if not title:
        return document.filename
    title = title[:_MAX_NAME]
    return f"{title}.{extension}" if extension else title


def content_disposition(disposition, document):
    name = download_name(document)
    fallback = string_to_ascii(document.filename).replace("\\", "").replace('"', "")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def serve_under_title(request, document_id, document_filename):
    response = serve(request, document_id, document_filename)
    if response.status_code != 200 or not isinstance(
        response, (FileResponse, StreamingHttpResponse)
    ):
        return response
    document = get_document_model().objects.get(pk=document_id)
    current = response.get("Content-Disposition", "")
    disposition = "attachment" if current.startswith("attachment") else "inline"
    response["Content-Disposition"] = content_disposition(disposition, document)
    return response
