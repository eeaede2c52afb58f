from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSuggestion, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "同义词"
    add_to_admin_menu = False
    list_display = ["__str__"]
    search_fields = ["words"]


class SearchSuggestionViewSet(SnippetViewSet):
    """Site-wide: no role is granted its permissions, so only site administrators edit it."""

    model = SearchSuggestion
    icon = "search"
    menu_label = "推荐搜索词"
    add_to_admin_menu = False
    list_display = ["text", "sort_order"]
    ordering = ["sort_order", "pk"]


register_snippet(SynonymViewSet)
register_snippet(SearchSuggestionViewSet)
