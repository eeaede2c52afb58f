"""Thousands of hostile GET requests across every public URL and its parameters: no 5xx.

Every family of public URL (home, disclosure roots, column listings and their filters, item and
report pages, feeds, the sitemap, search and its autocomplete, the API's pages and documents,
the application form and status page, each in Chinese and under /en/) gets requests whose
query strings hypothesis builds from hostile values: huge and negative integers, full-width and
other Unicode digits, NUL and control characters, very long strings, SQL and HTML fragments,
invalid UTF-8 percent-encodings and repeated parameters, mixed with valid values so that the
deeper code paths run too. The demo-like site is built once for the class, not per example.

The fuzz is `backend_independent`: CI runs it in the SQLite pass only (.ci/run). Where hostile
values reach the database (search, the API's filters, column filters, the application lookups)
each engine has its own limits: PostgreSQL refuses NUL characters and integers out of range,
SQLite's FTS5 and PostgreSQL's tsquery each parse their own syntax. Those limits are sent
once to every parameter that reaches the database, with no fuzz around them
(`test_engine_limits_reach_every_database_parameter`), in both passes.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.models import Page

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, DisclosureItemPage
from disclosure.reports.models import AnnualReportPage
from home.demo import load_demo
from tests.fixtures import celery_not_eager

WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE")
FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
EDGE_NUMBERS = [
    "0",
    "-0",
    "-1",
    "1",
    "１",
    "٣",
    "²",
    "99999",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999",
    "9" * 5000,
    "1e308",
    "NaN",
    "inf",
    "0x10",
    "1_000",
    " 7 ",
    "+3",
    "3.5",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "9999-99-99",
    "2022-13-45",
    "0001-01-01T00:00:00",
    "true",
    "null",
]
FRAGMENTS = [
    "'",
    '"',
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page;--",
    "1 UNION SELECT password FROM auth_user--",
    "%' AND 1=1 --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "${jndi:ldap://x/a}",
    "../../../../etc/passwd",
    "*",
    "-title",
    "random",
    "__str__",
    "id__gt",
    "pk",
    "\\",
    "NEAR(政府 公开)",
    '"政府',
    "AND OR NOT",
    "()",
    "[]",
    "[[[[[[[[",
    "政府" * 3,
]
BROKEN_ESCAPES = [
    "%",
    "%z",
    "%zz",
    "%ff",
    "%ff%fe",
    "%c0%80",
    "%c0%af",
    "%ed%a0%80",
    "%e4%b8",
    "%00",
]
# The values each database engine has a limit for (NUL, integers out of range, full-text query
# syntax), percent-encoded.
ENGINE_LIMITS = [
    "%00",
    quote("公\x00开", safe=""),
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999",
    quote('"政府', safe=""),
    quote("NEAR(政府 公开)", safe=""),
    quote("AND OR NOT", safe=""),
    "*",
]
SEARCH_PARAMETERS = ["q", "org", "column", "year", "domain", "validity", "sort", "page"]
API_PAGE_PARAMETERS = [
    "search",
    "search_operator",
    "offset",
    "limit",
    "type",
    "fields",
    "order",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
    "slug",
    "title",
    "id",
    "show_in_menus",
    "html_path",
    "format",
]
API_DOCUMENT_PARAMETERS = [
    "search",
    "offset",
    "limit",
    "fields",
    "order",
    "title",
    "id",
    "tags",
    "format",
]
COLUMN_PARAMETERS = ["year", "domain", "validity", "keyword", "page"]
APPLICATION_PARAMETERS = ["organisation", "tracking_number", "query_code"]
CONTROL = st.characters(codec="utf-8", max_codepoint=0x1F) | st.sampled_from(
    ["\x7f", "\u200b", "\ufeff", "\u202e", "\u2028", "\ud7ff", "\U0010ffff"]
)


def encoded(text):
    return quote(text, safe="")


def values(good=()):
    """Query-string values, already percent-encoded (so they can be invalid UTF-8)."""
    text_values = st.one_of(
        st.sampled_from(EDGE_NUMBERS),
        st.integers(-(10**30), 10**30).map(str),
        st.integers(0, 10**6).map(lambda n: str(n).translate(FULL_WIDTH)),
        st.text(CONTROL, min_size=1, max_size=8),
        st.builds(
            lambda piece, times: piece * times,
            st.sampled_from(["公", "a", "%", "<", " ", "\x00"]),
            st.integers(300, 20000),
        ),
        st.sampled_from(FRAGMENTS),
        st.text(max_size=20),
    )
    choices = [
        text_values.map(encoded),
        st.binary(min_size=1, max_size=8).map(lambda b: quote_from_bytes(b, safe="")),
        st.sampled_from(BROKEN_ESCAPES),
    ]
    if good:
        choices.append(st.sampled_from([encoded(str(v)) for v in good]))
    return st.one_of(*choices)


def query_strings(known, good):
    """key=value pairs: mostly the view's own parameters, sometimes others; names repeat."""
    name = st.one_of(
        st.sampled_from(known),
        st.sampled_from(known),
        st.sampled_from(["text", "contrast", "page", "format", "x", "q[]", "", "%ff"]),
        st.text(max_size=10).map(encoded),
    )
    pair = st.tuples(name, values(good))
    return st.lists(pair, min_size=1, max_size=5).map(
        lambda pairs: "&".join(f"{key}={value}" for key, value in pairs)
    )


class HostileRequests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(password="test-password", english=True)
        live = Page.objects.live().public()
        cls.ids = list(live.values_list("pk", flat=True))
        cls.document_ids = list(get_document_model().objects.values_list("pk", flat=True))
        cls.roots = urls(live.type(DisclosureIndexPage))
        cls.columns = urls(live.type(CategoryPage))
        cls.items = urls(live.type(*item_types()))
        cls.reports = urls(live.type(AnnualReportPage))
        cls.homes = ["/", "/en/"]
        cls.item_types = [f"{m._meta.app_label}.{m.__name__}" for m in item_types()]
        cls.item_fields = sorted(
            {f.name for m in item_types() for f in m._meta.concrete_fields} - {"page_ptr"}
        )

    def setUp(self):
        caches["pages"].clear()
        self.client.raise_request_exception = False
        self.sent = 0
        # Celery as in production: the search page queues its count and writes nothing.
        self.enterContext(celery_not_eager())

    def hammer(self, paths, known, good=(), examples=100, may_write=False):
        """Send `examples` requests to `paths` with hostile query strings; none may be a 5xx,
        and none may write to the database unless `may_write` (the application form's CAPTCHA)."""

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(path=st.sampled_from(paths), query=query_strings(known, good))
        def request(path, query):
            self.send(path, query, may_write)

        request()
        # Every example ran a request (hypothesis did not stop early).
        assert self.sent >= examples, self.sent

    def send(self, path, query, may_write=False):
        """One GET: no 5xx, and no write to the database unless `may_write`."""
        # A path may carry fixed parameters (e.g. ?type=…) for the hostile ones to follow.
        path, _, fixed = path.partition("?")
        query = "&".join(part for part in (fixed, query) if part)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, QUERY_STRING=query)
        self.sent += 1
        url = f"{path}?{query[:300]}"
        assert response.status_code < 500, f"{response.status_code} for {url}"
        if not may_write:
            assert not writes(queries), f"{url} wrote: {writes(queries)[:1]}"

    def test_engine_limits_reach_every_database_parameter(self):
        families = [
            (["/search/"], SEARCH_PARAMETERS, False),
            (["/search/autocomplete/"], ["q"], False),
            (["/api/v2/pages/"], [*API_PAGE_PARAMETERS, *self.item_fields[:3]], False),
            (["/api/v2/documents/"], API_DOCUMENT_PARAMETERS, False),
            (self.columns[:1], COLUMN_PARAMETERS, False),
            (["/apply/", "/apply/status/"], APPLICATION_PARAMETERS, True),
        ]
        for paths, parameters, may_write in families:
            for path in paths:
                for name in parameters:
                    for value in ENGINE_LIMITS:
                        self.send(path, f"{name}={value}", may_write)
        assert self.sent >= len(ENGINE_LIMITS) * 40

    def both_languages(self, paths):
        return [*paths, *(f"/en{path}" for path in paths)]

    @pytest.mark.backend_independent
    def test_search_page(self):
        self.hammer(
            self.both_languages(["/search/"]),
            SEARCH_PARAMETERS,
            good=["政府", "公开", "预算", "2022", "date", "valid", "abolished", *self.ids[:5]],
            examples=450,
        )

    @pytest.mark.backend_independent
    def test_search_autocomplete(self):
        self.hammer(
            self.both_languages(["/search/autocomplete/"]), ["q"], good=["政府", "预"], examples=150
        )

    @pytest.mark.backend_independent
    def test_api_pages(self):
        ids = [str(pk) for pk in self.ids[:4]]
        self.hammer(
            [
                "/api/v2/pages/",
                *(f"/api/v2/pages/?type={name}" for name in self.item_types),
                *(f"/api/v2/pages/{pk}/" for pk in ids[:2]),
                "/api/v2/pages/find/",
                "/api/v2/pages/99999999999999999999/",
            ],
            [*API_PAGE_PARAMETERS, *self.item_fields],
            good=[
                *ids,
                "公开",
                "and",
                "or",
                "zh-hans",
                "en",
                "*",
                "_",
                "-title",
                "id",
                "title",
                "body(*)",
                *self.item_types,
                "catalogue.CategoryPage",
                "wagtailcore.Page",
                "/xxgk/",
                "true",
                "json",
                "api",
            ],
            examples=450,
        )

    @pytest.mark.backend_independent
    def test_api_documents(self):
        ids = [str(pk) for pk in self.document_ids[:2]]
        self.hammer(
            ["/api/v2/documents/", *(f"/api/v2/documents/{pk}/" for pk in ids)],
            API_DOCUMENT_PARAMETERS,
            good=[*ids, "公开", "*", "-title", "title", "download_url", "random"],
            examples=200,
        )

    @pytest.mark.backend_independent
    def test_home_roots_and_sitemap(self):
        self.hammer(
            [*self.homes, *self.roots, "/sitemap.xml"],
            ["p", "text", "contrast", "page"],
            good=["1", "2", "0"],
            examples=150,
        )

    @pytest.mark.backend_independent
    def test_column_listings(self):
        self.hammer(
            self.columns,
            COLUMN_PARAMETERS,
            good=["2022", "2023", "current", "valid", "abolished", "预算", "1", "2"],
            examples=300,
        )

    @pytest.mark.backend_independent
    def test_item_and_report_pages(self):
        reports = [*self.reports, *(f"{url}xlsx/" for url in self.reports[:1])]
        self.hammer(self.items + reports, ["page", "text", "format"], examples=150)

    @pytest.mark.backend_independent
    def test_feeds(self):
        feeds = [f"{url}rss/" for url in self.roots + self.columns[:3]]
        self.hammer(feeds, ["page", "format", "type"], examples=100)

    @pytest.mark.backend_independent
    def test_application_form_and_status(self):
        self.hammer(
            self.both_languages(["/apply/", "/apply/status/"]),
            APPLICATION_PARAMETERS,
            good=["1", "2"],
            examples=100,
            may_write=True,
        )


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITE_STATEMENTS)]


def item_types():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, DisclosureItemPage) and not model._meta.abstract
    ]


def urls(pages):
    return sorted(page.url for page in pages.specific() if page.url)
