"""The audit log (Wagtail's page log) exported to CSV or XLSX, filtered by organisation, user
and date. An organisation's 管理员 sees its own pages and its own users only; site
administrators (staff_roles.sees_every_organisation) see everything."""

import io
import json

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.roots import pages_of_organisation_q
from disclosure.catalogue.staff_roles import organisation_ids_where, sees_every_organisation
from gongkai import spreadsheets
from gongkai.accounts.roles import Role

COLUMNS = [_("时间"), _("操作人"), _("操作"), _("页面"), _("页面ID"), _("详情")]


class AuditFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("公开主体"),
        queryset=Organisation.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("只能导出您管理的公开主体的日志，请从列表中选择。")},
    )
    user = forms.ModelChoiceField(
        label=_("操作人"),
        queryset=get_user_model().objects.none(),
        required=False,
        error_messages={"invalid_choice": _("只能选择本机构的用户作为操作人，请从列表中选择。")},
    )
    since = forms.DateField(label=_("起始日期"), required=False)
    until = forms.DateField(label=_("截止日期"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = user
        self.every_organisation = sees_every_organisation(user)
        if self.every_organisation:
            organisations = Organisation.objects.all()
            users = get_user_model().objects.all()
        else:
            organisations = Organisation.objects.filter(
                pk__in=organisation_ids_where(user, Role.ADMINISTRATORS)
            )
            users = get_user_model().objects.filter(
                staff_organisation__organisation__in=organisations
            )
        self.fields["organisation"].queryset = organisations
        self.fields["user"].queryset = users.order_by("username")
        self.user_may_export = user.is_active and (
            self.every_organisation or organisations.exists()
        )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("起始日期不能晚于截止日期。"))
        return data

    def entries(self):
        data = self.cleaned_data
        entries = PageLogEntry.objects.select_related("user", "page").order_by("timestamp")
        organisations = (
            [data["organisation"]]
            if data.get("organisation")
            else self.fields["organisation"].queryset
        )
        if data.get("organisation") or not self.every_organisation:
            entries = entries.filter(pages_of_organisation_q(organisations, field="page__path"))
        if data.get("user"):
            entries = entries.filter(user=data["user"])
        if data.get("since"):
            entries = entries.filter(timestamp__date__gte=data["since"])
        if data.get("until"):
            entries = entries.filter(timestamp__date__lte=data["until"])
        return entries


def rows(entries):
    for entry in entries:
        yield [
            timezone.localtime(entry.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
            str(entry.user or _("系统")),
            str(entry.message),
            entry.label,
            entry.page_id or "",
            json.dumps(entry.data, ensure_ascii=False) if entry.data else "",
        ]


def audit_response(entries, export_format):
    # Imported on use: every web worker imports this module, few ever need openpyxl (27 MB)
    # (docs/performance.md, "Worker memory").
    from openpyxl import Workbook

    header = [str(column) for column in COLUMNS]
    stamp = timezone.localdate().isoformat()
    if export_format == "csv":
        response = HttpResponse(
            spreadsheets.csv_text(header, rows(entries)), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(_("审计日志"))
        spreadsheets.append_row(sheet, header)
        for row in rows(entries):
            spreadsheets.append_row(sheet, row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.{export_format}"'
    return response
