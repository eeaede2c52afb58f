from wagtail.snippets.models import register_snippet

from .models import Organisation

register_snippet(Organisation)
