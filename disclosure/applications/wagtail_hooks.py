from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component

from disclosure.applications.models import Application, OrganisationHandlers
from disclosure.applications.register_admin import (
    application_viewset,
    review_case_viewset,
)
from disclosure.applications.reminders import open_applications_by_due_date
from disclosure.applications.roles import SITE_WIDE_KEY, TWO_FACTOR_NAME, handlers_q
from disclosure.applications.scoping import scope
from disclosure.catalogue.root_links import DISCLOSURE_ROOT_LINKS
from disclosure.catalogue.staff_roles import ORGANISATION_GROUPS_HOOK
from gongkai.accounts.site_wide_groups import SITE_WIDE_GROUPS_HOOK
from gongkai.accounts.two_factor import TWO_FACTOR_GROUPS_HOOK

PANEL_LENGTH = 30


@hooks.register(ORGANISATION_GROUPS_HOOK)
def organisation_handler_groups():
    """Each organisation's 依申请办理 group belongs to it: one organisation per staff user
    counts it (disclosure.moderation.organisations.membership)."""
    return OrganisationHandlers.objects.values_list("group_id", "organisation_id")


@hooks.register(SITE_WIDE_GROUPS_HOOK)
def site_wide_handlers_group():
    """The site-wide 依申请办理 group (recorded by migration 0008): `manage.py check` reports it
    missing."""
    return [SITE_WIDE_KEY]


@hooks.register(TWO_FACTOR_GROUPS_HOOK)
def handlers_may_be_required_to_use_two_factor():
    """The handlers read applicants' names, ID numbers, addresses and phones: listing
    "application_handlers" in GONGKAI_TWO_FACTOR_ROLES (as base.py does) requires a second
    factor of the site-wide 依申请办理 group and every organisation's own."""
    return {TWO_FACTOR_NAME: handlers_q()}


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [application_viewset, review_case_viewset]


class DeadlinesPanel(Component):
    """The handler's dashboard: every open application of the organisations the user handles,
    by due date, the overdue ones in red."""

    name = "application_deadlines"
    order = 90
    template_name = "applications/admin/deadlines_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        visible = scope(Application.objects.all(), self.user)
        return {"rows": open_applications_by_due_date(visible, limit=PANEL_LENGTH)}


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if request.user.has_perm("applications.view_application"):
        panels.append(DeadlinesPanel(request.user))


@hooks.register(DISCLOSURE_ROOT_LINKS)
def apply_link(organisation, request):
    """An organisation's disclosure root links to the form, the organisation chosen."""
    return render_to_string(
        "applications/_apply_link.html", {"organisation": organisation}, request=request
    )
