"""What the SQLite and PostgreSQL query compilers share: which index column each query and
ranking tier matches. Each backend renders one column's match in its own language
(`column_match`: FTS5 in `fts5.py`, tsquery in `tsquery.py`) and runs it (`tier_pks`,
`matching_pks`); the choice of columns and tiers is made here once."""

from modelsearch.index import AutocompleteField
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.common import ranking_tiers, typed_first


class ColumnMatchMixin:
    """The search compiler's matches: the title column when only titles are searched, else the
    body (which holds the title's words too); ranked by `common.ranking_tiers`."""

    @staticmethod
    def column_match(column: str, query):
        raise NotImplementedError

    def title_only(self) -> bool:
        return bool(self.fields) and set(self.fields) == {"title"}

    def match_expression(self):
        return self.column_match("title" if self.title_only() else "body", self.query)

    def tier_expressions(self) -> list:
        return [
            self.column_match("title" if in_title else "body", query)
            for in_title, query in ranking_tiers(self.query, title_only=self.title_only())
        ]

    def content_types(self):
        return get_descendants_content_types_pks(self.queryset.model)


class AutocompleteMixin:
    """A backend's search compiler turned into its title autocomplete: the autocomplete column,
    with the backend's autocomplete configuration and fields; the words as typed first
    (`common.typed_first`), no body and no phrase tiers."""

    TARGET_SEARCH_FIELD_TYPE = AutocompleteField

    def get_config(self, backend):
        return backend.autocomplete_config

    def get_search_fields_for_model(self):
        return self.queryset.model.get_autocomplete_search_fields()

    def match_expression(self):
        return self.column_match("autocomplete", self.query)

    def tier_expressions(self) -> list:
        return [self.column_match("autocomplete", query) for query in typed_first(self.query)]
