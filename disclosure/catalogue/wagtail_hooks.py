from wagtail.snippets.models import register_snippet

from .models import Domain, Organisation

register_snippet(Organisation)
register_snippet(Domain)
