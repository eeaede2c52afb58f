"""Who may delete a disclosure page that is not live.

Taking published information down goes through a withdrawal review (guards.py). A page that is
not live can still carry work and history nobody should lose to one click by a colleague:
another editor's draft, a page in a running review (the reviewers' work and the review record
hang on it), an item published once and taken down since (its review record and history go
with it). So, of the pages under a disclosure root, a user deletes

- as whoever administers the page (models.administers_page: publish permission there, held by
  superusers and the page organisation's 管理员, who also decide withdrawals): whatever Wagtail
  lets them;
- otherwise only pages that are all (the page and everything under it) never published, hers
  (their owner), and not in review nor sent back (`catalogue.own_drafts.is_own_unreviewed_draft`,
  which the dashboard's and the editor's delete offers ask too).

Wagtail's delete view, bulk delete and the admin API's delete action all ask
`PagePermissionTester.can_delete()`; patches/page_deletion.py makes it ask here.
"""

from disclosure.catalogue.own_drafts import is_own_unreviewed_draft, own_unreviewed_draft_rows
from disclosure.catalogue.roots import in_disclosure_tree, in_disclosure_tree_rows

from ..models import administers_page
from .guards import live_content_rows


def may_delete_unpublished(tester):
    """The rule above for a Wagtail `PagePermissionTester` that has already said yes."""
    page, user = tester.page, tester.user
    if not in_disclosure_tree(page) or administers_page(user, page):
        return True
    return is_own_unreviewed_draft(page, user)


def with_row_answers(pages, user):
    """`pages` (a listing's queryset) annotated with what the delete and 取消发布 offers of
    each row ask (in_disclosure_tree, is_own_unreviewed_draft for `user`, has_live_content):
    read with the rows, not once per row."""
    return pages.annotate(
        **in_disclosure_tree_rows(), **own_unreviewed_draft_rows(user), **live_content_rows()
    )
