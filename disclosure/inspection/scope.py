"""Which pages an inspection reads: the live pages below the disclosure roots of one
organisation, or of every organisation (the platform), in the site's default language (the
inspectors read the Chinese site; a translation is not a column of its own)."""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from disclosure.catalogue.models import ITEM_PAGE_MODELS, CategoryPage, DisclosureIndexPage
from disclosure.catalogue.roots import pages_below_q
from disclosure.reports.models import AnnualReportPage

from .publications import (
    logged_first_publications,
    trusted_first_publication,
    with_recorded_earlier_publication,
)


class RootHidden(models.TextChoices):
    """Why the public cannot open a disclosure root: the inspector finds no home page."""

    UNPUBLISHED = "unpublished", _("页面未发布（或已撤销发布）")
    RESTRICTED = "restricted", _("页面或其上级页面设置了访问限制（密码、登录或用户组）")
    NO_SITE = "no_site", _("页面不在任何站点之下，没有公开的网址")


INFORMATION_PAGE_MODELS = [*ITEM_PAGE_MODELS, AnnualReportPage]


def item_content_types():
    return list(ContentType.objects.get_for_models(*INFORMATION_PAGE_MODELS).values())


@dataclass
class Scope:
    organisation: object = None  # catalogue.Organisation, or None for the whole platform

    @cached_property
    def roots(self):
        roots = DisclosureIndexPage.objects.filter(locale=Locale.get_default()).select_related(
            "organisation"
        )
        if self.organisation is not None:
            roots = roots.filter(organisation=self.organisation)
        return list(roots.order_by("path"))

    @cached_property
    def hidden_roots(self):
        """{root pk: why the public cannot open it} of the roots that are not live, lie at or
        below a view restriction (an alias root carries its source's, as PageQuerySet's
        not_public() reads it: catalogue/patches/alias_restrictions.py) or under no site."""
        restricted = set(
            Page.objects.filter(pk__in=[root.pk for root in self.roots])
            .not_public()
            .values_list("pk", flat=True)
        )
        hidden = {}
        for root in self.roots:
            if not root.live:
                hidden[root.pk] = RootHidden.UNPUBLISHED
            elif root.pk in restricted:
                hidden[root.pk] = RootHidden.RESTRICTED
            elif root.get_url_parts() is None:
                hidden[root.pk] = RootHidden.NO_SITE
        return hidden

    @property
    def public_roots(self):
        """The roots the public can open: what an inspector finds as the home page."""
        return [root for root in self.roots if root.pk not in self.hidden_roots]

    def within(self):
        return pages_below_q(root.path for root in self.roots)

    def public_within(self):
        """Below the roots the public can open: what an inspector can find at all."""
        return pages_below_q(root.path for root in self.public_roots)

    @cached_property
    def _unreachable_q(self):
        """The pages below an unpublished page inside a public root. Wagtail unpublishes a
        column alone and leaves its children live, but the public no longer finds them (the
        column is gone from the navigation): they update nothing. Only pages with children
        matter, which keeps the condition short (a draft item has none)."""
        hidden = Page.objects.filter(self.public_within(), live=False, numchild__gt=0)
        condition = Q()
        for path in hidden.values_list("path", flat=True):
            condition |= Q(path__startswith=path)
        return condition

    def reachable(self, pages):
        """`pages` without those below an unpublished page (view restrictions are public()'s)."""
        return pages.exclude(self._unreachable_q) if self._unreachable_q else pages

    def live_pages(self):
        return Page.objects.live().filter(self.within())

    def columns(self):
        """The columns an inspector finds: live, below a public root, under no unpublished
        column and not behind a view restriction (a password on a column, or on the page an
        alias column shows)."""
        columns = CategoryPage.objects.live().public().filter(self.public_within())
        return self.reachable(columns).order_by("path")

    def live_items(self):
        """The live items in scope the public can open: the catalogue's item types and the
        annual reports, what an inspector counts as information (a column, a root or the
        公开指南 is not). An item under a hidden root, an unpublished column or a view
        restriction (its own, an ancestor's, or its alias source's: PageQuerySet.public(),
        patched by catalogue/patches/alias_restrictions.py) updates nothing an inspector
        sees."""
        return self.reachable(
            Page.objects.live()
            .public()
            .filter(self.public_within())
            .filter(content_type__in=item_content_types())
        )

    @cached_property
    def shown_item_paths(self):
        """The paths of every public live item in scope, aliases of other pages included:
        what a column shows."""
        return list(self.live_items().values_list("path", flat=True))

    @cached_property
    def items(self):
        """(path, pk, title, first published date) of every public live item the organisation
        published itself, newest first: what updates a column or the home page. An alias
        (Wagtail's alias_of) shows another page, perhaps another office's, and its first
        publication is not this organisation's. The date is the one the publication log bears
        out (publications.py), not the page row's alone."""
        own = (
            self.live_items().filter(alias_of__isnull=True).filter(first_published_at__isnull=False)
        )
        logged = logged_first_publications(own)
        recorded = with_recorded_earlier_publication(own)
        rows = [
            (path, pk, title, trusted_first_publication(at, logged.get(pk), pk in recorded))
            for path, pk, title, at in own.values_list("path", "pk", "title", "first_published_at")
        ]
        rows.sort(key=lambda row: row[3], reverse=True)
        return [(path, pk, title, timezone.localdate(at)) for path, pk, title, at in rows]

    @property
    def label(self):
        return self.organisation.name if self.organisation is not None else "全平台"
