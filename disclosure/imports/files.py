"""Attachments of imported records: files read from a local folder, never fetched.

A record's optional `attachments` key lists `{title, path}`: `path` relative to the JSONL file's
folder, or, when the command is given a folder with `--files`, relative to that folder or an
old-site URL whose path below the site's root names the file in the folder
(`http://old.gov.cn/uploads/a.pdf` → `FOLDER/uploads/a.pdf`). A path never leaves its folder:
absolute paths and `..` are refused before the file system is asked, and the resolved path
(symlinks followed) must still lie inside the folder. A URL is only matched against the folder.

Each file passes the same type and size rules as an editor's upload (`validate_attachment`),
becomes a Wagtail document in the organisation's collection (the same file again, by hash, is
the same document) and is appended to the page type's attachment StreamField: the one field of
the type whose blocks include the attachment block, preferring one that holds only attachments.
A bad file is reported in the summary; the record is imported without it.
"""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.fields import StreamField

from disclosure.catalogue.attachments import validate_attachment
from disclosure.catalogue.blocks import AttachmentBlock
from disclosure.moderation.organisations.organisation_collections import organisation_collection

DOCUMENT_TITLE_MAX_LENGTH = 255


class AttachmentRefused(Exception):
    """One attachment that cannot be imported; the message says why."""


@dataclass(frozen=True)
class FileFolder:
    """Where attachments are looked up: `root`, and whether URLs name files in it."""

    root: Path
    takes_urls: bool = False

    def locate(self, reference):
        parts = urlsplit(reference)
        if parts.scheme in ("http", "https"):
            if not self.takes_urls:
                raise AttachmentRefused(_("附件是网址，需用 --files 指定存放原网站文件的目录。"))
            relative = unquote(parts.path)
        elif parts.scheme:
            raise AttachmentRefused(_("只接受相对路径或 http(s) 网址。"))
        else:
            relative = reference
        relative = relative.replace("\\", "/")
        pure = PurePosixPath(relative.lstrip("/") if parts.scheme else relative)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise AttachmentRefused(_("路径必须在附件目录之内（不能是绝对路径或含“..”）。"))
        root = self.root.resolve()
        path = (root / Path(*pure.parts)).resolve()
        if not path.is_relative_to(root):  # a symlink pointing out of the folder
            raise AttachmentRefused(_("路径指向附件目录之外。"))
        if not path.is_file():
            raise AttachmentRefused(_("文件不存在。"))
        return path


def attachment_field(model):
    """(field name, block name) of the type's attachment StreamField, or None."""
    found = []
    for model_field in model._meta.concrete_fields:
        if not isinstance(model_field, StreamField):
            continue
        children = model_field.stream_block.child_blocks
        names = [name for name, block in children.items() if isinstance(block, AttachmentBlock)]
        if names:
            found.append((len(children) > len(names), model_field.name, names[0]))
    return min(found)[1:] if found else None


def attachment_entries(record):
    value = record.get("attachments")
    if value in (None, ""):
        return [], []
    if not isinstance(value, list):
        return [], [_("字段 attachments（附件）必须是列表，附件未导入。")]
    entries, notes = [], []
    for position, entry in enumerate(value, start=1):
        if isinstance(entry, str):
            entry = {"path": entry}
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not path.strip():
            notes.append(_("第 %(n)d 个附件缺少 path，未导入。") % {"n": position})
            continue
        title = entry.get("title")
        title = title.strip() if isinstance(title, str) and title.strip() else ""
        entries.append((title, path.strip()))
    return entries, notes


def stored_document(path, title, collection):
    """The document for the file: an existing one with the same content, or a new one."""
    Document = get_document_model()
    with path.open("rb") as handle:
        upload = File(handle, name=path.name)
        validate_attachment(upload)
        document = Document(
            title=(title or path.stem)[:DOCUMENT_TITLE_MAX_LENGTH],
            file=upload,
            collection=collection,
        )
        document._set_document_file_metadata()  # size and hash, as Wagtail's upload form
        existing = Document.objects.filter(
            file_hash=document.file_hash, collection=collection
        ).first()
        if existing is not None:
            return existing
        document.save()
    return document


def attach_files(record, model, values, folder, organisation):
    """Import the record's attachments into `values` (the page's field values); returns notes
    on the files that were not imported."""
    entries, notes = attachment_entries(record)
    if not entries:
        return notes
    target = attachment_field(model)
    if target is None:
        return [
            *notes,
            _("“%(type)s”没有附件栏，%(count)d 个附件未导入。")
            % {"type": model._meta.verbose_name, "count": len(entries)},
        ]
    if folder is None:
        return [*notes, _("未指定附件所在目录，附件未导入。")]
    collection = organisation_collection(organisation)
    field_name, block_name = target
    blocks = list(values.get(field_name) or [])
    for title, reference in entries:
        try:
            document = stored_document(folder.locate(reference), title, collection)
        except (AttachmentRefused, ValidationError, OSError) as error:
            reason = "；".join(error.messages) if isinstance(error, ValidationError) else error
            notes.append(
                _("附件“%(path)s”未导入：%(reason)s") % {"path": reference[:120], "reason": reason}
            )
            continue
        blocks.append({"type": block_name, "value": {"document": document.pk, "title": title}})
    values[field_name] = blocks
    return notes
