"""The organisation's 政府信息公开 root (DisclosureIndexPage) above a page: the one place that
walks up the tree for it. Walls, review steps, notifications, the portal's navigation, the
inspection's refreshes, the reports and the catalogue's own pages all ask here
(`disclosure/catalogue/tests/test_roots.py` fails when another module walks up for it again).

The catalogue's models ask it too (a page's organisation, a feed's publisher), so it imports
none of them: a root is the page row's reverse one-to-one `disclosureindexpage`, and a
DisclosureIndexPage says it is one (`is_disclosure_root`).
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page

# A root's parent is a HomePage (DisclosureIndexPage.parent_page_types), itself at least at
# depth 2: nothing at depth 2 or above it has a root over it.
_SHALLOWEST_ROOT = 3
# A root's row seen from its page row (the reverse one-to-one of multi-table inheritance): a
# page row that has it is a root.
ROOT_ACCESSOR = "disclosureindexpage"


def ancestor_paths(page, *, inclusive=True):
    """The tree paths of the page's ancestors, top down, and its own when `inclusive`."""
    steplen = Page.steplen
    end = len(page.path or "") + (1 if inclusive else 0)
    return [page.path[:cut] for cut in range(steplen, end, steplen)]


def _root_among(ancestors):
    for ancestor in reversed(ancestors):
        # Reverse one-to-one of the page's specific row: absent on other pages' rows (the
        # RelatedObjectDoesNotExist Django raises is an AttributeError, hence getattr).
        root = getattr(ancestor, ROOT_ACCESSOR, None)
        if root is not None:
            return root
    return None


def disclosure_root_of(page):
    """The DisclosureIndexPage at or above `page` (the root itself included), with its
    organisation, or None.

    A page that has read its ancestors already (a served catalogue item or column: its view
    restrictions read them first, models/tree.py) is answered without a query when they are
    those of its current path; any other page with one query on its path, so a page about to be
    saved (a path, no id yet) and a root loaded as a plain Page are answered too. The ancestors
    are not read for this alone: with the language versions and restriction flags they come
    with, they cost several times the one query (saving, publishing and indexing ask here).
    """
    if page is None:
        return None
    if getattr(page, "is_disclosure_root", False):
        return page
    if page.path and "_tree_neighbours" in vars(page):  # models/tree.py's TreeNeighboursMixin
        ancestors = page.ancestor_pages
        # Read for the path the page has now (not before it got one, or before a move): the
        # revision invariant asks here whether a page about to be saved is under a root.
        if ancestors and ancestors[-1].path == page.path[: -Page.steplen]:
            return _root_among(ancestors)
    if not page.path or (page.depth and page.depth < _SHALLOWEST_ROOT):
        return None
    row = _root_rows(ancestor_paths(page)).order_by("-depth").first()
    return getattr(row, ROOT_ACCESSOR) if row is not None else None


def _root_rows(paths):
    """The page rows of the disclosure roots at `paths`, each with its root and organisation."""
    return Page.objects.filter(
        path__in=paths, **{f"{ROOT_ACCESSOR}__isnull": False}
    ).select_related(f"{ROOT_ACCESSOR}__organisation")


def disclosure_roots_of(pages):
    """The disclosure root (or None) of each page, in the pages' order, read in one query
    (batch indexing, where a query per page would dominate)."""
    paths = {path for page in pages for path in ancestor_paths(page)}
    roots = {row.path: getattr(row, ROOT_ACCESSOR) for row in _root_rows(paths)}
    return [deepest_root_among(page, roots) for page in pages]


def deepest_root_among(page, roots_by_path):
    """The deepest of the roots read already (`roots_by_path`: tree path -> root) at or above
    `page`, or None: for callers that hold the candidate roots (the search page's public
    roots, an import's organisation) and must not read them again per page."""
    for path in reversed(ancestor_paths(page)):
        root = roots_by_path.get(path)
        if root is not None:
            return root
    return None


# The annotation `in_disclosure_tree_rows` sets on each page of a listing.
IN_TREE_ANNOTATION = "read_in_disclosure_tree"


def in_disclosure_tree(page):
    """Whether `page` (saved or about to be) is a disclosure root or lies under one: the pages
    whose publication goes through review, and whose takedown through withdrawal. A page of a
    listing annotated by `in_disclosure_tree_rows` answers from its annotation."""
    read = getattr(page, IN_TREE_ANNOTATION, None)
    if read is not None:
        return read
    return disclosure_root_of(page) is not None


def in_disclosure_tree_rows():
    """For a queryset of pages (`.annotate(**in_disclosure_tree_rows())`): in_disclosure_tree of
    each, read with the rows (a listing asks it of every row): whether a root's path begins the
    page's path."""
    roots_above = (
        Page.objects.filter(**{f"{ROOT_ACCESSOR}__isnull": False})
        .annotate(outer_prefix=Substr(OuterRef("path"), 1, Length("path")))
        .filter(outer_prefix=F("path"))
    )
    return {IN_TREE_ANNOTATION: Exists(roots_above)}


def organisation_id_of_page(page):
    """The id of the organisation whose disclosure root `page` is in (or is), or None."""
    root = disclosure_root_of(page)
    return root.organisation_id if root is not None else None


def below_any(page, paths):
    """Whether `page` is at or below one of the tree `paths` (roots' paths read before), in
    memory: a list asks it of every row."""
    return page.path.startswith(tuple(paths))


def pages_below_q(paths, *, field="path"):
    """A Q matching the pages at or below any of the tree `paths` (none when there are none);
    `field` names the path of a related page instead (`page__path` on log entries)."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def pages_of_organisation_q(organisations, *, field="path"):
    """A Q matching the pages of `organisations` (one Organisation, or several): those at or
    below their disclosure roots, in every language. `field` as in pages_below_q."""
    lookup = f"{ROOT_ACCESSOR}__organisation" + ("" if hasattr(organisations, "pk") else "__in")
    roots = Page.objects.filter(**{lookup: organisations})
    return pages_below_q(roots.values_list("path", flat=True), field=field)
