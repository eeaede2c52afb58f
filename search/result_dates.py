"""The 发布日期 a search result shows, and the order 按发布日期 lists results in.

A result shows the page's publication date (`gongkai.languages.publication_dates`: a translation
shows its Chinese source's), except on pages that have none to show: the catalogue's roots and
columns and the home pages, published the day a site was set up. Sorting by date orders by
the date shown, newest first, and lists the pages that show none after every dated one: a
citizen sorting by date wants the newest documents, not the columns a site was set up with.

The database backends order the caller's queryset in SQL (`by_shown_date`); the search engines
cannot, so each engine document carries the same two values (`document_fields`) and the engine
sorts on them (`engine_sort`, search/backends/engines.py).
"""

import datetime

from django.db.models import BooleanField, Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page

from disclosure.catalogue.columns import column_types
from disclosure.catalogue.models import DisclosureIndexPage
from gongkai.languages.locales import serving_source_language
from gongkai.languages.publication_dates import publication_date
from gongkai.params import YEARS, year_in_range
from search.embedded_sql import compiled_sql

# A site's home page, in every language, sits at this depth (below the tree's root).
HOME_DEPTH = 2

# The two sort keys, as queryset aliases (database backends) and engine document fields.
UNDATED = "result_undated"
SHOWN_DATE = "result_date"
# 按发布日期: pages showing a date first, newest first; then the undated ones.
ORDER = (UNDATED, f"-{SHOWN_DATE}", "-pk")


def undated_types():
    """Page types whose first publication is no 发布日期: the catalogue's roots and columns,
    published the day a site was set up (as the home pages are: `is_undated`). Results show
    them without a date, and the year filter does not offer a year that only they were
    published in."""
    return [DisclosureIndexPage, *column_types()]


def is_undated(page):
    return page.depth == HOME_DEPTH or isinstance(page, tuple(undated_types()))


def dated_pages(pages):
    return pages.not_type(*undated_types()).exclude(depth=HOME_DEPTH)


def shown_date(page):
    """The date a result shows for a page, or None when it shows none."""
    return None if is_undated(page) else publication_date(page)


def shown_date_expression():
    """`publication_date` in SQL: a page's own first publication on the Chinese site; on a
    translation's site its Chinese source's, if it has one (a subquery per page, which only the
    other languages' smaller sites pay)."""
    if serving_source_language():
        return F("first_published_at")
    source = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale=Locale.get_default(),
        first_published_at__isnull=False,
    ).values("first_published_at")[:1]
    return Coalesce(Subquery(source), F("first_published_at"))


def with_shown_date(pages):
    """`pages` with their shown date as the alias `SHOWN_DATE`: on the Chinese site the column
    itself (its index serves a range or an order), elsewhere `shown_date_expression`'s
    subquery."""
    return pages.alias(**{SHOWN_DATE: shown_date_expression()})


def selecting_shown_date(pages):
    """`pages` selecting their shown date as `SHOWN_DATE`, for a caller that reads it
    (`views.publication_years`). An alias (`with_shown_date`) cannot be selected, and promoting
    one with annotate(F(…)) repeats the expression in the ordering: on a translation's site the
    source's subquery ran twice a row where the annotation's ORDER BY 1 runs it once. Filters
    and orderings that only compare the date use the alias, which adds no column to a queryset
    a search backend or a pk__in subquery reads."""
    return pages.annotate(**{SHOWN_DATE: shown_date_expression()})


def year_bounds(year):
    """[start, end) of `year` in the site's time zone. A year outside `YEARS` (3000, 1800,
    99999: no datetime bounds some of them) is an empty range, [1900-01-01, 1900-01-01): the
    filter stays one on the shown date, which every backend compiles, and keeps nothing."""
    if not year_in_range(year):
        start = timezone.make_aware(datetime.datetime(YEARS[0], 1, 1))
        return start, start
    return tuple(timezone.make_aware(datetime.datetime(y, 1, 1)) for y in (year, year + 1))


def shown_in_year(pages, year):
    """The dated pages of `pages` whose shown date falls in `year` (site time zone).

    On a translation's site the date shown is its source's: the pages are named by key through
    a subquery, which the database backends run as part of the search and the engines read
    into a list of keys (they cannot filter on an annotation). The Chinese site filters on the
    date's column, which the engines compile to a range of their own."""
    start, end = year_bounds(year)
    dated = dated_pages(pages)
    within = {f"{SHOWN_DATE}__gte": start, f"{SHOWN_DATE}__lt": end}
    in_year = with_shown_date(dated).filter(**within)
    return in_year if serving_source_language() else dated.filter(pk__in=in_year.values("pk"))


def by_shown_date(pages):
    """`pages` in the order of 按发布日期 (`ORDER`)."""
    undated = (
        Q(depth=HOME_DEPTH) | pages.type_q(*undated_types()) | Q(first_published_at__isnull=True)
    )
    return pages.alias(
        **{
            UNDATED: Case(
                When(undated, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            SHOWN_DATE: shown_date_expression(),
        }
    ).order_by(*ORDER)


def ordered_by_shown_date(queryset) -> bool:
    return tuple(queryset.query.order_by) == ORDER


def dated_newest_first(queryset) -> tuple[str, list] | None:
    """(sql, params) of the pks of the dated part of a queryset ordered by `ORDER`, in that
    order; None for any other queryset, and on a translation's site, whose shown date is its
    source's (no index serves it).

    The statement walks the index of `first_published_at` and checks each page against the
    queryset by key (EXISTS): the queryset's own query of its dated pages, sorted, had
    SQLite (which keeps no statistics unless asked) read every page of the locale through the
    locale's index and sort them, 90 ms at 100,000 pages."""
    if not ordered_by_shown_date(queryset) or not serving_source_language():
        return None
    page = Page._meta.db_table
    dated = dated_pages(queryset).filter(first_published_at__isnull=False)
    compiled = compiled_sql(dated.order_by().filter(pk=RawSQL("p.id", [])).values("pk"))
    if compiled is None:
        return None
    sql, params = compiled
    return (
        f"SELECT p.id FROM {page} AS p WHERE p.first_published_at IS NOT NULL"
        f" AND EXISTS ({sql}) ORDER BY p.first_published_at DESC, p.id DESC",
        params,
    )


def document_fields(obj) -> dict:
    """The sort keys an engine document of a page carries (none for other objects)."""
    if not isinstance(obj, Page):
        return {}
    date = shown_date(obj)
    return {UNDATED: date is None, SHOWN_DATE: date.isoformat() if date else None}


MAPPING = {UNDATED: {"type": "boolean"}, SHOWN_DATE: {"type": "date"}}


def engine_sort(id_column: str) -> list:
    """`ORDER` as an engine's sort. An index built before these fields existed sorts as if every
    page were dated and had no date (`unmapped_type`) until `update_index` rebuilds it."""
    return [
        {UNDATED: {"order": "asc", "unmapped_type": "boolean"}},
        {SHOWN_DATE: {"order": "desc", "missing": "_last", "unmapped_type": "date"}},
        {id_column: {"order": "desc"}},
    ]
