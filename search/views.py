"""The public search page and its title autocomplete: only live, public pages."""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from disclosure.catalogue.columns import column_types
from disclosure.catalogue.models import DisclosureIndexPage, Domain, item_page_models
from disclosure.catalogue.models.items_base import Validity
from disclosure.catalogue.models.organisations import english_name
from disclosure.catalogue.roots import deepest_root_among
from gongkai.aliases import foreign_aliases
from gongkai.languages.locales import serving_source_language
from gongkai.page_cache import remember_until_publication, remember_while_site_unchanged
from gongkai.params import YEARS, chosen_year, object_id, requested_page, year_in_range
from gongkai.remembered_site import rebuilt, row_values, shows_the_site
from search import highlight, recording, retries
from search.did_you_mean import did_you_mean
from search.query import ExpandedQuery, expand
from search.result_dates import (
    SHOWN_DATE,
    by_shown_date,
    dated_pages,
    is_undated,
    selecting_shown_date,
    shown_in_year,
)
from search.result_text import result_text
from search.suggestions import suggestions

RESULTS_PER_PAGE = 10
# The page counts at most this many results and pages through them only: past it it says
# 超过 1000 条. Counting every match of a common word took seconds at 100,000 pages
# (docs/search.md, "How many results").
COUNT_CAP = 1000
AUTOCOMPLETE_LIMIT = 8
SORTS = {"relevance": _("按相关度"), "date": _("按发布日期")}


def public_pages():
    """Every page a citizen may see in the current language: live, without view restrictions.

    Expired pages are left out by live(): Wagtail unpublishes a page when it expires (beat runs
    publish_scheduled every minute). Filtering on `expired` itself would break the search
    engines, which only filter on Page's declared filter fields.
    """
    pages = Page.objects.live().public().exclude(depth=1)
    return pages.filter(locale=Locale.get_active())


def own_content(pages):
    """`pages` but the aliases of pages in another language (gongkai/aliases.py): the English
    site's way to its translated items, Chinese content the search does not offer as a result.
    The filters still offer them: an organisation is chosen by its alias."""
    return pages.exclude(pk__in=foreign_aliases())


def items_where(**lookups):
    """Pages of any item type matching the lookups, as one condition on a Page queryset."""
    condition = Q(pk__in=[])
    for model in item_page_models():
        condition |= Q(pk__in=model.objects.filter(**lookups).values("pk"))
    return condition


def chosen(queryset, value):
    """The object the URL names by primary key, if it is in `queryset`; junk names none."""
    pk = object_id(value)
    return queryset.filter(pk=pk).first() if pk is not None else None


@dataclass
class Filters:
    organisation: DisclosureIndexPage | None = None
    column: Page | None = None
    year: int | None = None
    domain: Domain | None = None
    validity: str = ""
    sort: str = "relevance"

    @classmethod
    def from_request(cls, request, pages=None):
        pages = public_pages() if pages is None else pages
        organisations = pages.type(DisclosureIndexPage)
        columns = pages.type(*column_types())
        return cls(
            organisation=chosen(organisations, request.GET.get("org")),
            column=chosen(columns, request.GET.get("column")),
            year=chosen_year(request.GET.get("year")),
            domain=chosen(Domain.objects.all(), request.GET.get("domain")),
            validity=request.GET.get("validity") if request.GET.get("validity") in Validity else "",
            sort=request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance",
        )

    @property
    def active(self):
        chosen = self.organisation or self.column or self.domain or self.validity
        return bool(chosen) or self.year is not None

    @property
    def year_out_of_range(self):
        """A year chosen that no page can be in (3000): it stays chosen, finds nothing, and
        the page says why (`shown_in_year` keeps nothing for it)."""
        return self.year is not None and not year_in_range(self.year)

    def apply(self, pages):
        if self.organisation:
            pages = pages.descendant_of(self.organisation, inclusive=True)
        if self.column:
            pages = pages.descendant_of(self.column, inclusive=True)
        if self.year is not None:  # that year's documents, not the columns set up in it
            pages = shown_in_year(pages, self.year)
        if self.domain:
            pages = pages.filter(items_where(domain=self.domain))
        if self.validity:
            pages = pages.filter(items_where(validity=self.validity))
        return pages


def organisation_roots_among(pages):
    """Path -> DisclosureIndexPage among `pages`, in tree order: the organisation filter's
    choices, and each result's publishing organisation."""
    # specific() would drop select_related and read each root's organisation on its own.
    ids = pages.type(DisclosureIndexPage).values_list("pk", flat=True)
    roots = DisclosureIndexPage.objects.filter(pk__in=list(ids)).select_related("organisation")
    return {root.path: root for root in roots.order_by("path")}


def column_groups(pages, roots):
    """The 栏目 filter's choices, [(root, [(column, label), …])] in tree order: grouped under
    their organisation, since two organisations may each have a 规范性文件. The group's label
    is not read out or shown by every phone's list, so a title two organisations share is
    labelled with its organisation too: 规范性文件（县政府办）."""
    groups = {path: (root, []) for path, root in roots.items()}
    for column in pages.type(*column_types()).filter(depth__lte=5).order_by("path"):
        # Its organisation is the nearest root above it: a look-up per level, not a scan of
        # every root (300 of them on a county platform, for each of its columns).
        above = (column.path[:end] for end in range(len(column.path), 0, -Page.steplen))
        group = next((groups[path] for path in above if path in groups), None)
        if group is not None:
            group[1].append(column)
    titles = Counter(column.title for _root, columns in groups.values() for column in columns)
    return [
        (
            root,
            [(column, column_label(column, root, titles[column.title] > 1)) for column in columns],
        )
        for root, columns in groups.values()
        if columns
    ]


def filter_choices(request, pages):
    """(organisation_roots_among(pages), column_groups(pages, roots)), kept in each process
    under the site's token: roots and columns change only by what renews it, and at 300
    organisations building them took 160 ms of every search page. Kept as values; each
    request gets instances of its own."""
    key = ("search filter choices", translation.get_language())
    root_rows, group_rows = remember_while_site_unchanged(
        request, key, lambda: _filter_choice_rows(pages)
    )
    roots = {root.path: root for root in map(rebuilt, root_rows)}
    groups = [
        (roots[path], [(rebuilt(column_row), label) for column_row, label in columns])
        for path, columns in group_rows
    ]
    return roots, groups


def _filter_choice_rows(pages):
    roots = organisation_roots_among(pages)
    root_rows = [row_values(root, related=["organisation"]) for root in roots.values()]
    group_rows = [
        (root.path, [(row_values(column), str(label)) for column, label in columns])
        for root, columns in column_groups(pages, roots)
    ]
    return root_rows, group_rows


def column_label(column, root, shared):
    """A column's title, with its organisation's short name (English name on /en/) when
    another organisation has a column of the same title."""
    organisation = root.organisation
    if not shared or organisation is None:
        return column.title
    name = english_name(organisation.name_en, organisation.short_name or organisation.name)
    return _("%(column)s（%(organisation)s）") % {"column": column.title, "organisation": name}


def publication_years(pages):
    """The years (site time zone) of the dates `pages` show (result_dates.py), newest first.

    One index probe per year — the newest page published before the year found last — instead
    of truncating the date of every page (a full scan: 100,000 calls of SQLite's date function).
    """
    years = []
    before = None
    dates = selecting_shown_date(pages)
    dates = dates.filter(**{f"{SHOWN_DATE}__isnull": False})
    while True:
        older = dates if before is None else dates.filter(**{f"{SHOWN_DATE}__lt": before})
        latest = older.order_by(f"-{SHOWN_DATE}").values_list(SHOWN_DATE, flat=True).first()
        if latest is None:
            return years
        year = timezone.localtime(latest).year
        years.append(year)
        if year == datetime.MINYEAR:  # nothing is older (and no datetime before it exists)
            return years
        before = timezone.make_aware(datetime.datetime(year, 1, 1))


def cached_publication_years(pages):
    """publication_years(pages), computed once per change to the public pages (a publication,
    an unpublication, a move, a view restriction: gongkai/page_cache.py) and shared by every
    process. Keyed by the queryset's SQL, which holds the locale and the restricted paths."""
    sql, params = pages.query.sql_with_params()
    key = "search-years:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    return remember_until_publication(
        key, lambda: publication_years(pages), settings.PAGE_CACHE_SECONDS
    )


def year_choices(years, chosen_year):
    """The years offered, with the one the URL chose even if no page shows it (?year=1900):
    the filter is applied, so the drop-down must say so rather than show 全部年份."""
    if chosen_year is None or chosen_year in years:
        return years
    return sorted([*years, chosen_year], reverse=True)


def run_search(pages, expanded: ExpandedQuery, filters: Filters):
    # The results as their specific pages: result_rows needs their own fields.
    pages = filters.apply(pages).specific()
    if filters.sort == "date":
        return by_shown_date(pages).search(expanded.search_query, order_by_relevance=False)
    return pages.search(expanded.search_query)


def first_finding(pages, expanded: ExpandedQuery, filters: Filters, number):
    """(query, page of results) of the query as typed or, when it finds nothing, of the first
    retry that finds a page (search/retries.py); the query as typed and its empty page when
    none does. A retry is built and run only after the previous query found nothing."""
    first = None
    for attempt in retries.attempts(expanded):
        page = paginate(run_search(pages, attempt, filters), number)
        if page.paginator.count:
            return attempt, page
        first = first or (attempt, page)
    return first


def filtered_listing(pages, filters):
    """The dated pages (items, reports, guides) the filters keep, newest first."""
    kept = filters.apply(pages)
    if filters.year is None:  # the year filter keeps dated pages only already (shown_in_year)
        kept = dated_pages(kept)
    return by_shown_date(kept).specific()


def result_rows(request, pages, terms, roots):
    """The results as the template shows them, read in a fixed number of queries: the pages
    are specific already (`run_search`, `filtered_listing`: one query per page type), their
    parents (columns) in one. `terms` are marked."""
    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    # An unpublished column is not named under its live items (its title is not public), nor
    # the tree's root (根目录, Wagtail's own) under a site's home page.
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in=parent_paths, live=True, depth__gt=1)
    }
    rows = []
    for page in pages:
        body = result_text(request, page)
        root = deepest_root_among(page, roots)
        rows.append(
            {
                "page": page,
                "title": highlight.mark(page.title, terms),
                "snippet": highlight.snippet(body, terms) if body else "",
                "organisation": root.organisation if root else None,
                "parent": parents.get(page.path[: -Page.steplen]),
                "dated": not is_undated(page),
            }
        )
    return rows


class CappedResults:
    """Search results as the paginator sees them: at most `cap` of them. They are counted up
    to cap + 1 (a LIMITed count on the database backends, which stops there), so that the page
    can tell "exactly 1000" from "more than 1000"."""

    def __init__(self, results, cap):
        self.results = results
        self.cap = cap

    @cached_property
    def _found(self):
        count_up_to = getattr(self.results, "count_up_to", None)
        if count_up_to is not None:
            return count_up_to(self.cap + 1)
        # The engines count from their index (a count request, no rows read).
        return min(self.results.count(), self.cap + 1)

    @property
    def capped(self):
        return self._found > self.cap

    def count(self):
        return min(self._found, self.cap)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        return self.results[key]


def paginate(results, number):
    return requested_page(Paginator(CappedResults(results, COUNT_CAP), RESULTS_PER_PAGE), number)


def editors_picks(pages, query_text):
    """Pages the editors promoted for this search (read only: nothing is created here)."""
    # PostgreSQL refuses NUL in text: a query holding one matches no promoted search anyway.
    query_string = normalise_query_string(query_text.replace("\x00", ""))
    query = Query.objects.filter(query_string=query_string).first()
    if query is None:
        return []
    return [
        pick.page.specific
        for pick in query.editors_picks.select_related("page")
        if pick.page_id and pages.filter(pk=pick.page_id).exists()
    ]


def source_language_search(query_text):
    """From a page in another language, the same words searched among the Chinese pages: most
    of a catalogue exists in Chinese only, so an English search finding nothing says little.
    None on the Chinese site itself."""
    if serving_source_language():
        return None
    with translation.override(settings.LANGUAGE_CODE):
        return f"{reverse('search')}?{urlencode({'q': query_text})}"


@shows_the_site
def search(request):
    query_text = " ".join(request.GET.get("q", "").split())
    expanded = expand(query_text)
    # One queryset for the whole page: public() reads the view restrictions when it is built.
    pages = public_pages()
    filters = Filters.from_request(request, pages)
    roots, groups = filter_choices(request, pages)
    pages = own_content(pages)  # the filters above choose by aliases; no result is one
    context = {
        "search_query": query_text,
        "filters": filters,
        "sorts": SORTS,
        "organisations": list(roots.values()),
        "column_groups": groups,
        "domains": Domain.objects.all(),
        "validities": Validity.choices,
        "years": year_choices(cached_publication_years(dated_pages(pages)), filters.year),
        "year_range": YEARS,
        "search_results": None,
        "rows": [],
        "picks": [],
        "suggestions": [],
        "did_you_mean": [],
    }
    if expanded is not None:
        searched, page = first_finding(pages, expanded, filters, request.GET.get("page", 1))
        context["expanded"] = searched
        context["search_results"] = page
        context["count_capped"] = page.paginator.object_list.capped
        context["count_cap"] = COUNT_CAP
        context["rows"] = result_rows(request, page.object_list, searched.highlight_terms, roots)
        if page.number == 1:
            recording.record(query_text)
            context["picks"] = editors_picks(pages, query_text)
        # On a translation's site, found or not: most pages exist in Chinese only.
        context["source_language_search"] = source_language_search(query_text)
        if searched is not expanded or not page.paginator.count:
            # The words as typed found nothing: a mistyping (低保申清) is offered its spelling
            # even when a retry on part of the words found pages.
            context["did_you_mean"] = did_you_mean(pages, query_text)
        if not page.paginator.count:
            context["suggestions"] = suggestions(pages, expanded.words)
    elif filters.active:
        # Nothing typed but a filter chosen (a subject, a column…): what the filter keeps,
        # newest first, as a listing rather than an empty page.
        page = paginate(filtered_listing(pages, filters), request.GET.get("page", 1))
        context["search_results"] = page
        context["count_capped"] = page.paginator.object_list.capped
        context["count_cap"] = COUNT_CAP
        context["rows"] = result_rows(request, page.object_list, [], roots)
    elif query_text:
        context["suggestions"] = suggestions(pages)
    return TemplateResponse(request, "search/search.html", context)


def autocomplete(request):
    """Titles of public pages containing what was typed, as JSON: [{"title", "url"}]."""
    expanded = expand(" ".join(request.GET.get("q", "").split()))
    items = []
    if expanded is not None:
        for page in own_content(public_pages()).autocomplete(expanded.search_query)[
            :AUTOCOMPLETE_LIMIT
        ]:
            items.append({"title": page.title, "url": page.get_url(request)})
    return JsonResponse({"results": items}, json_dumps_params={"ensure_ascii": False})
