"""Which pages the public may see: the one definition.

A page is public when it is live, no view restriction hides it, and every ancestor below the
tree root is live. The last part is ours: Wagtail's routing checks only the page it serves, so
a live item under a column that was never published, or was unpublished (撤稿) on its own,
stayed reachable by its address, searchable and listed. An office that takes a column down
means everything in it to go. Readers:

- ``ancestors_live(page)`` — serving (the ``before_serve_page`` hook answers 404 otherwise)
  and the inspection's check of an organisation's root;
- ``unreachable_roots()`` and ``below_q`` — the same as field lookups, in ``private_q``
  (``public()``) and the public API;
- ``reachable(queryset)`` — live and every ancestor live, as a subquery: the pages an address
  reaches (the inspection's internal links), restricted or not;
- ``public(queryset)`` — the whole rule as subqueries of the listing's own statement.

Every reader of what the public sees goes through this module, or through
``PageQuerySet.public()`` after ``live()``, which the patch in ``patches/alias_restrictions.py``
makes this rule; ``live()`` alone is Wagtail's flag of one page and serves no visitor
(``gongkai/tests/test_public_readers.py`` lists the few places that read it alone, and why).

An alias elsewhere of a page under a column taken down is a page of its own column: Wagtail
keeps its ``live`` in step with its source's, and its own ancestors decide.

View restrictions:

A page is hidden when it, an ancestor, or a page it shows (an alias's source) belongs to a
*restricted family*: the translations (same ``translation_key``) of a page at or below a view
restriction, in any locale. A restriction set on the Chinese 2022 annual report therefore hides
its English translation too, wherever that translation sits in the English tree: a page the
public may not see in one language is not visible in any. Wagtail itself only reads the
restrictions on the page's own ancestors.

Three readers, one rule:

- ``view_restrictions_of(page)`` — the restrictions a request must pass to see the page
  (serving: ``Page.get_view_restrictions``, patched in ``patches/alias_restrictions.py``);
- ``restricted_roots()`` — the paths below which every page is hidden, for
  ``PageQuerySet.private_q`` (``public()``: listings, feeds, sitemap, search, documents) and the
  public API, which need plain field lookups (a search engine filters on indexed fields);
- ``unrestricted(queryset)`` — the same exclusion as a subquery of the listing's own statement
  (no query of its own), part of ``public(queryset)``: the navigation of every public page,
  the column listings and the feeds use it.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from gongkai.page_cache import remember_under_site_token

# Wagtail's tree root is no page of any site: its `live` means nothing to the public.
TREE_ROOT_DEPTH = 1


def _restricted_at_or_above(path):
    return PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path), 1, Length("page__path"))
    )


def _restricted_families(restrictions=None):
    """Translation keys of the pages at or below `restrictions` (every restriction by default)."""
    restrictions = PageViewRestriction.objects.all() if restrictions is None else restrictions
    return Page.objects.filter(
        Exists(restrictions.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))
    ).values("translation_key")


def _at_or_above(path_field, families):
    """Rows with a page at or above `path_field` whose translation key is in `families`."""
    return Exists(
        Page.objects.filter(
            path=Substr(OuterRef(path_field), 1, Length("path")), translation_key__in=families
        )
    )


def in_restricted_family():
    """An annotation for a page row: whether the row's own translation family is restricted
    (the row or one of its translations is at or below a view restriction)."""
    return Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key")).filter(
            Exists(_restricted_at_or_above("path"))
        )
    )


def any_view_restriction():
    """Whether the site has any view restriction: kept in each process under the page cache's
    site token, which every restriction's change renews. Nearly every site has none, and then
    no page is in a restricted family."""
    return remember_under_site_token("any view restriction", PageViewRestriction.objects.exists)


def restricted_family_flags(pages):
    """{pk: whether the page is in a restricted family} for `pages`; no query while the site
    has no view restriction, else one."""
    if not any_view_restriction():
        return dict.fromkeys((page.pk for page in pages), False)
    return _flags(pages, in_restricted_family())


def _flags(pages, condition):
    """{pk: `condition` of the page's row} for `pages`, in one query (none for no pages)."""
    ids = [page.pk for page in pages]
    if not ids:
        return {}
    return dict(Page.objects.filter(pk__in=ids).annotate(flag=condition).values_list("pk", "flag"))


def unrestricted(queryset):
    """The pages of `queryset` that no view restriction hides (the module's rule), as a
    subquery: the same pages as ``PageQuerySet.public()`` keeps. All of them while the site has
    no view restriction (the subqueries would read the page table for nothing)."""
    if not any_view_restriction():
        return queryset
    families = _restricted_families()
    return queryset.filter(
        ~_at_or_above("path", families), ~_at_or_above("alias_of__path", families)
    )


def _minimal(paths):
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def restricted_roots(restrictions=None):
    """The fewest paths such that a page at or below one of them, or an alias of such a page,
    is hidden by `restrictions` (every restriction by default). No query when there is none."""
    restrictions = PageViewRestriction.objects.all() if restrictions is None else restrictions
    paths = set(restrictions.values_list("page__path", flat=True))
    if not paths:
        return []
    families = _restricted_families(restrictions)
    # Only the top of each subtree of the families (its descendants are covered by its path):
    # the restricted pages, their translations, and translations that sit elsewhere.
    tops = (
        Page.objects.filter(translation_key__in=families)
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .exclude(
            Exists(Page.objects.filter(path=OuterRef("parent_path"), translation_key__in=families))
        )
        .values_list("path", flat=True)
    )
    return _minimal(paths | set(tops))


def hidden_q(roots):
    """Pages at or below `roots`, and the aliases of such pages, as field lookups only."""
    q = Q()
    for path in roots:
        q |= Q(path__startswith=path)
    if roots:
        # The aliases by id, read here: a search engine filters on the page's own indexed
        # fields (id, path), not on the source's path through alias_of.
        sources = Q()
        for path in roots:
            sources |= Q(alias_of__path__startswith=path)
        alias_ids = list(Page.objects.filter(sources).values_list("pk", flat=True))
        if alias_ids:
            q |= Q(id__in=alias_ids)
    return q


def _prefixes(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def view_restrictions_of(page):
    """The view restrictions a request must pass to see `page`: those at or above any
    translation of the page or of an ancestor, and of the pages its aliases show."""
    lineage = set(_prefixes(page.path))
    sources = Page.objects.filter(
        pk__in=Page.objects.filter(path__in=lineage, alias_of__isnull=False).values("alias_of")
    ).values_list("path", flat=True)
    for path in sources:
        lineage.update(_prefixes(path))
    family = Page.objects.filter(
        translation_key__in=Page.objects.filter(path__in=lineage).values("translation_key")
    )
    return PageViewRestriction.objects.filter(
        Exists(family.filter(path__startswith=OuterRef("page__path")))
        | Exists(family.filter(alias_of__path__startswith=OuterRef("page__path")))
    )


# ---------------------------------------------------------------- ancestors that are not live
def ancestors_live(page):
    """Whether every ancestor of `page` below the tree root is live. Catalogue pages and
    reports read their ancestors with the rest of their tree (models/tree.py): no query."""
    ancestors = getattr(page, "ancestor_pages", None)
    if ancestors is not None:
        return all(ancestor.live for ancestor in ancestors)
    paths = _prefixes(page.path)[1:-1]  # neither the tree root nor the page itself
    return not paths or not Page.objects.filter(path__in=paths, live=False).exists()


def unreachable_roots():
    """The fewest pages that are not live and below which every page is unreachable, as paths:
    one query. Only pages with children matter, which keeps the list short (a draft item has
    none)."""
    return _minimal(not_live_parents().values_list("path", flat=True))


def not_live_parents():
    """The pages that are not live and have children: read from an index of their own
    (migration catalogue/0021), the table's other rows never read."""
    return Page.objects.filter(live=False, depth__gt=TREE_ROOT_DEPTH, numchild__gt=0)


def below_q(roots):
    """The pages strictly below `roots`, as field lookups a search engine can filter on."""
    q = Q()
    for path in roots:
        q |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
    return q


def below_a_page_not_live_flags(pages):
    """{pk: whether an ancestor of the page is not live} for `pages`, in one query."""
    return _flags(pages, below_a_page_not_live())


def below_a_page_not_live():
    """A condition on a page row: an ancestor below the tree root is not live (a subquery
    of the row's own statement). An ancestor has children: asked among the pages not live
    with children, the subquery reads their index (catalogue/0021), a few rows, instead of
    the page table for every row the statement considers."""
    return Exists(
        not_live_parents().filter(
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
    )


def reachable(queryset):
    """The pages of `queryset` a visitor's address reaches: live, and every ancestor below the
    tree root live (no 404), as a subquery. A view restriction may still ask for a password
    or a login: that is `public()`."""
    return queryset.filter(live=True).exclude(below_a_page_not_live())


def public(queryset):
    """The pages of `queryset` the public may see (the module's rule), without a query of
    its own."""
    return unrestricted(reachable(queryset))
