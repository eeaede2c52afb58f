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


def apply():
    from wagtail.models import PagePermissionTester

    from ..publishing.deletion import may_delete_unpublished

    wagtails_can_delete = PagePermissionTester.can_delete

    def can_delete(self, ignore_bulk=False):
        return wagtails_can_delete(self, ignore_bulk=ignore_bulk) and may_delete_unpublished(self)

    def can_move(self):
        return wagtails_can_delete(self, ignore_bulk=True)

    PagePermissionTester.can_delete = can_delete
    PagePermissionTester.can_move = can_move
