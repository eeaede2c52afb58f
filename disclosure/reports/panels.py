"""The editor's panel listing the rule findings (errors and warnings) of the report as saved."""

from wagtail.admin.panels import Panel


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
