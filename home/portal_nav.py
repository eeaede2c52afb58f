"""The standard 政府信息公开 navigation: which of an organisation's pages each entry opens.

County portals show the same five entries on every disclosure page (docs/portal.md). Here they
are found in the tree, never configured: the organisation's disclosure root (法定主动公开内容, its
catalogue), its 指南 page, a column titled …制度, its annual-report index and the 依申请公开 form.
An entry whose page does not exist is left out rather than linking somewhere else.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from disclosure.catalogue.models import CategoryPage, DisclosureGuidePage, DisclosureIndexPage
from disclosure.reports.models import AnnualReportIndexPage

RULES_TITLE_MARK = "制度"


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class PortalNav:
    root: DisclosureIndexPage
    entries: list

    @property
    def by_key(self):
        """Entries by key, for templates: `nav.by_key.guide`."""
        return {entry.key: entry for entry in self.entries}


def disclosure_root_of(page):
    """The organisation root at or above `page`, without a query when the page already read
    its ancestors (catalogue items and columns, models/tree.py)."""
    if isinstance(page, DisclosureIndexPage):
        return page
    if hasattr(page, "ancestor_pages"):
        for ancestor in reversed(page.ancestor_pages):
            root = getattr(ancestor, "disclosureindexpage", None)
            if root is not None:
                return root
        return None
    if page.depth <= 2:
        return None
    return (
        DisclosureIndexPage.objects.ancestor_of(page)
        .select_related("organisation")
        .order_by("-depth")
        .first()
    )


def site_root(request, home):
    """The root a page outside any organisation's section (home, search, the form) shows: the
    one of the home page's organisation, else the first, in the language being read."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:  # a site with no content yet: its error pages still render
        return None
    roots = (
        DisclosureIndexPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("organisation")
        .order_by("path")
    )
    organisation_id = getattr(home, "organisation_id", None)
    if organisation_id:
        own = roots.filter(organisation_id=organisation_id).first()
        if own is not None:
            return own
    return roots.first()


def portal_nav(request, page=None):
    """The navigation for this request, computed once (the header and the home page share it)."""
    cached = getattr(request, "_portal_nav", None)
    if cached is not None and cached[0] is page:
        return cached[1]
    root = disclosure_root_of(page) if page is not None else None
    if root is None:
        root = site_root(request, page)
    nav = build(request, root, page) if root is not None else None
    request._portal_nav = (page, nav)
    return nav


def build(request, root, current):
    children = list(Page.objects.child_of(root).live().public().order_by("path"))
    current_path = current.path if current is not None else ""

    def entry(key, label, target):
        return NavEntry(key, label, target.get_url(request), current_path.startswith(target.path))

    def first(kind, title_mark=None):
        return next(
            (
                child
                for child in children
                if issubclass(child.specific_class, kind)
                and (title_mark is None or title_mark in child.title)
            ),
            None,
        )

    entries = []
    guide = first(DisclosureGuidePage)
    if guide is not None:
        entries.append(entry("guide", _("政府信息公开指南"), guide))
    rules = first(CategoryPage, RULES_TITLE_MARK)
    if rules is not None:
        entries.append(entry("rules", _("政府信息公开制度"), rules))
    reports = first(AnnualReportIndexPage)
    if reports is not None:
        entries.append(entry("reports", _("政府信息公开年报"), reports))
    apply_url = f"{reverse('applications:apply')}?organisation={root.organisation_id}"
    entries.append(
        NavEntry("apply", _("依申请公开"), apply_url, request.path == reverse("applications:apply"))
    )
    # 法定主动公开内容 is the catalogue: current anywhere in the section no other entry claims.
    in_section = current_path.startswith(root.path) and not any(e.current for e in entries)
    catalogue = NavEntry("catalogue", _("法定主动公开内容"), root.get_url(request), in_section)
    entries.insert(2 if rules is not None else (1 if guide is not None else 0), catalogue)
    return PortalNav(root, entries)
