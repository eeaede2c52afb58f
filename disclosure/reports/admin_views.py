"""Admin views that fill a report's tables: from the register, the catalogue, or a workbook.

Each shows what it will write before writing it; writing makes a new draft revision
(``filling.drafts.save_filled_draft``) and returns to the edit view.
"""

from io import BytesIO
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.catalogue.staff_roles import organisations_visible_to
from disclosure.reports.files import checker
from disclosure.reports.filling import drafts, sources
from disclosure.reports.rules.findings import errors
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

from . import overview
from .blocks import TABLE_BLOCK_NAMES, ReportBodyBlock
from .models import AnnualReportPage

# source → (tables from the page, log message, title of the view)
SOURCES = {
    "register": (
        sources.register_tables,
        lambda page, tables: sources.register_message(page),
        gettext_lazy("从登记簿填入表二、表三"),
    ),
    "catalogue": (
        sources.catalogue_tables,
        sources.catalogue_message,
        gettext_lazy("从目录统计填入表一（规范性文件）"),
    ),
}


def _editable_report(request, page_id):
    page = get_object_or_404(AnnualReportPage, pk=page_id)
    if reason := drafts.refusal(page, request.user):
        raise PermissionDenied(reason)
    return page


def rendered_tables(tables):
    """The tables as the public page shows them, for the editor to look at before writing."""
    body_block = ReportBodyBlock()
    rendered = []
    for table_key, (format_key, values) in tables.items():
        block = body_block.child_blocks[TABLE_BLOCK_NAMES[(table_key, format_key)]]
        rendered.append(block.render(block.to_python(values)))
    return rendered


def _context(page, title, **extra):
    return {
        "page": page,
        "page_title": title,
        "header_title": title,
        "page_subtitle": page.get_admin_display_title(),
        **extra,
    }


def prefill_view(request, page_id, source):
    if source not in SOURCES:
        raise Http404
    page = _editable_report(request, page_id)
    compute, describe, title = SOURCES[source]
    try:
        tables = compute(page)
    except sources.FillError as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_pages:edit", page.pk)
    message = describe(page, tables)
    if request.method == "POST":
        drafts.save_filled_draft(page, request.user, tables, message)
        messages.success(request, _("已保存为新的草稿版本：%(message)s") % {"message": message})
        return redirect("wagtailadmin_pages:edit", page.pk)
    findings = drafts.filled_draft(page, tables).findings()
    return TemplateResponse(
        request,
        "reports/admin/fill_confirm.html",
        _context(
            page,
            title,
            message=message,
            tables=rendered_tables(tables),
            findings=findings,
            error_count=len(errors(findings)),
        ),
    )


class WorkbookForm(forms.Form):
    workbook = forms.FileField(
        label=gettext_lazy("统计表工作簿（XLSX 文件）"),
        help_text=gettext_lazy("使用本系统导出的 XLSX 格式（工作表“表一”“表二”“表三”）。"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


def upload_view(request, page_id):
    """Fill the tables from a workbook in our layout; nothing is written when a rule fails."""
    page = _editable_report(request, page_id)
    title = _("上传统计表工作簿")
    form = WorkbookForm(request.POST or None, request.FILES or None)
    problems, warnings, notes = [], [], []
    if request.method == "POST" and form.is_valid():
        try:
            reading = xlsx.read(form.cleaned_data["workbook"])
        except xlsx.LayoutError as error:
            form.add_error("workbook", str(error))
        else:
            check = checker.check_upload(page, reading)
            problems, warnings, notes = check.errors, check.warnings, check.notes
            if not problems:
                tables = {
                    key: (_format_of(table), values)
                    for key, (table, values) in reading.tables.items()
                }
                names = "、".join(t.number_of(key) for key in tables)
                message = _("依据上传的工作簿“%(name)s”填入%(tables)s。") % {
                    "name": form.cleaned_data["workbook"].name,
                    "tables": names,
                }
                drafts.save_filled_draft(page, request.user, tables, message)
                saved = _("已保存为新的草稿版本：%(message)s") % {"message": message}
                messages.success(request, saved)
                _warn(request, check.warnings)
                for note in notes:  # the sheets left alone ("填表说明")
                    messages.info(request, note)
                return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "reports/admin/upload.html",
        _context(page, title, form=form, problems=problems, warnings=warnings, notes=notes),
    )


def _warn(request, warnings):
    """The warnings of a workbook written into the report: each one about the workbook itself
    (its 公开主体) in full, since the report's “填报检查” panel does not show it; the rules'
    warnings (R6, R8, R9) by their number, since the panel lists them."""
    about_workbook = [finding for finding, _where in warnings if finding.rule == xlsx.LAYOUT]
    for finding in about_workbook:
        messages.warning(request, finding.message)
    if count := len(warnings) - len(about_workbook):
        hint = _("工作簿有 %(count)d 条提示，请在“填报检查”中查看。")
        messages.warning(request, hint % {"count": count})


def _format_of(table):
    return next(format_key for format_key, by_key in t.TABLES.items() if by_key[table.key] is table)


# ---------------------------------------------------------------- the county overview
# The first report year the overview offers and checks: the revised Regulation's tables
# (disclosure.statutory formats 2019 and 2021) begin with it.
FIRST_OVERVIEW_YEAR = 2019


def _overview_year(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year - 1))
    except ValueError:
        year = today.year - 1
    return min(max(year, FIRST_OVERVIEW_YEAR), today.year)


def _overview_rows(request, year):
    """The rows of the organisations the user sees (staff_roles.organisations_visible_to)."""
    organisations = organisations_visible_to(request.user).order_by("name")
    return overview.overview(year, organisations)


def overview_view(request):
    year = _overview_year(request)
    rows = _overview_rows(request, year)
    for row in rows:
        report = row.report
        row.can_edit = bool(report and report.permissions_for_user(request.user).can_edit())
    title = _("年度报告汇总")
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "reports/admin/overview.html",
        {
            "page_title": title,
            "header_title": title,
            "year": year,
            "years": list(range(today.year, FIRST_OVERVIEW_YEAR - 1, -1)),
            "rows": rows,
            "rules": overview.RULES,
            "overdue": sum(1 for row in rows if row.overdue),
        },
    )


def overview_xlsx(request):
    year = _overview_year(request)
    buffer = BytesIO()
    overview.workbook(year, _overview_rows(request, year)).save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = quote(_("%(year)s年度政府信息公开工作年度报告汇总.xlsx") % {"year": year})
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response
