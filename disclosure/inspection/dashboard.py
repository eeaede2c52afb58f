"""Warnings before the veto on the editors' dashboard: the columns of the user's organisation
that go past their cadence within columns.WARNING_DAYS (or already have)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from disclosure.moderation.dashboard import WRITERS, roles_of

from .columns import WARNING_DAYS, column_states, stale_columns
from .models import CadenceKind
from .scope import Scope
from .visibility import visible_organisations

CADENCED = {CadenceKind.NEWS, CadenceKind.NOTICES, CadenceKind.SHOULD_UPDATE}


def columns_near_cadence(user):
    findings = []
    for organisation in visible_organisations(user).order_by("name"):
        findings.extend(stale_columns(column_states(Scope(organisation)), CADENCED))
    return findings


class ColumnsNearCadencePanel(Component):
    name = "inspection_columns"
    order = 120  # first: a column about to fail the inspection needs an item this week
    template_name = "inspection/dashboard_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        mine = visible_organisations(user).first()
        return {
            "columns": columns_near_cadence(user),
            "warn_days": WARNING_DAYS,
            "report_url": reverse("inspection:organisation", args=[mine.pk]) if mine else "",
        }


def add_panel(user, panels):
    if roles_of(user) & WRITERS:
        panels.append(ColumnsNearCadencePanel())
