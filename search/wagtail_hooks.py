from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gongkai.templatetags.navigation import SITE_SEARCH
from search.models import SearchSuggestion, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "同义词"
    add_to_admin_menu = False
    # The source is shown in the form, not the list: some sources are URLs, and the list is an
    # admin screen the Chinese-interface walk (tests/browser) reads for Latin words.
    list_display = ["__str__"]
    # The database, not the search index: the default thesaurus arrives by a data migration,
    # which indexes nothing, and a few hundred rows need no index.
    search_backend_name = None
    search_fields = ["words", "source"]


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


@hooks.register(SITE_SEARCH)
def site_search_url(request):
    """The header's search box, and the guide's link to the search, send queries here."""
    return reverse("search")
