from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from disclosure.catalogue.staff_roles import organisations_visible_to

from . import admin_urls
from .filling.actions import FILL_ACTIONS
from .filling.drafts import LOG_ACTION, refusal
from .models import AnnualReportPage


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(admin_urls, namespace="reports"))]


class OverviewMenuItem(MenuItem):
    """Shown to whoever sees an organisation's reports, as the inspection's item is."""

    def is_shown(self, request):
        return organisations_visible_to(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("年度报告汇总"), reverse("reports:overview"), icon_name="table", order=900
    )


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    @actions.register_action(LOG_ACTION)
    class TablesFilled(LogFormatter):
        label = _("填入统计表")

        def format_message(self, log_entry):
            return log_entry.data.get("message") or _("填入统计表")


class FillButton(PageMenuItem):
    def __init__(self, action, page):
        super().__init__(
            label=action.label,
            url=action.url(page),
            icon_name=action.icon,
            priority=action.priority,
            page=page,
        )

    def is_shown(self, user):
        return refusal(self.page, user) is None


def _fill_buttons(page):
    if page.specific_class is not AnnualReportPage:
        return []
    return [FillButton(action, page) for action in FILL_ACTIONS]


@hooks.register("register_page_header_buttons")
def report_header_buttons(page, user, view_name, next_url=None):
    return _fill_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def report_listing_buttons(page, user, next_url=None):
    return _fill_buttons(page)
