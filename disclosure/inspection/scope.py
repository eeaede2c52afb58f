"""Which pages an inspection reads: the live pages below the disclosure roots of one
organisation, or of every organisation (the platform), in the site's default language (the
inspectors read the Chinese site; a translation is not a column of its own)."""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from disclosure.catalogue.models import ITEM_PAGE_MODELS, CategoryPage, DisclosureIndexPage
from disclosure.catalogue.roots import pages_below_q
from disclosure.catalogue.visibility import ancestors_live
from disclosure.reports.models import AnnualReportPage

from .publications import (
    logged_first_publications,
    trusted_first_publication,
    with_recorded_earlier_publication,
)


class RootHidden(models.TextChoices):
    """Why the public cannot open a disclosure root: the inspector finds no home page."""

    UNPUBLISHED = "unpublished", _("页面未发布（或已撤销发布）")
    # Wagtail still serves a live page below an unpublished one by its URL, but the site's
    # front page answers 404: an inspector starts there and finds nothing to follow.
    SITE_HOME_UNPUBLISHED = "site_home_unpublished", _("网站首页未发布，公众打开网站即为 404")
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
            # An ancestor not live: the site's home page or a page between.
            elif not ancestors_live(root):
                hidden[root.pk] = RootHidden.SITE_HOME_UNPUBLISHED
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

    def live_pages(self):
        return Page.objects.live().filter(self.within())

    def columns(self):
        """The columns an inspector finds: live, below a public root, under no unpublished
        column and not behind a view restriction (a password on a column, or on the page an
        alias column shows): public() as catalogue/visibility.py defines it."""
        columns = CategoryPage.objects.live().public().filter(self.public_within())
        return columns.order_by("path")

    def live_items(self):
        """The live items in scope the public can open: the catalogue's item types and the
        annual reports, what an inspector counts as information (a column, a root or the
        公开指南 is not). An item under a hidden root, an unpublished column or a view
        restriction (its own, an ancestor's, or its alias source's) updates nothing an
        inspector sees: PageQuerySet.public(), patched by
        catalogue/patches/alias_restrictions.py after catalogue/visibility.py, the rule every
        public reader follows."""
        return (
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
    def _own_publications(self):
        """(path, pk, title, trusted first publication or None) of every public live item the
        organisation published itself. An alias (Wagtail's alias_of) shows another page,
        perhaps another office's, and its first publication is not this organisation's. The
        time is the one the publication log bears out (publications.py), not the page row's."""
        own = (
            self.live_items().filter(alias_of__isnull=True).filter(first_published_at__isnull=False)
        )
        logged = logged_first_publications(own)
        recorded = with_recorded_earlier_publication(own)
        return [
            (path, pk, title, trusted_first_publication(at, logged.get(pk), pk in recorded))
            for path, pk, title, at in own.values_list("path", "pk", "title", "first_published_at")
        ]

    @cached_property
    def items(self):
        """(path, pk, title, first published date) of every public live item the organisation
        published itself and the log bears out, newest first: what updates a column or the
        home page."""
        rows = [row for row in self._own_publications if row[3] is not None]
        rows.sort(key=lambda row: row[3], reverse=True)
        return [(path, pk, title, timezone.localdate(at)) for path, pk, title, at in rows]

    @cached_property
    def unlogged_items(self):
        """(path, pk, title) of the public live items of the organisation's own that the
        publication log has no entry for: no evidence of when they were published."""
        rows = [row[:3] for row in self._own_publications if row[3] is None]
        return sorted(rows)

    @property
    def label(self):
        return self.organisation.name if self.organisation is not None else "全平台"
