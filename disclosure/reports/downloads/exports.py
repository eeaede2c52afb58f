"""The report's downloads (XLSX, DOCX, PDF), built in Celery and kept per published revision.

A download is a file in the default storage named after the live revision it was built from
(``reports/exports/<page>/<revision>-<saved at>.<format>``), so a new publication gets new files
and never serves the old ones. Publishing a report enqueues its three builds (through the
outbox, once the publication commits: ``enqueue_builds``), so the files are there before the
first visitor asks. Should a request still come first (a worker that was down, files from before
this), it enqueues the build and answers with a page that refreshes itself (no JavaScript) until
the file is there. When Celery runs eagerly (tests) the first request builds the file and serves
it at once.

The files follow the page's publication and view restrictions. They are served only through the
page's own routes (``<report>/xlsx/`` …), which Wagtail answers only while the page is live and
after its view-restriction check (login, password, groups); the folder is never served as media
(``gongkai/media.py`` and the ``internal`` location in ``deploy/nginx/gongkai.conf``), so the
hard-to-guess names are not the guard. Unpublishing or deleting the page also deletes its files
(``on_report_withdrawn``), for storages a web server might still serve (object storage).
"""

from io import BytesIO

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError

from disclosure.reports.workbook import xlsx
from gongkai.celery import app as celery_app
from gongkai.outbox import send_after_commit

from .docx_export import report_docx_bytes
from .pdf_export import report_pdf_bytes

# The task that builds one download (tasks.build_export), asked for by its name: the task
# imports this module, and queued messages and the interactive queue's routes name it.
BUILD_TASK = "reports.build_export"
FOLDER = "reports/exports"
REFRESH_SECONDS = 3
PENDING_SECONDS = 600  # after this, a build that never finished is enqueued again

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
# Named in the "正在生成…" page's sentence, in the page's language.
LABELS = {"xlsx": _("统计表（XLSX）"), "docx": _("报告（Word）"), "pdf": _("报告（PDF）")}


def build(page, export_format):
    """The file's bytes, built from ``page`` (a page object, live or from a revision).

    The Word and PDF files are in the page's language whoever builds them: the Celery worker
    serves no request, so its files came out in whatever language it had (Chinese, for the
    English page's downloads too). The words are ours (table names and headers, section
    headings, labels) and go through gettext; the office's text stays as the page has it. The
    workbook is the Chinese statutory form on every page."""
    if export_format == "xlsx":
        return _workbook(page)
    with translation.override(page.locale.language_code):
        if export_format == "docx":
            return report_docx_bytes(page)
        if export_format == "pdf":
            return report_pdf_bytes(page)
    raise ValueError(export_format)


def _workbook(page):
    buffer = BytesIO()  # the Chinese statutory workbook on every page (xlsx.workbook)
    organisation = page.organisation
    xlsx.workbook(
        page.tables(), organisation=organisation.name if organisation else "", year=page.year
    ).save(buffer)
    return buffer.getvalue()


def file_name(revision, export_format):
    stamp = int(revision.created_at.timestamp() * 1_000_000)
    return f"{FOLDER}/{revision.object_id}/{revision.pk}-{stamp}.{export_format}"


def _pending_key(name):
    return f"reports-export-pending:{name}"


def store(revision, export_format):
    """Build and keep the file of one revision; drop the page's files of other revisions."""
    name = file_name(revision, export_format)
    try:
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(build(revision.as_object(), export_format)))
        folder = name.rsplit("/", 1)[0]
        _dirs, files = default_storage.listdir(folder)
        current = name.rsplit("/", 1)[1].split(".")[0]
        for other in files:
            if not other.startswith(current + "."):
                default_storage.delete(f"{folder}/{other}")
    finally:
        cache.delete(_pending_key(name))
    return name


def enqueue_builds(revision):
    """Have the worker build every download of a revision being published, after the commit.
    A request meanwhile finds the build pending and does not enqueue it a second time."""
    for export_format in CONTENT_TYPES:
        if cache.add(_pending_key(file_name(revision, export_format)), True, PENDING_SECONDS):
            send_after_commit(BUILD_TASK, revision.pk, export_format)


def on_report_published(sender, instance, revision=None, **kwargs):
    if revision is not None and settings.GONGKAI_REPORT_EXPORTS_ON_PUBLISH:
        enqueue_builds(revision)


def drop_files(page_id):
    """Delete every download of the page, whatever revision it was built from."""
    folder = f"{FOLDER}/{page_id}"
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")


def on_report_withdrawn(sender, instance, **kwargs):
    """page_unpublished / post_delete of a report: its files go once that is committed (a
    rolled-back unpublication keeps them; republishing builds them again on first request)."""
    page_id = instance.pk
    transaction.on_commit(lambda: drop_files(page_id))


def _attachment(content, export_format, title):
    from urllib.parse import quote

    response = HttpResponse(content, content_type=CONTENT_TYPES[export_format])
    filename = quote(f"{title}.{export_format}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def serve(request, page, export_format):
    """The download of ``page``'s live revision, or the "正在生成…" page while it is built."""
    revision = page.live_revision
    if revision is None:  # published without a revision (only in fixtures): nothing to key on
        return _attachment(build(page, export_format), export_format, page.title)
    name = file_name(revision, export_format)
    if not default_storage.exists(name):
        if cache.add(_pending_key(name), True, PENDING_SECONDS):
            try:
                # Straight to the broker, not through the outbox: a public GET writes nothing
                # (docs/decisions.md). Through the task, so that eager Celery runs it here.
                celery_app.tasks[BUILD_TASK].delay(revision.pk, export_format)
            except OperationalError:  # no broker: build it here rather than fail
                store(revision, export_format)
        if not default_storage.exists(name):
            response = TemplateResponse(
                request,
                "reports/export_pending.html",
                {
                    "page": page,
                    "label": LABELS[export_format],
                    "refresh_seconds": REFRESH_SECONDS,
                },
                status=202,
            )
            response["Cache-Control"] = "no-store"
            response["Retry-After"] = str(REFRESH_SECONDS)
            return response
    with default_storage.open(name, "rb") as stored:
        return _attachment(stored.read(), export_format, page.title)
