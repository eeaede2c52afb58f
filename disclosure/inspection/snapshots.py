"""The inspection's results as the admin reads them: computed in Celery and stored, one row per
organisation (models.OrganisationInspection), because computing every indicator for every
organisation takes seconds (bench/bench_inspection_overview.py, docs/inspection.md).

A refresh is queued through the outbox (gongkai/outbox.py): by beat, by a change in the organisation
(changes.py: after a delay, so a burst of changes costs one run), by
the “立即重新检查” button and by a page that finds no results yet. A refresh already waiting to
start covers a new request; one that is running does not (it may have read before the change)."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation
from gongkai import outbox

from .indicators import any_veto, inspect
from .models import OrganisationInspection
from .results import Result

REFRESH_TASK = "inspection.refresh_inspections"
# The indicators the dashboard's “栏目即将超期未更新” panel lists.
COLUMN_CADENCE_CODES = ("stale_columns", "long_unupdated_columns")

logger = logging.getLogger(__name__)


class RefreshFailed(Exception):
    """Some organisations' inspections raised; the others' results were stored."""


@dataclass
class Snapshot:
    organisation: object
    computed_at: object
    results: list
    changed_at: object = None

    @property
    def veto(self):
        return any_veto(self.results)

    @property
    def stale(self):
        """过期: something the results depend on changed after the refresh started reading
        (changes.py marks it), or they are older than GONGKAI_INSPECTION_MAX_AGE_SECONDS (a
        change no signal tells, a beat that stopped)."""
        if self.changed_at is not None and self.changed_at > self.computed_at:
            return True
        max_age = timedelta(seconds=settings.GONGKAI_INSPECTION_MAX_AGE_SECONDS)
        return timezone.now() - self.computed_at > max_age


def refresh(organisation, today=None):
    """Compute every indicator for `organisation` and store them; returns the results. The
    checks only read; the row is written in a short transaction of its own (SQLite has one
    write lock, editors' saves must not wait for the checks)."""
    started = timezone.now()  # a change from here on is not in the results: they are stale
    results = inspect(organisation, today=today)
    with transaction.atomic():
        OrganisationInspection.objects.update_or_create(
            organisation=organisation,
            defaults={
                "computed_at": started,
                "results": [result.as_dict() for result in results],
            },
        )
    return results


def refresh_inspections(organisation_id=None):
    """The task's work: one organisation, or every organisation (None). Returns how many.

    One organisation's failure (a page its checks cannot read) must not leave every other
    office without results: each is refreshed, and the failures are raised together at the
    end, naming their organisations, so the task fails and the outbox keeps the error and
    retries."""
    organisations = Organisation.objects.order_by("name")
    if organisation_id is not None:
        organisations = organisations.filter(pk=organisation_id)
    count = 0
    failures = []
    for organisation in organisations:
        try:
            refresh(organisation)
        except Exception as error:
            logger.exception("公开主体“%s”的网站检查出错，未能更新检查结果", organisation.name)
            failures.append(
                _("“%(name)s”：%(error)s") % {"name": organisation.name, "error": error}
            )
        else:
            count += 1
    if failures:
        raise RefreshFailed(
            _("%(count)s 个公开主体的网站检查出错，未能更新检查结果：%(failures)s")
            % {"count": len(failures), "failures": "；".join(failures)}
        )
    return count


def _snapshot(row, organisation):
    return Snapshot(
        organisation=organisation,
        computed_at=row.computed_at,
        changed_at=row.changed_at,
        results=[Result.from_dict(data) for data in row.results],
    )


def snapshots_of(organisations):
    """{organisation pk: Snapshot} of those of `organisations` that have results stored."""
    organisations = {organisation.pk: organisation for organisation in organisations}
    rows = OrganisationInspection.objects.filter(organisation_id__in=list(organisations))
    return {row.organisation_id: _snapshot(row, organisations[row.organisation_id]) for row in rows}


def snapshot_of(organisation):
    return snapshots_of([organisation]).get(organisation.pk)


def _merged_numbers(numbers):
    merged = {}
    for values in numbers:
        for key, value in values.items():
            if isinstance(value, int) and not isinstance(value, bool):
                merged[key] = merged.get(key, 0) + value
            else:
                merged.setdefault(key, None)
    if "normative" in merged:
        normative, interpreted = merged["normative"] or 0, merged.get("interpreted") or 0
        merged["ratio"] = round(interpreted / normative, 3) if normative else None
    return merged


def platform_results(snapshots):
    """The platform as the sum of its organisations' stored results: each indicator's findings
    over every organisation, its numbers added up, its status against the threshold."""
    snapshots = sorted(snapshots, key=lambda snapshot: snapshot.computed_at, reverse=True)
    by_code = {}
    for snapshot in snapshots:  # the newest first: its names and thresholds are current
        for result in snapshot.results:
            by_code.setdefault(result.code, []).append(result)
    merged = []
    for results in by_code.values():
        first = results[0]
        merged.append(
            Result(
                code=first.code,
                name=first.name,
                kind=first.kind,
                threshold=first.threshold,
                source=first.source,
                findings=[finding for result in results for finding in result.findings],
                numbers=_merged_numbers(result.numbers for result in results),
            )
        )
    return merged


def column_findings(snapshot):
    """The columns past or within a week of their cadence, as the snapshot found them."""
    return [
        finding
        for result in snapshot.results
        if result.code in COLUMN_CADENCE_CODES
        for finding in result.findings
    ]


def request_refresh(organisation_id=None, delay=0):
    """Queue a refresh of one organisation (or every one, None) `delay` seconds after the
    current transaction commits, unless a waiting refresh covers it. True when queued."""
    covering = [[None]] if organisation_id is None else [[None], [organisation_id]]
    waiting = outbox.not_started(REFRESH_TASK).values_list("args", flat=True)
    if any(args in covering for args in waiting):
        return False
    run_after = timezone.now() + timedelta(seconds=delay) if delay else None
    outbox.send_after_commit(REFRESH_TASK, organisation_id, run_after=run_after)
    return True
