"""网站检查 in the admin: each organisation's report (its own staff see only theirs), the
platform overview for site administrators, and both as XLSX. They read the results a Celery
refresh stored (snapshots.py), show when they were computed, and queue a refresh on demand
(POST) or when none is stored yet."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.staff_roles import organisations_visible_to, sees_every_organisation

from .indicators import any_veto
from .report import workbook
from .snapshots import platform_results, request_refresh, snapshot_of, snapshots_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _platform(request):
    if not sees_every_organisation(request.user):
        raise PermissionDenied
    organisations = list(Organisation.objects.order_by("name"))
    stored = snapshots_of(organisations)
    if len(stored) < len(organisations):
        request_refresh(None)
    return organisations, stored


def _oldest(stored):
    return min((snapshot.computed_at for snapshot in stored.values()), default=None)


def _any_stale(stored):
    """The platform's sum is as stale as its stalest organisation."""
    return any(snapshot.stale for snapshot in stored.values())


def _in_columns(results, indicators):
    """An organisation's results under the overview's indicator columns (a row stored before
    an indicator was enabled lacks it: an empty cell)."""
    by_code = {result.code: result for result in results}
    return [by_code.get(indicator.code) for indicator in indicators]


def overview_view(request):
    if not sees_every_organisation(request.user):
        mine = organisations_visible_to(request.user).first()
        if mine is None:
            raise PermissionDenied
        return redirect("inspection:organisation", mine.pk)
    organisations, stored = _platform(request)
    platform = platform_results(stored.values())
    stale = _any_stale(stored)
    rows = [{"organisation": None, "results": platform, "veto": any_veto(platform), "stale": stale}]
    for organisation in organisations:
        snapshot = stored.get(organisation.pk)
        rows.append(
            {
                "organisation": organisation,
                "results": _in_columns(snapshot.results, platform) if snapshot else None,
                "veto": snapshot.veto if snapshot else False,
                "computed_at": snapshot.computed_at if snapshot else None,
                "stale": snapshot.stale if snapshot else False,
            }
        )
    title = _("网站检查总览")
    return TemplateResponse(
        request,
        "inspection/admin/overview.html",
        {
            "page_title": title,
            "header_title": title,
            "rows": rows if stored else [],
            "indicators": platform,
            "computed_at": _oldest(stored),
            "stale": stale,
            "missing": len(stored) < len(organisations),
        },
    )


def _organisation(request, organisation_id):
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if not organisations_visible_to(request.user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    return organisation


def _stored(organisation):
    snapshot = snapshot_of(organisation)
    if snapshot is None:
        request_refresh(organisation.pk)
    return snapshot


def organisation_view(request, organisation_id):
    organisation = _organisation(request, organisation_id)
    snapshot = _stored(organisation)
    title = _("网站检查：%(name)s") % {"name": organisation.name}
    return TemplateResponse(
        request,
        "inspection/admin/report.html",
        {
            "page_title": title,
            "header_title": title,
            "organisation": organisation,
            "snapshot": snapshot,
            "results": snapshot.results if snapshot else [],
            "veto": snapshot.veto if snapshot else False,
            "platform": sees_every_organisation(request.user),
        },
    )


def _xlsx(rows, name):
    response = HttpResponse(workbook(rows), content_type=XLSX)
    filename = quote(f"{name}{timezone.localdate():%Y%m%d}.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def organisation_xlsx(request, organisation_id):
    organisation = _organisation(request, organisation_id)
    snapshot = _stored(organisation)
    if snapshot is None:
        return redirect("inspection:organisation", organisation.pk)
    return _xlsx(
        [(organisation, snapshot.results, snapshot.computed_at, snapshot.stale)],
        _("网站检查_%(name)s_") % {"name": organisation.name},
    )


def overview_xlsx(request):
    organisations, stored = _platform(request)
    if not stored:
        return redirect("inspection:overview")
    rows = [(None, platform_results(stored.values()), _oldest(stored), _any_stale(stored))]
    for organisation in organisations:
        snapshot = stored.get(organisation.pk)
        if snapshot:
            rows.append((organisation, snapshot.results, snapshot.computed_at, snapshot.stale))
    return _xlsx(rows, _("网站检查总览_"))


def _queued_message(request, queued):
    if queued:
        messages.success(request, _("已安排重新检查，通常几分钟内完成，请稍后刷新本页。"))
    else:
        messages.info(request, _("重新检查已在排队，通常几分钟内完成，请稍后刷新本页。"))


@require_POST
def refresh_view(request, organisation_id):
    organisation = _organisation(request, organisation_id)
    _queued_message(request, request_refresh(organisation.pk))
    return redirect("inspection:organisation", organisation.pk)


@require_POST
def refresh_all_view(request):
    if not sees_every_organisation(request.user):
        raise PermissionDenied
    _queued_message(request, request_refresh(None))
    return redirect("inspection:overview")
