from django import template

from .. import rules

register = template.Library()


@register.filter
def arranged(findings):
    """The findings in reading order, blank cells apart (rules.arranged)."""
    return rules.arranged(findings)
