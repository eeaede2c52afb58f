"""The sitemap of every language: Wagtail's lists the pages below the site's root page only,
and a translation's pages (/en/…) hang below the root's translation, a sibling of it, so no
English page was listed.

`sitemap_xml` builds it for the request's site (Wagtail's sitemap view gives the sitemap the
request): Django's, given the class, built it without one, and Wagtail then listed the default
site's pages on every host, and failed (a 500) on all of them when no site was the default.

An alias of a page in another language (an English address showing a Chinese column, made
when an item below it was translated: gongkai/aliases.py) is not listed: its content is its
source's, which is."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from .aliases import in_own_language
from .remembered_site import shows_the_site


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
            .filter(in_own_language())
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@shows_the_site
def sitemap_xml(request):
    return sitemap(request, sitemaps={"pages": EveryLanguageSitemap})
