"""The standard 政府信息公开 navigation: which of an organisation's pages each entry opens.

County portals show the same five entries on every disclosure page (docs/portal.md). Here they
are found in the tree, never configured: the organisation's disclosure root (法定主动公开内容, its
catalogue), its 指南 page, its 制度 column, its annual reports and the 依申请公开 form.
An entry whose page does not exist is left out rather than linking somewhere else.

Offices name and place these columns as their old sites did: a county bureau keeps 公开制度 and
政府信息公开年报 one level down under a 政府信息公开 column, as ordinary columns of documents;
some are known only by the slugs county sites use (gkzd, ndbg). So the 制度 and 年报 entries
look at the columns down to COLUMN_DEPTH levels below the root, by title or slug, the
shallowest first and, at one depth, a title naming 公开 first (财务管理制度 is no disclosure
rule); the 年报 entry prefers the report index page (AnnualReportIndexPage) wherever it is.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from disclosure.catalogue.models import CategoryPage, DisclosureGuidePage, DisclosureIndexPage
from disclosure.catalogue.roots import disclosure_root_of
from disclosure.catalogue.visibility import public
from disclosure.reports.models import AnnualReportIndexPage
from gongkai.page_cache import remember_while_site_unchanged
from gongkai.remembered_site import rebuilt, row_values

# How far below the root the 制度 and 年报 columns may sit (root → 政府信息公开 → 公开制度).
COLUMN_DEPTH = 2
RULES_TITLE_MARKS = ("制度",)
RULES_SLUGS = frozenset({"zd", "gkzd", "xxgkzd", "zfxxgkzd", "rules"})
REPORTS_TITLE_MARKS = ("年报", "年度报告")
REPORTS_SLUGS = frozenset({"nb", "ndbg", "gknb", "xxgknb", "zfxxgknb", "reports", "annual-reports"})
DISCLOSURE_MARK = "公开"


@dataclass(frozen=True)
class ColumnRule:
    """Which column an entry opens: a title holding one of the marks, or one of the slugs."""

    title_marks: tuple
    slugs: frozenset

    def matches(self, page) -> bool:
        return page.slug in self.slugs or any(mark in page.title for mark in self.title_marks)


RULES = ColumnRule(RULES_TITLE_MARKS, RULES_SLUGS)
REPORTS = ColumnRule(REPORTS_TITLE_MARKS, REPORTS_SLUGS)


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


def site_root(request, home):
    """The root a page outside any organisation's section (home, search, the form) shows: the
    one of the home page's organisation, else the first, in the language being read. Roots,
    organisations and view restrictions change only by what renews the site's page-cache
    token: kept in each process under it (at 100,000 pages SQLite took 20 ms to find it)."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:  # a site with no content yet: its error pages still render
        return None
    organisation_id = getattr(home, "organisation_id", None)
    values = remember_while_site_unchanged(
        request,
        ("site root", locale.pk, organisation_id),
        lambda: _site_root_values(locale, organisation_id),
    )
    return rebuilt(values) if values is not None else None


def _site_root_values(locale, organisation_id):
    roots = (
        DisclosureIndexPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("organisation")
        .order_by("path")
    )
    root = None
    if organisation_id:
        root = roots.filter(organisation_id=organisation_id).first()
    if root is None:
        root = roots.first()
    return row_values(root, related=["organisation"]) if root is not None else None


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


def section_pages(root):
    """The live, public guide, columns and report indexes down to COLUMN_DEPTH levels below
    the root, shallowest first (items are left out: a column may hold thousands)."""
    return list(
        public(
            Page.objects.descendant_of(root)
            .filter(depth__lte=root.depth + COLUMN_DEPTH)
            .type(DisclosureGuidePage, CategoryPage, AnnualReportIndexPage)
        ).order_by("depth", "path")
    )


def first_of_type(pages, kind):
    return next((page for page in pages if issubclass(page.specific_class, kind)), None)


def first_column(pages, rule):
    """The shallowest column the rule matches; at one depth, a title naming 公开 first."""
    columns = [p for p in pages if issubclass(p.specific_class, CategoryPage) and rule.matches(p)]
    columns.sort(key=lambda page: (page.depth, DISCLOSURE_MARK not in page.title))
    return columns[0] if columns else None


def build(request, root, current):
    # The section's columns change only by site-wide changes (columns, roots, moves, view
    # restrictions renew the site's page-cache token): one query per process and change, not
    # one per rendering (docs/performance.md).
    pages = remember_while_site_unchanged(
        request, ("portal-nav", root.pk), lambda: section_pages(root)
    )
    current_path = current.path if current is not None else ""

    def entry(key, label, target):
        return NavEntry(key, label, target.get_url(request), current_path.startswith(target.path))

    entries = []
    guide = first_of_type(pages, DisclosureGuidePage)
    if guide is not None:
        entries.append(entry("guide", _("政府信息公开指南"), guide))
    rules = first_column(pages, RULES)
    if rules is not None:
        entries.append(entry("rules", _("政府信息公开制度"), rules))
    reports = first_of_type(pages, AnnualReportIndexPage) or first_column(pages, REPORTS)
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
