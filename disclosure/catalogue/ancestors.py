"""The ancestors a public page names: its breadcrumb and its column (``<meta name="ColumnName">``).

Wagtail serves a live page below a column that is not live (a draft, or a column unpublished
without its pages): its routing checks only the page served. The ancestors' titles are not
published with it: the title of a column that never passed review, or was withdrawn, must not
reach the public through its children. Every public template names a page's ancestors through
this module (the ``breadcrumb`` tag of ``public_ancestors``, and ``public_column`` for the item
pages' metadata), which leaves out those that are not live. A restricted ancestor needs no rule
of its own: its restriction covers the page, so whoever sees the page has passed it.
"""

from wagtail.models import Page


def _ancestors(page):
    # Catalogue pages and reports read their ancestors with the rest of their tree (models/tree.py).
    ancestors = getattr(page, "ancestor_pages", None)
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1))
    return ancestors


def public_ancestors(page):
    """The live ancestors below the tree root (the home page first), top down."""
    return [ancestor for ancestor in _ancestors(page) if ancestor.live]


def public_column(page):
    """The page's parent, the column it is published in, while that is live; else None."""
    ancestors = _ancestors(page)
    parent = ancestors[-1] if ancestors else None
    if parent is None or parent.path != page.path[: -Page.steplen] or not parent.live:
        return None
    return parent
