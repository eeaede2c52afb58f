from django import template

from disclosure.reports.rules import findings as rule_findings

register = template.Library()


@register.filter
def arranged(findings):
    """The findings in reading order, blank cells apart (``rules.findings.arranged``)."""
    return rule_findings.arranged(findings)
