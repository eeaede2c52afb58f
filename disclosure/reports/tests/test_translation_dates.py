"""A translated report shows its source's 发布日期 (docs/portal.md, "Dates of translations"):
the report is published once, by the organisation, in Chinese; an English version published
weeks later is a rendering of that document, not a new publication."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.factories import publish_fixture

from .factories import make_index, make_report

pytestmark = pytest.mark.django_db

PUBLISHED = timezone.make_aware(datetime.datetime(2023, 1, 18, 9))


@pytest.fixture
def translated_report():
    report = make_report(make_index(), 2022)
    Page.objects.filter(pk=report.pk).update(first_published_at=PUBLISHED)
    report.refresh_from_db()
    english = Locale.objects.get(language_code="en")
    index_copy = report.get_parent().specific
    root_copy = index_copy.get_parent().specific
    for page in (root_copy, index_copy):
        if not page.has_translation(english):
            publish_fixture(page.copy_for_translation(english, copy_parents=True))
    copy = publish_fixture(report.copy_for_translation(english))
    assert copy.first_published_at.date() == timezone.now().date()  # its own, today
    return report, copy


def test_the_translation_shows_its_sources_publication_date(client, translated_report):
    report, copy = translated_report
    html = client.get(copy.url).content.decode()
    assert 'class="annual-report__published" datetime="2023-01-18"' in html
    index_html = client.get(copy.get_parent().url).content.decode()
    assert 'datetime="2023-01-18"' in index_html
    # The source itself is unchanged.
    assert 'datetime="2023-01-18"' in client.get(report.url).content.decode()


def test_a_page_without_a_source_shows_its_own_date(client):
    report = make_report(make_index(), 2023)
    html = client.get(report.url).content.decode()
    assert f'datetime="{timezone.localdate(report.first_published_at):%Y-%m-%d}"' in html
