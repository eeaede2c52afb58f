"""Which of the registered page bulk actions a page listing offers its reader.

Wagtail's listing footer offers every registered bulk action to everyone and refuses afterwards.
Here two are withheld where they would be refused for every page of the listing:
- 发布 and 取消发布 inside the disclosure tree, for everyone: a disclosure page is published by
  its review run's finish (or 强制发布) and taken down through a 撤稿申请 (guards.py:
  publishing_refusal, and takedown_refusal for every live page; a page that is not live has
  nothing to unpublish);
- both, anywhere, for whoever holds publish permission on no page (信息员, 初审, 保密审查,
  分管领导: role_permissions.ROOT_PAGE_PERMISSIONS): Wagtail refuses them every page.
移动 and 删除 stay offered: a user moves and deletes her own drafts; a page with published
content among those chosen is refused with WITHDRAW_THROUGH_REVIEW, which names 申请撤稿.
"""

from wagtail.models import GroupPagePermission

from disclosure.catalogue.roots import in_disclosure_tree

PUBLISHING = frozenset({"publish", "unpublish"})


def may_publish_somewhere(user):
    if not user.is_active:
        return False
    return user.is_superuser or (
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="publish_page"
        ).exists()
    )


def withheld_page_bulk_actions(user, parent_page=None):
    """The action types (`BulkAction.action_type`) not offered to `user` in the listing of
    `parent_page`'s children (None: a listing across the tree, such as the page search)."""
    in_disclosure = parent_page is not None and in_disclosure_tree(parent_page)
    if in_disclosure or not may_publish_somewhere(user):
        return PUBLISHING
    return frozenset()
