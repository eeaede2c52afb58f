"""Replaces `wagtail.admin.wagtail_hooks.PageListingUnpublishButton.is_shown`: the 取消发布 link
of the page listing's "more" menu and of the page header's menu is not offered where the
unpublish would be refused (a disclosure page with published content is taken down only through
a 撤稿申请, guards.takedown_refusal), so nobody follows a link to a refusal.

Why here: both menus are filled by Wagtail's own hooks (`page_listing_more_buttons`,
`page_header_buttons`) with this one button class, and Wagtail offers no hook to take a button
out of either menu (`construct_page_listing_buttons` sees only the listing's top-level buttons).
The edit view's action menu drops its 取消发布 in wagtail_hooks.py (`construct_page_action_menu`);
the unpublish view itself still refuses with the reason (`before_unpublish_page`).

Checked against Wagtail 8.0.1.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.admin.wagtail_hooks.PageListingUnpublishButton.is_shown": "e0e2560864fa9bb5",
        "wagtail.admin.wagtail_hooks.page_listing_more_buttons": "f575f5fd98ca6b8c",
        "wagtail.admin.wagtail_hooks.page_header_buttons": "990e5243f753f2a9",
    },
)


def apply():
    from wagtail.admin.wagtail_hooks import PageListingUnpublishButton

    from ..publishing.guards import takedown_refusal

    wagtails_is_shown = PageListingUnpublishButton.is_shown

    def is_shown(self, user):
        return wagtails_is_shown(self, user) and takedown_refusal(self.page) is None

    PageListingUnpublishButton.is_shown = is_shown
