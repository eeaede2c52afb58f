"""The demo's reports carry their real 发布日期 (the January after their year, before a
township's Art. 49 deadline), not the day the demo was loaded; the page and the column show it."""

import datetime

from django.utils import timezone

from disclosure.reports.models import AnnualReportPage
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

PUBLISHED = {2022: datetime.date(2023, 1, 18), 2023: datetime.date(2024, 1, 23)}


def test_each_demo_report_was_published_in_the_january_after_its_year():
    reports = {page.year: page for page in AnnualReportPage.objects.live()}
    assert sorted(reports) == [2022, 2023]
    for year, page in reports.items():
        published = timezone.localdate(page.first_published_at)
        assert published == PUBLISHED[year]
        assert published < datetime.date(year + 1, 2, 1)  # the township deadline, 31 January
        assert published != timezone.localdate()


def test_the_report_page_and_the_column_show_the_publication_date(client):
    reports = AnnualReportPage.objects.live().order_by("year")
    for page in reports:
        html = client.get(page.url).content.decode()
        day = PUBLISHED[page.year].isoformat()
        assert f'<time class="annual-report__published" datetime="{day}">{day}</time>' in html
    column = client.get(reports[0].get_parent().url).content.decode()
    for day in PUBLISHED.values():
        assert f'<time datetime="{day.isoformat()}">' in column
