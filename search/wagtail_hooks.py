from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "同义词"
    add_to_admin_menu = False
    list_display = ["__str__"]
    search_fields = ["words"]


register_snippet(SynonymViewSet)
