"""The sitemap of every language: Wagtail's lists the pages below the site's root page only,
and a translation's pages (/en/…) hang below the root's translation, a sibling of it, so no
English page was listed."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class EveryLanguageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        below_a_root = Q(pk__in=[])
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            below_a_root |= Q(path__startswith=path)
        return (
            Page.objects.filter(below_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
