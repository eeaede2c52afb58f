"""网站检查 in the admin: each organisation's report (its own staff see only theirs), the
platform overview for site administrators, and both as XLSX."""

from urllib.parse import quote

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation

from .indicators import any_veto, inspect
from .report import organisation_rows, workbook
from .visibility import sees_platform, visible_organisations

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def overview_view(request):
    if not sees_platform(request.user):
        mine = visible_organisations(request.user).first()
        if mine is None:
            raise PermissionDenied
        return redirect("inspection:organisation", mine.pk)
    organisations = Organisation.objects.order_by("name")
    rows = [(None, inspect(None)), *organisation_rows(organisations)]
    title = _("网站检查总览")
    return TemplateResponse(
        request,
        "inspection/admin/overview.html",
        {
            "page_title": title,
            "header_title": title,
            "rows": [
                {"organisation": organisation, "results": results, "veto": any_veto(results)}
                for organisation, results in rows
            ],
            "indicators": rows[0][1],
        },
    )


def _organisation(request, organisation_id):
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if not visible_organisations(request.user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    return organisation


def organisation_view(request, organisation_id):
    organisation = _organisation(request, organisation_id)
    results = inspect(organisation)
    title = _("网站检查：%(name)s") % {"name": organisation.name}
    return TemplateResponse(
        request,
        "inspection/admin/report.html",
        {
            "page_title": title,
            "header_title": title,
            "organisation": organisation,
            "results": results,
            "veto": any_veto(results),
            "platform": sees_platform(request.user),
        },
    )


def _xlsx(rows, name):
    response = HttpResponse(workbook(rows), content_type=XLSX)
    filename = quote(f"{name}{timezone.localdate():%Y%m%d}.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def organisation_xlsx(request, organisation_id):
    organisation = _organisation(request, organisation_id)
    return _xlsx(
        organisation_rows([organisation]), _("网站检查_%(name)s_") % {"name": organisation.name}
    )


def overview_xlsx(request):
    if not sees_platform(request.user):
        raise PermissionDenied
    rows = [(None, inspect(None)), *organisation_rows(Organisation.objects.order_by("name"))]
    return _xlsx(rows, _("网站检查总览_"))
