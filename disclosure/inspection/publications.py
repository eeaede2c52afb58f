"""When an item was first published, as the inspection trusts it.

The page row's first_published_at is one column of one table: a script can move it (and
last_published_at, and the 发布日期) by SQL, with no revision, and make a column look stale or
fresh. Wagtail writes a `wagtail.publish` entry to its publication log (PageLogEntry, another
table) in the same transaction as every publication, imports and the demo included. So:

- the moment an item was first published is its earliest `wagtail.publish` entry;
- except that an item that records an earlier publication it came with (an import's old-site
  date, the demo: catalogue's PublicationDateSource) dates from that earlier publication, never
  from later than the log;
- a live page without any entry has no evidence of when it was published: its row's dates are
  editable by SQL like any other column, and deleting its log entries must not make them trusted
  again. It updates no column and no home page, and the inspection names it (发布记录缺失,
  dates.py).

A page row that disagrees with its log beyond SUBMISSION_SKEW is a faked date (dates.py): moving
one table by hand changes no column's freshness unnoticed."""

from datetime import timedelta

from django.db.models import Min
from django.utils import timezone

from disclosure.catalogue.models import ITEM_PAGE_MODELS, PublicationDateSource

PUBLISH_ACTION = "wagtail.publish"
# Wagtail sets first_published_at and writes the log entry moments apart in one publication
# (a copy kept live dates its first publication from its new revision): not a disagreement.
SUBMISSION_SKEW = timedelta(minutes=5)


def logged_first_publications(pages):
    """{page pk: its earliest wagtail.publish entry's time} of `pages` (a queryset of pages)."""
    from wagtail.models import PageLogEntry

    rows = (
        PageLogEntry.objects.filter(action=PUBLISH_ACTION, page_id__in=pages.values("pk"))
        .order_by()
        .values("page_id")
        .annotate(first=Min("timestamp"))
    )
    return {row["page_id"]: row["first"] for row in rows}


def with_recorded_earlier_publication(pages):
    """The pks of `pages` whose 发布日期 records a publication before this site's."""
    pks = set()
    for model in ITEM_PAGE_MODELS:
        pks.update(
            model.objects.filter(pk__in=pages.values("pk"))
            .exclude(published_on_source=PublicationDateSource.FIRST_PUBLICATION)
            .values_list("pk", flat=True)
        )
    return pks


def trusted_first_publication(page_first, logged_first, recorded_earlier):
    """The first publication the log bears out; None when the log has no entry for the page."""
    if logged_first is None:
        return None
    if recorded_earlier:
        return min(page_first, logged_first)
    return logged_first


def disagreement(page_first, logged_first, recorded_earlier):
    """How the page row's first publication contradicts the log: 'earlier', 'later' or None."""
    if logged_first is None:
        return None
    if recorded_earlier:
        # A recorded date is a day (set at 09:00 of it): an old-site item dated today,
        # imported this morning, is not later than its import.
        if timezone.localdate(page_first) > timezone.localdate(logged_first):
            return "later"
        return None
    if page_first > logged_first + SUBMISSION_SKEW:
        return "later"
    if page_first < logged_first - SUBMISSION_SKEW and not recorded_earlier:
        return "earlier"
    return None
