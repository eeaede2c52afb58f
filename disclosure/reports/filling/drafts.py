"""Writing filled tables into a report: who may fill it, and the draft revision a fill saves.

The tables come from the register or the catalogue (``sources.py``) or from an uploaded
workbook (``admin_views.upload_view``). Every way of filling writes a new draft revision, as an
editor's "save draft" does: the page is not published, a page in review stays in its workflow,
and the history says what was filled and from where (log action ``reports.tables_filled``).
Publishing still goes through review.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from disclosure.reports.blocks import TABLE_BLOCK_NAMES

from .page_body import TABLE_AFTER_SECTION

LOG_ACTION = "reports.tables_filled"


# ---------------------------------------------------------------- who may fill
def refusal(page, user):
    """Why ``user`` may not fill ``page``'s tables now, or None (same checks as editing)."""
    if not page.permissions_for_user(user).can_edit():
        return _("您没有编辑该年度报告的权限。")
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return _("该年度报告已被锁定（例如正在审核中），暂时不能修改。")
    return None


# ---------------------------------------------------------------- writing the draft
def body_with_tables(body, tables):
    """StreamField data of ``body`` with each table of ``tables`` (``{key: (format, values)}``)
    put in place of that table's block, or after its section when the body has none."""
    entries = [
        (child.block_type, child.value, getattr(child.block, "table_key", ""), _section(child))
        for child in body
    ]
    for table_key, (format_key, values) in tables.items():
        entry = (TABLE_BLOCK_NAMES[(table_key, format_key)], values, table_key, "")
        index = next((i for i, e in enumerate(entries) if e[2] == table_key), None)
        if index is not None:
            entries[index] = entry
            continue
        after = next(key for key, name in TABLE_AFTER_SECTION.items() if name == table_key)
        index = next((i for i, e in enumerate(entries) if e[3] > after), len(entries))
        entries.insert(index, entry)
    return [(block_type, value) for block_type, value, _key, _section in entries]


def _section(child):
    return child.value["section"] if child.block_type == "section" else ""


def filled_draft(page, tables):
    """``page``'s latest draft with ``tables`` written in, not saved: what a fill would save,
    for the editor to check (``findings()``) before saving it."""
    draft = page.get_latest_revision_as_object()
    draft.body = body_with_tables(draft.body, tables)
    return draft


def save_filled_draft(page, user, tables, message):
    """A new draft revision of ``page`` (its latest draft, not the live version) with
    ``tables`` written in; logged with ``message``. Returns the revision."""
    if reason := refusal(page, user):
        raise PermissionDenied(reason)
    with transaction.atomic():
        draft = filled_draft(page, tables)
        if not draft.live:
            draft.save(clean=False)  # as Wagtail's edit view does for a page never published
        revision = draft.save_revision(user=user, clean=False)
        log(
            instance=draft,
            action=LOG_ACTION,
            user=user,
            revision=revision,
            content_changed=True,
            data={"message": str(message)},
        )
    return revision
