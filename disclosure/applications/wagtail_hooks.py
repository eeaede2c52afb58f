from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from disclosure.applications.models import Application
from disclosure.applications.reminders import due_soon_and_overdue
from disclosure.applications.scoping import scope
from disclosure.applications.staff import (
    application_viewset,
    review_case_viewset,
)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [application_viewset, review_case_viewset]


class DeadlinesPanel(Component):
    name = "application_deadlines"
    order = 90
    template_name = "applications/admin/deadlines_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        visible = scope(Application.objects.all(), self.user)
        soon, overdue = due_soon_and_overdue(queryset=visible)
        return {
            "soon": soon[:20],
            "overdue": overdue[:20],
            "handle_url": reverse("applications_application:index"),
        }


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if request.user.has_perm("applications.view_application"):
        panels.append(DeadlinesPanel(request.user))
