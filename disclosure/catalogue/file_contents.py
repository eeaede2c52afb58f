"""Whether a file's content is of the format its name claims.

A document is served with the content type of its extension, so an executable renamed to .pdf
must not get in as an attachment. Every way a file enters (the admin's uploads, the importers,
the public application form's ID proof) asks `check_content`.
"""

import codecs
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a ZIP archive (an empty one has only its end record)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Microsoft's and Kingsoft's older binary formats
TEXT = None  # no signature: decodes as text and holds no NUL byte

# Extension -> (format named in the message, leading bytes one of which the file starts with).
FORMATS = {
    "pdf": ("PDF", (b"%PDF-",)),
    "ofd": ("OFD", ZIP),
    "docx": ("Word", ZIP),
    "xlsx": ("Excel", ZIP),
    "pptx": ("PowerPoint", ZIP),
    "zip": ("ZIP", ZIP),
    "doc": ("Word", OLE),
    "xls": ("Excel", OLE),
    "ppt": ("PowerPoint", OLE),
    "wps": ("WPS", OLE),
    "et": (_("WPS 表格"), OLE),
    "jpg": ("JPEG", (b"\xff\xd8\xff",)),
    "jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    "png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    "gif": ("GIF", (b"GIF87a", b"GIF89a")),
    "txt": (_("纯文本"), TEXT),
    "csv": ("CSV", TEXT),
}

TEXT_SAMPLE = 64 * 1024


def extension_of(name):
    return PurePath(name).suffix.lstrip(".").lower()


def _leading_bytes(upload, count):
    upload.seek(0)
    head = upload.read(count)
    upload.seek(0)
    return head


def _is_text(sample):
    if b"\0" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # Incremental: the sample may end inside a character.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
            return True
        except UnicodeDecodeError:
            continue
    return False


def content_matches(upload, extension):
    signatures = FORMATS[extension][1]
    if signatures is TEXT:
        return _is_text(_leading_bytes(upload, TEXT_SAMPLE))
    head = _leading_bytes(upload, max(len(s) for s in signatures))
    return head.startswith(signatures)


def check_content(upload):
    """Refuse the upload unless it starts as its extension's format does (an extension without
    a known format is refused too: its content could not be checked)."""
    extension = extension_of(upload.name)
    if extension in FORMATS and content_matches(upload, extension):
        return
    kind = FORMATS[extension][0] if extension in FORMATS else extension or _("无扩展名")
    raise ValidationError(
        _("文件内容与扩展名不符：“%(name)s”的内容不是 %(kind)s 文件。"),
        code="attachment_content",
        params={"name": PurePath(upload.name).name, "kind": kind},
    )
