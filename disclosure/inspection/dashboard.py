"""Warnings before the veto on the editors' dashboard: the columns of the user's organisation
that go past their cadence within columns.WARNING_DAYS (or already have), as the last stored
inspection found them (snapshots.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from disclosure.catalogue.staff_roles import organisations_visible_to, sees_every_organisation
from disclosure.moderation.review.dashboard import WRITERS, roles_of

from .columns import WARNING_DAYS
from .snapshots import column_findings, request_refresh, snapshots_of


def columns_near_cadence(user):
    """((organisation, finding) pairs, oldest computation time, whether an organisation has no
    results yet, whether any is stale); an organisation without results gets a refresh
    queued."""
    organisations = list(organisations_visible_to(user).order_by("name"))
    stored = snapshots_of(organisations)
    missing = [organisation for organisation in organisations if organisation.pk not in stored]
    if missing:
        request_refresh(missing[0].pk if len(missing) == 1 else None)
    findings = [
        (organisation, finding)
        for organisation in organisations
        if organisation.pk in stored
        for finding in column_findings(stored[organisation.pk])
    ]
    computed_at = min((snapshot.computed_at for snapshot in stored.values()), default=None)
    stale = any(snapshot.stale for snapshot in stored.values())
    return findings, computed_at, bool(missing), stale


def _refresh_url(user, mine):
    """The 立即重新检查 the user may press: every organisation's for a site administrator, their
    own organisation's for its staff (the walls of admin_views.refresh_view)."""
    if sees_every_organisation(user):
        return reverse("inspection:refresh_all")
    return reverse("inspection:refresh", args=[mine.pk]) if mine else ""


def _report_url(platform, mine):
    """The panel's own link: the overview for a site administrator (every organisation),
    the organisation's report for its staff."""
    if platform:
        return reverse("inspection:overview")
    return reverse("inspection:organisation", args=[mine.pk]) if mine else ""


class ColumnsNearCadencePanel(Component):
    name = "inspection_columns"
    order = 120  # first: a column about to fail the inspection needs an item this week
    template_name = "inspection/dashboard_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        platform = sees_every_organisation(user)
        mine = None if platform else organisations_visible_to(user).first()
        findings, computed_at, missing, stale = columns_near_cadence(user)
        return {
            "columns": findings,
            # A site administrator sees every organisation's columns, often with the same
            # titles (工作动态): each says whose it is, and leads to that organisation's
            # report, however few organisations have findings. Staff see their own only.
            "name_organisations": platform,
            "computed_at": computed_at,
            "missing": missing,
            "stale": stale,
            "refresh_url": _refresh_url(user, mine),
            # Laces renders the panel's template without the request: the button's form needs
            # the page's CSRF token handed on.
            "csrf_token": parent_context.get("csrf_token"),
            "warn_days": WARNING_DAYS,
            "report_url": _report_url(platform, mine),
            "report_label": _("查看网站检查总览") if platform else _("查看网站检查结果"),
        }


def add_panel(user, panels):
    """For those who write an organisation's pages, and for whoever oversees every organisation
    (a site administrator, the site-wide 管理员 group included: it holds no page role)."""
    if sees_every_organisation(user) or roles_of(user) & WRITERS:
        panels.append(ColumnsNearCadencePanel())
