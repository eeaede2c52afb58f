"""The ancestors a public page names: its breadcrumb and its column (``<meta name="ColumnName">``).

A page below an ancestor that is not live is not served (visibility.py), so on a public page
every ancestor is live; the titles of ancestors that are not live (a column that never passed
review, or was withdrawn) are still left out here, for a preview and for any page served
another way. Every public template names a page's ancestors through this module (the
``breadcrumb`` tag of ``public_ancestors``, and ``public_column`` for the item pages'
metadata). A restricted ancestor needs no rule of its own: its restriction covers the page, so
whoever sees the page has passed it."""

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
