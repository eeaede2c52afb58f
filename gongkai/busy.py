"""A busy database answers a clear message, never a 500, and never loses what an editor typed.

SQLite lets one writer at a time hold the database; another process (the worker, beat, a backup)
holding a long write transaction makes every other write wait for the busy timeout and then fail
with "database is locked". PostgreSQL's equivalents are a lock or statement timeout. Two layers:

- `PageEditorKeepsTypedText` (the page create and edit views, registered through Wagtail's
  page viewset, see gongkai/page_views.py) runs the save in one transaction and, when the
  database is busy, renders the editor again with the form exactly as posted and
  `BUSY_NOT_SAVED`; the transaction rolled back, so nothing is half-saved.
- `DatabaseBusyMiddleware` turns a busy error from any other view (login, the other admin views,
  a public page) into a 503 page saying so, with Retry-After, instead of a 500.
"""

import logging

from django.contrib import messages
from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

BUSY_NOT_SAVED = _("数据库繁忙，内容未保存，请稍后再次提交；您填写的内容已保留。")
BUSY_WRITE = _("数据库繁忙，本次操作未完成，也没有保存任何内容。请稍后重试。")
BUSY_READ = _("数据库繁忙，页面暂时无法显示。请稍后刷新。")
RETRY_AFTER_SECONDS = 30

_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")
# lock_not_available (lock_timeout), query_canceled (statement_timeout), deadlock_detected and
# serialization_failure: the same request, sent again later, succeeds.
_POSTGRES_BUSY = {"55P03", "57014", "40P01", "40001"}


def is_database_busy(error):
    """Whether `error` means "the database could not be had in time", not a broken query."""
    if not isinstance(error, DatabaseError):
        return False
    cause = error.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if state:
        return state in _POSTGRES_BUSY
    return any(message in str(error).lower() for message in _SQLITE_BUSY)


class DatabaseBusy(Exception):
    """Raised out of a rolled-back save so that the view renders its form again."""


class PageEditorKeepsTypedText:
    """For Wagtail's page CreateView and EditView.

    The save (form_valid: page, revision, workflow start, log entries) runs in one transaction.
    When it cannot get the database, the request is dispatched a second time from fresh state,
    with form_valid answering the form as posted plus the message instead of saving. Fresh state
    matters on PostgreSQL, where the error can come half-way through: the instance the first
    attempt saved into may carry ids of rows that were rolled back.
    """

    database_busy = False

    def dispatch(self, request, *args, **kwargs):
        queued = _queued_messages(request)
        already_queued = len(queued)
        try:
            return super().dispatch(request, *args, **kwargs)
        except DatabaseBusy as busy:
            logger.warning(
                "数据库繁忙，页面未保存（%s %s）: %s", request.method, request.path, busy.__cause__
            )
        # Messages of the attempt describe work that was rolled back ("已保存为草稿" …).
        del queued[already_queued:]
        self.database_busy = True
        self.__dict__.pop("action_name_and_method", None)  # a cached_property of the views
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if self.database_busy:
            return self.database_busy_response()
        committed = []
        try:
            with transaction.atomic():
                # Registered first, so it runs first after the commit: an error raised by a
                # later on-commit callback comes after the save and must not be reported
                # as "not saved".
                transaction.on_commit(lambda: committed.append(True))
                return super().form_valid(form)
        except DatabaseError as error:
            if committed or not is_database_busy(error):
                raise
            raise DatabaseBusy from error

    def database_busy_response(self):
        if self.expects_json_response:  # autosave: the editor's page keeps its state
            return self.json_error_response("database_busy", str(BUSY_NOT_SAVED))
        messages.error(self.request, BUSY_NOT_SAVED)
        self.has_unsaved_changes = True
        # 200 like Wagtail's own validation errors: a proxy that replaces 5xx bodies with
        # its error page would throw the typed text away.
        return self.render_to_response(self.get_context_data())

    def get_editing_sessions(self):
        # Wagtail records an editing session (a write) when it renders the editor.
        if self.database_busy:
            return None
        return super().get_editing_sessions()


def _queued_messages(request):
    storage = getattr(request, "_messages", None)
    return getattr(storage, "_queued_messages", [])


class DatabaseBusyMiddleware:
    """Every other view: a busy database is a 503 with a clear page, not a 500 traceback.

    A 503 also keeps the session from being saved (SessionMiddleware skips 5xx responses), so a
    login interrupted half-way leaves no half-made session behind.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_busy(exception):
            return None
        logger.warning("数据库繁忙（%s %s）: %s", request.method, request.path, exception)
        writing = request.method not in ("GET", "HEAD", "OPTIONS")
        response = render(
            request,
            "database_busy.html",
            {"message": BUSY_WRITE if writing else BUSY_READ, "again_url": request.path},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
