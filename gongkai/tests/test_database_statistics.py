"""The beat has SQLite measure its tables, so that its planner picks the selective index."""

import pytest
from django.db import connection
from wagtail.models import Page

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.catalogue.tests.fixtures import category, disclosure_root, organisation
from gongkai.tasks import refresh_database_statistics

__all__ = ["category", "disclosure_root", "organisation"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum analyses"),
]


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(row[-1] for row in cursor.fetchall())


def test_a_years_pages_are_found_through_the_publication_date_once_measured(category):
    for number in range(20):
        DisclosureDocumentPageFactory(parent=category, title=f"公告{number}")
    year = Page.objects.live().filter(locale_id=category.locale_id, first_published_at__year=2020)
    assert "first_published_at" not in plan(year)  # the locale's index: every page

    refresh_database_statistics.apply().get()

    assert "first_published_at" in plan(year)
