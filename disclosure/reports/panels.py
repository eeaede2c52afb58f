"""The editor's panels of the report: the ways of filling the tables, and the rule findings
(errors and warnings) of the report as saved."""

from wagtail.admin.panels import Panel

from disclosure.reports.filling.actions import FILL_ACTIONS

from .filling.drafts import refusal


class FillActionsPanel(Panel):
    """Visible buttons for filling the tables (register, catalogue, workbook); each first shows
    the filled tables and the rules' result, then saves a draft (admin_views)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/panels/fill_actions.html"

        def is_shown(self):
            page = self.instance
            return bool(page.pk) and refusal(page, self.request.user) is None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["actions"] = [
                {"action": action, "url": action.url(self.instance)} for action in FILL_ACTIONS
            ]
            return context


class FindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/panels/findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            findings = page.findings() if page.pk else []
            context["findings"] = findings
            context["error_count"] = sum(1 for f in findings if f.is_error)
            return context
