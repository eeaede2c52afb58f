"""Every indicator this platform can answer, run over one scope (an organisation or the
platform). The thresholds, names and source clauses are rows of models.Indicator (seeded by the
migration 0002, edited by site administrators); the checks are code, one function per code."""

from django.utils import timezone

from . import columns, content_checks, dates, links
from .models import CadenceKind, Indicator
from .results import Result, Status
from .scope import Scope


def _columns(context):
    if "columns" not in context:
        context["columns"] = columns.column_states(context["scope"])
    return context["columns"]


def home_not_updated(context, indicator):
    return columns.home_not_updated(
        context["scope"], indicator.applied_period_days, context["today"]
    ), {}


def stale_news_and_notices(context, indicator):
    states = _columns(context)
    kinds = {CadenceKind.NEWS, CadenceKind.NOTICES}
    counted = [s for s in states if s.column_type and s.column_type.kind in kinds and not s.blank]
    return columns.stale_columns(states, kinds, context["today"]), {"columns": len(counted)}


def long_unupdated_columns(context, indicator):
    states = _columns(context)
    kinds = {CadenceKind.SHOULD_UPDATE}
    counted = [s for s in states if s.column_type and s.column_type.kind in kinds and not s.blank]
    return columns.stale_columns(states, kinds, context["today"]), {"columns": len(counted)}


def blank_columns(context, indicator):
    states = _columns(context)
    return columns.blank_columns(states), {"columns": len(states)}


def guide_elements(context, indicator):
    return content_checks.guide_findings(context["scope"]), {}


def _internal(context):
    if "internal" not in context:
        context["internal"] = links.internal_findings(context["scope"])
    return context["internal"]


def attachments(context, indicator):
    return _internal(context)[1], {}


def broken_links(context, indicator):
    broken = list(_internal(context)[0])
    external, numbers = links.external_findings(context["scope"])
    numbers["internal_broken"] = len(broken)
    numbers["external_broken"] = len(external)
    return broken + external, numbers


def interpretations(context, indicator):
    return content_checks.interpretation_findings(context["scope"])


def misstatements(context, indicator):
    return content_checks.misstatement_findings(context["scope"]), {}


def faked_dates(context, indicator):
    return dates.faked_date_findings(context["scope"]), {}


CHECKS = {
    "home_not_updated": home_not_updated,
    "stale_columns": stale_news_and_notices,
    "long_unupdated_columns": long_unupdated_columns,
    "blank_columns": blank_columns,
    "guide_elements": guide_elements,
    "attachments": attachments,
    "misstatements": misstatements,
    "faked_dates": faked_dates,
    "broken_links": broken_links,
    "interpretations": interpretations,
}


def inspect(organisation=None, today=None):
    """Every enabled indicator over `organisation` (None: the platform), in the table's order."""
    context = {"scope": Scope(organisation), "today": today or timezone.localdate()}
    results = []
    for indicator in Indicator.objects.filter(enabled=True, code__in=list(CHECKS)):
        findings, numbers = CHECKS[indicator.code](context, indicator)
        results.append(
            Result(
                code=indicator.code,
                name=indicator.name,
                kind=indicator.kind,
                threshold=indicator.applied_threshold,
                source=indicator.source,
                findings=findings,
                numbers=numbers,
            )
        )
    return results


def any_veto(results):
    return any(result.status == Status.VETO for result in results)
