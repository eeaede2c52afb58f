"""What a public catalogue page needs from the tree around it, in one query.

Serving a page asks the tree three times besides routing: Wagtail's view-restriction check
(the ancestors), the breadcrumb and the publishing organisation (the ancestors again, with the
organisation) and the language switcher (the live versions of the page in other languages).
All three are rows of ``wagtailcore_page``, so one query with both conditions answers them; it
is made once per page instance (a request's page), which keeps item pages and column listings
inside their query budgets. Each row says whether its translation family is restricted
(catalogue/visibility.py), so a page with no such row on itself or above (nearly every public
page) is served without reading the restrictions. Those flags, and whether another language's
version sits below a page that is not live, are asked apart, and only when they can be true (a
site with a view restriction; a page with versions in other languages): as subqueries of the
one query, building and compiling them cost three times what the query itself does.
"""

from functools import cached_property

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from gongkai.aliases import with_source_language

from ..roots import disclosure_root_of
from ..visibility import below_a_page_not_live_flags, restricted_family_flags


class TreeNeighboursMixin:
    @cached_property
    def _tree_neighbours(self):
        paths = {self.path[:end] for end in range(self.steplen, len(self.path), self.steplen)}
        # An alias's source language is read along: the breadcrumb and the language versions
        # mark an alias of a page in another language (gongkai/aliases.py).
        rows = list(
            with_source_language(Page.objects)
            .filter(Q(path__in=paths) | Q(translation_key=self.translation_key, live=True))
            .select_related("locale", "disclosureindexpage__organisation")
            .order_by("path")
        )
        restricted = restricted_family_flags(rows)
        ancestors, versions = [], []
        for row in rows:
            row.in_restricted_family = restricted[row.pk]
            (ancestors if row.path in paths else versions).append(row)
        # This page itself is served: its ancestors are checked where it is (visibility.py).
        others = [row for row in versions if row.pk != self.pk]
        below = below_a_page_not_live_flags(others)
        for row in versions:
            row.below_a_page_not_live = below.get(row.pk, False)
        return ancestors, versions

    @property
    def ancestor_pages(self):
        """Ancestors below the tree root, top down; an organisation root has its organisation."""
        return [page for page in self._tree_neighbours[0] if page.depth > 1]

    @cached_property
    def disclosure_root(self):
        """The nearest organisation root above this page, with its organisation, or None: read
        from the ancestors above (roots.disclosure_root_of)."""
        return disclosure_root_of(self)

    @property
    def public_translations(self):
        """The versions of this page the public may see in every language (visibility.py's
        rule: live, every ancestor live, no view restriction), with their locale, itself
        included when live (the visitor is on it already): read by languages.switcher instead
        of a query of its own."""
        return [
            version
            for version in self._tree_neighbours[1]
            if version.pk == self.pk
            or not (version.below_a_page_not_live or version.get_view_restrictions().exists())
        ]

    def get_view_restrictions(self):
        ancestors = self._tree_neighbours[0]
        ids = [self.pk, *(page.pk for page in ancestors)]
        # This page's own row is among the versions when it is live (a served page is).
        restricted = {
            row.pk: row.in_restricted_family for row in (*ancestors, *self._tree_neighbours[1])
        }
        if (
            not self.alias_of_id
            and not any(page.alias_of_id for page in ancestors)
            and all(pk in restricted for pk in ids)
            and not any(restricted[pk] for pk in ids)
        ):
            return PageViewRestriction.objects.none()
        # A restriction reaches this page (catalogue/visibility.py: through a translation of
        # it or of an ancestor, or an alias's source): read which.
        return super().get_view_restrictions()
