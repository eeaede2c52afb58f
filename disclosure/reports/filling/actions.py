"""The ways of filling a report's tables, offered as buttons on the report's edit view
(``panels.FillActionsPanel``) and in its "…" menu (``wagtail_hooks``)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FillAction:
    source: str  # "register", "catalogue" (admin_views.SOURCES) or "upload"
    label: str
    icon: str
    priority: int

    def url(self, page):
        if self.source == "upload":
            return reverse("reports:upload", args=[page.pk])
        return reverse("reports:prefill", args=[page.pk, self.source])


FILL_ACTIONS = (
    FillAction("register", _("从登记簿填入表二、表三"), "table", 80),
    FillAction("catalogue", _("从目录统计填入表一"), "table", 81),
    FillAction("upload", _("上传统计表工作簿"), "upload", 82),
)
