"""Replaces `wagtail.models.PagePermissionTester.can_delete`: of a disclosure page that is not
live, a user deletes only her own never-published draft out of review, unless she administers
the site or the page's organisation (deletion.py says why).

Why here: Wagtail's delete view (`DeleteView.dispatch`), its bulk delete
(`DeleteBulkAction.check_perm`) and the admin API's delete action (`DeletePageAction.check`) all
ask `page.permissions_for_user(user).can_delete()`, and no project page model overrides
`permissions_for_user`; one check here covers every path, and the delete links and menu items
Wagtail draws from the same answer disappear with it.

`can_move` is Wagtail's `can_delete(ignore_bulk=True)`; it keeps Wagtail's answer (moving a
draft loses nothing, and moving published content is guarded in guards.py).

A page listing asks both of every row. Its rows carry their answers (deletion.with_row_answers,
through the hook `construct_explorer_page_queryset`), and for a user holding `change_page`
without `publish_page` (an organisation's 信息员) Wagtail's one query per row, "is any page of
this subtree live?", is guards.has_live_content, read with the rows: `_wagtails_answer` gives
Wagtail's answer from it there (its `can_delete` branch for that case, as in 8.0.1), and asks
Wagtail everywhere else.

Checked against Wagtail 8.0.1.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.models.pages.PagePermissionTester.can_delete": "0eb5c24b6d3afe0c",
        "wagtail.models.pages.PagePermissionTester.can_move": "46be20481b657d44",
        "wagtail.admin.views.pages.delete.DeleteView.dispatch": "2796f087da0dbcec",
        "wagtail.admin.views.pages.bulk_actions.delete.DeleteBulkAction.check_perm": (
            "d299b42bdfe9e59a"
        ),
        "wagtail.actions.delete_page.DeletePageAction.check": "27cc766cb7293fc6",
    },
)


def _live_check_read_with_the_row(tester, ignore_bulk):
    """Whether Wagtail's can_delete would end in its live-subtree query for `tester`, on a page
    whose listing read that answer already (guards.live_content_rows)."""
    from ..publishing.guards import LIVE_CONTENT_ANNOTATION

    if getattr(tester.page, LIVE_CONTENT_ANNOTATION, None) is None:
        return False
    # Wagtail reads page permissions only for an active user who is not a superuser; it
    # answers the others without the query.
    permissions = getattr(tester, "permissions", None)
    if permissions is None:
        return False
    return (
        not tester.page_is_root
        and ("bulk_delete" in permissions or tester.page.is_leaf() or ignore_bulk)
        and "change" in permissions
        and "publish" not in permissions
    )


def apply():
    from wagtail.models import PagePermissionTester

    from ..publishing.deletion import may_delete_unpublished
    from ..publishing.guards import has_live_content

    wagtails_can_delete = PagePermissionTester.can_delete

    def _wagtails_answer(tester, ignore_bulk):
        if _live_check_read_with_the_row(tester, ignore_bulk):
            return not has_live_content(tester.page)
        return wagtails_can_delete(tester, ignore_bulk=ignore_bulk)

    def can_delete(self, ignore_bulk=False):
        return may_delete_unpublished(self) and _wagtails_answer(self, ignore_bulk)

    def can_move(self):
        return _wagtails_answer(self, ignore_bulk=True)

    PagePermissionTester.can_delete = can_delete
    PagePermissionTester.can_move = can_move
