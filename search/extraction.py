"""The stored state of an attachment's text (`AttachmentText`): pending when a readable file is
saved, then done or refused by the Celery worker. The web process only reads this state; the
file itself is read in the worker, in a child process (`search.isolation`)."""

import logging

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.outbox import send_after_commit
from search import limits as bounds
from search.isolation import extract_in_child
from search.limits import Refused
from search.readers import can_read

logger = logging.getLogger(__name__)

MIB = 1024 * 1024

# The task that reads a file's text (search/tasks.py registers it under this name): queued by
# name, since the task module stands above this one.
EXTRACT_TASK = "search.extract_attachment_text"

# Why a file's text was not read, as stored for editors and reviewers (`AttachmentText.error`).
REASONS = {
    "file_bytes": _("文件超过 %(file_mib)s MB，不提取文字"),
    "not_a_zip": _("文件已损坏或不是有效的压缩格式"),
    "zip_members": _("压缩包内文件超过 %(zip_members)s 个，疑似压缩炸弹"),
    "zip_member": _("压缩包内单个文件解压后超过 %(member_mib)s MB，疑似压缩炸弹"),
    "zip_total": _("解压后总大小超过 %(total_mib)s MB，疑似压缩炸弹"),
    "zip_ratio": _("压缩比超过 %(zip_ratio)s 倍，疑似压缩炸弹"),
    "pdf_pages": _("PDF 超过 %(pdf_pages)s 页，不提取文字"),
    "pdf_seconds": _("PDF 读取超过 %(pdf_seconds)s 秒，已停止"),
    "child_seconds": _("读取超过 %(child_seconds)s 秒，已停止"),
    "memory": _("读取所需内存超过 %(memory_mib)s MB，已停止"),
    "crashed": _("读取进程异常退出"),
    "damaged": _("文件已损坏、加密或无法识别"),
}


def reason(refused: Refused) -> str:
    """The stored reason: the Chinese sentence, then the technical detail for an administrator."""
    limits = bounds.LIMITS
    sentence = gettext(REASONS.get(refused.code, REASONS["damaged"])) % {
        "file_mib": limits.file_bytes // MIB,
        "zip_members": limits.zip_members,
        "member_mib": limits.zip_member_bytes // MIB,
        "total_mib": limits.zip_total_bytes // MIB,
        "zip_ratio": limits.zip_ratio,
        "pdf_pages": limits.pdf_pages,
        "pdf_seconds": int(limits.pdf_seconds),
        "child_seconds": int(limits.child_seconds),
        "memory_mib": limits.child_memory_bytes // MIB,
    }
    return f"{sentence}（{refused.detail}）"[:255] if refused.detail else sentence[:255]


def mark_pending(document) -> bool:
    """Record that the document's current file waits for extraction; False if there is nothing
    to extract (a type without text, or the same file already handled)."""
    from search.models import AttachmentText, ExtractionStatus

    name = document.file.name
    if not can_read(name):
        AttachmentText.objects.filter(document=document).delete()
        return False
    stored = AttachmentText.objects.filter(document=document).first()
    if stored and stored.file_name == name[:255] and stored.status != ExtractionStatus.PENDING:
        return False  # a title or collection change: the file and its text are the same
    AttachmentText.objects.update_or_create(
        document=document,
        defaults={
            "file_name": name[:255],
            "status": ExtractionStatus.PENDING,
            "text": "",
            "error": "",
        },
    )
    return True


def queue(document):
    """Mark the document pending and have the worker read it once the transaction commits.
    Also for a readable document that has no stored text at all (uploaded before extraction
    was recorded, or whose task was lost), so that waiting for its text ends."""
    if mark_pending(document):
        send_after_commit(EXTRACT_TASK, document.pk)


def extract_document(document):
    """Read the document's file in a child process; store and return its `AttachmentText`."""
    from search.models import AttachmentText, ExtractionStatus

    name = document.file.name
    text, status, error = "", ExtractionStatus.DONE, ""
    try:
        size = document.file.size
        if size > bounds.LIMITS.file_bytes:
            raise Refused("file_bytes", str(size))
        with document.file.open("rb") as handle:
            data = handle.read(bounds.LIMITS.file_bytes + 1)
        text = extract_in_child(name, data)
    except Refused as refused:
        status, error = ExtractionStatus.REFUSED, reason(refused)
    except OSError as exc:
        status, error = ExtractionStatus.REFUSED, reason(Refused("damaged", str(exc)))
    if error:
        logger.warning("attachment %s: text not extracted: %s", document.pk, error)
    current = type(document).objects.filter(pk=document.pk).values_list("file", flat=True).first()
    if current != name:
        # The file was replaced while this one was read: the task queued for the new file
        # stores its text; storing this one would mark the new file read.
        return AttachmentText.objects.filter(document_id=document.pk).first()
    stored, _created = AttachmentText.objects.update_or_create(
        document=document,
        defaults={"file_name": name[:255], "text": text, "status": status, "error": error},
    )
    return stored
