from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def search_params(context, **changes):
    """The current query string with some parameters replaced; empty values are dropped."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return _without_empty(params)


def _without_empty(params):
    return "&".join(
        part for part in params.urlencode().split("&") if part and not part.endswith("=")
    )
