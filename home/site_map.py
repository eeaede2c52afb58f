"""网站地图: the site's columns as a tree of links, in the language being read.

Inspectors and citizens expect an HTML site map linked from every footer (the XML one at
/sitemap.xml is for crawlers). It shows the home page's organisations' disclosure roots and
below them their 指南, columns (at any depth) and report indexes, read in one query; items
are left out (a column may hold thousands), and so is anything not public. The search page
and the application form follow, as the other pages of the site.
"""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from disclosure.catalogue.models import CategoryPage, DisclosureGuidePage, DisclosureIndexPage
from disclosure.catalogue.visibility import public
from disclosure.reports.models import AnnualReportIndexPage
from gongkai.aliases import foreign_content_language, with_source_language
from gongkai.language_tags import language_tag
from gongkai.remembered_site import shows_the_site

BRANCH_TYPES = (DisclosureIndexPage, DisclosureGuidePage, CategoryPage, AnnualReportIndexPage)


@dataclass
class Branch:
    title: str
    url: str
    children: list = field(default_factory=list)
    # The `lang` of the title of an alias of a page in another language (gongkai/aliases.py).
    lang: str = ""


def column_tree(request, home):
    """The branches below `home`: each page under the nearest listed ancestor."""
    pages = with_source_language(
        public(Page.objects.descendant_of(home).type(*BRANCH_TYPES))
    ).order_by("path")
    by_path = {}
    top = []
    for page in pages:
        language = foreign_content_language(page)
        branch = Branch(
            page.title, page.get_url(request), lang=language_tag(language) if language else ""
        )
        parent = next(
            (
                by_path[page.path[:end]]
                for end in range(len(page.path) - Page.steplen, 0, -Page.steplen)
                if page.path[:end] in by_path
            ),
            None,
        )
        (parent.children if parent is not None else top).append(branch)
        by_path[page.path] = branch
    return top


@shows_the_site
def site_map(request):
    home = Site.find_for_request(request).root_page.localized  # shows_the_site: there is one
    branches = column_tree(request, home) if home.live else []
    others = [
        Branch(str(_("站内搜索")), reverse("search")),
        Branch(str(_("依申请公开")), reverse("applications:apply")),
        Branch(str(_("申请办理进度查询")), reverse("applications:status")),
    ]
    return render(
        request,
        "home/site_map.html",
        {"home": home, "branches": branches, "others": others},
    )
