"""Which pages a view restriction hides from the public: the one definition.

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
  (no query of its own: the navigation of every public page uses it).
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


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


def unrestricted(queryset):
    """The pages of `queryset` that no view restriction hides (the module's rule), as a
    subquery: the same pages as ``PageQuerySet.public()`` keeps."""
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
