from django import template
from django.apps import apps

register = template.Library()


@register.simple_tag
def app_verbose_name(app_label):
    """The app's name in the interface language, where Wagtail shows its label
    ("catalogue" → 政府信息公开目录)."""
    try:
        return apps.get_app_config(app_label).verbose_name
    except LookupError:
        return app_label
