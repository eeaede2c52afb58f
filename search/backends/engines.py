"""Elasticsearch 8 / OpenSearch 2 backends whose documents carry the page's attachment text.

modelsearch builds each engine document from `search_fields`; a live page's extracted
attachment text (`search.attachments.text_for_page`, the same text the database index appends
to the body) goes into one more field, `_attachment_text`, copied into `_all_text`, which every
search without an explicit field list reads. Withdrawn pages get none: no attachment of an
unpublished page is searchable, even before the engine's `live` filter.

Each engine's module (`elasticsearch8.py`, `opensearch2.py`) subclasses its backend, mapping
and query compilers with this mixin; settings name the module, whose `SearchBackend` Wagtail
loads, and /healthz/ names the engine by the backend class's module.
"""

from search.backends.common import attachment_text, withdrawn

ATTACHMENT_FIELD = "_attachment_text"


class AttachmentTextMapping:
    """Mixin for an engine's mapping class."""

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"][ATTACHMENT_FIELD] = {"type": "text", "copy_to": "_all_text"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document[ATTACHMENT_FIELD] = "" if withdrawn(obj) else attachment_text(obj)
        return document
