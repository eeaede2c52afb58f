"""The inspection's stored results as an XLSX workbook (the admin report's export)."""

from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.spreadsheets import append_row


def edit_url(page_id):
    return f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page_id}/edit/" if page_id else ""


def workbook(rows):
    """rows: (organisation or None for the platform, results, computed at, stale). One sheet
    of indicators per organisation, one of every finding under its organisation's name; text
    stays text. The platform's findings are its organisations' (snapshots.platform_results),
    listed under their own rows, not a second time as 全平台's."""
    # Imported on use: every web worker imports this module, few ever need openpyxl (27 MB)
    # (docs/performance.md, "Worker memory").
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = _("检查结果")
    append_row(
        summary,
        [
            _("公开主体"),
            _("指标"),
            _("类别"),
            _("状态"),
            _("问题数"),
            _("否决阈值"),
            _("检查时间"),
            _("过期"),
        ],
    )
    details = book.create_sheet(_("问题清单"))
    append_row(details, [_("公开主体"), _("指标"), _("页面"), _("说明"), _("标记"), _("修改地址")])
    for organisation, results, computed_at, stale in rows:
        name = organisation.name if organisation else _("全平台")
        checked = f"{timezone.localtime(computed_at):%Y-%m-%d %H:%M}" if computed_at else ""
        for result in results:
            threshold = result.threshold if result.is_veto_item else "—"
            append_row(
                summary,
                [
                    name,
                    result.name,
                    result.kind_label,
                    result.status_label,
                    result.count,
                    threshold,
                    checked,
                    _("过期") if stale else "",
                ],
            )
            for finding in result.findings if organisation is not None else ():
                append_row(
                    details,
                    [
                        name,
                        result.name,
                        finding.title,
                        finding.detail,
                        finding.mark,
                        edit_url(finding.page_id),
                    ],
                )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
