"""Elasticsearch 8 / OpenSearch 2 backends whose documents carry the page's attachment text.

modelsearch builds each engine document from `search_fields`; a live page's extracted
attachment text (`search.attachments.text_for_page`, the same text the database index appends
to the body) goes into one more field, `_attachment_text`, copied into `_all_text`, which every
search without an explicit field list reads. Withdrawn pages get none: no attachment of an
unpublished page is searchable, even before the engine's `live` filter.

Searches go through `SubstringQueryMixin`: the query compiler of `engine_query.py`, which gives
the engines the database backends' semantics (every word a substring, the same ranking tiers).

Each engine's module (`elasticsearch8.py`, `opensearch2.py`) subclasses its backend, mapping
and query compilers with this mixin; settings name the module, whose `SearchBackend` Wagtail
loads, and /healthz/ names the engine by the backend class's module.
"""

from modelsearch.index import SearchField

from search import analysis, result_dates
from search.backends import engine_query
from search.backends.common import attachment_text, in_its_language, withdrawn

ATTACHMENT_FIELD = "_attachment_text"


def normalised(value):
    """A text field's value (a string, or a list of them: a StreamField's searchable content)
    normalised; anything else as it is."""
    if isinstance(value, str):
        return analysis.normalise(value)
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


class AttachmentTextMapping:
    """Mixin for an engine's mapping class."""

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"][ATTACHMENT_FIELD] = {"type": "text", "copy_to": "_all_text"}
        mapping["properties"].update(result_dates.MAPPING)
        return mapping

    def get_document(self, obj):
        with in_its_language(obj):
            document = super().get_document(obj)
        document[ATTACHMENT_FIELD] = "" if withdrawn(obj) else attachment_text(obj)
        # 按发布日期 sorts on the date a result shows (search/result_dates.py).
        document.update(result_dates.document_fields(obj))
        # The searched text normalised as the database index normalises it (OpenCC
        # traditional→simplified, NFKC, case), which no engine does without a plugin: a query
        # word, sent normalised, then finds 資訊公開 as the database does. Filter and
        # autocomplete fields keep their values.
        for name in [ATTACHMENT_FIELD, *self.searched_columns()]:
            if name in document:
                document[name] = normalised(document[name])
        return document

    def searched_columns(self) -> list[str]:
        return [
            self.get_field_column_name(field)
            for field in self.model.get_search_fields()
            if isinstance(field, SearchField)
        ]


class SubstringQueryMixin:
    """Mixin for an engine's search query compiler: `engine_query.search_query` as the inner
    query and, ranked by relevance, the newest publication first within a tier."""

    # Words typed without an operator must all match, as on the database backends (modelsearch's
    # engine compilers default to "or": 低保 公示 found every page holding 低保).
    DEFAULT_OPERATOR = "and"
    TITLE = "title"
    PUBLISHED = "first_published_at"

    def title_fields(self) -> list[str]:
        if self.fields is not None and self.TITLE not in self.fields:
            return []
        field = next((f for f in self.get_searchable_fields() if f.field_name == self.TITLE), None)
        return [self.mapping.get_field_column_name(field)] if field else []

    def get_inner_query(self):
        # modelsearch adds the `_all_text_boost_*` fields for its scores; every text is in
        # `_all_text` already, and the tiers do the weighing.
        text_fields = (
            ["_all_text"]
            if self.fields is None
            else [field.field_name for field in self.remapped_fields]
        )
        if not text_fields:
            return engine_query.MATCH_NONE
        return engine_query.search_query(self.query, text_fields, self.title_fields())

    def _get_order_by(self):
        # 按发布日期 orders by queryset aliases that `get_sort` turns into document fields.
        if not self.order_by_relevance and result_dates.ordered_by_shown_date(self.queryset):
            return iter(())
        return super()._get_order_by()

    def get_sort(self):
        if not self.order_by_relevance:
            if result_dates.ordered_by_shown_date(self.queryset):
                field = self._get_filterable_field("id")
                return result_dates.engine_sort(self.mapping.get_field_column_name(field))
            return super().get_sort()
        field = self._get_filterable_field(self.PUBLISHED)
        return engine_query.newest_first_sort(
            self.mapping.get_field_column_name(field) if field else None
        )
