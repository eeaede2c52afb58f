"""Elasticsearch 8 / OpenSearch 2 backends whose documents carry the page's attachment text.

modelsearch builds each engine document from `search_fields`; a live page's extracted
attachment text (`search.attachments.text_for_page`, the same text the database index appends
to the body) goes into one more field, `_attachment_text`, copied into `_all_text`, which every
search without an explicit field list reads. Withdrawn pages get none: no attachment of an
unpublished page is searchable, even before the engine's `live` filter.
"""

from search.backends.common import attachment_text, withdrawn

ATTACHMENT_FIELD = "_attachment_text"


class AttachmentTextMapping:
    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"][ATTACHMENT_FIELD] = {"type": "text", "copy_to": "_all_text"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document[ATTACHMENT_FIELD] = "" if withdrawn(obj) else attachment_text(obj)
        return document


def with_attachment_text(backend_class, module: str):
    """A subclass of an engine backend (and of its mapping and query compilers) whose documents
    carry attachment text; Wagtail loads the `SearchBackend` of a BACKEND module. The classes
    belong to that `module`: /healthz/ names the engine by its backend's module."""
    mapping = type(
        f"Chinese{backend_class.mapping_class.__name__}",
        (AttachmentTextMapping, backend_class.mapping_class),
        {"__module__": module},
    )

    def compiler(base):
        return type(
            f"Chinese{base.__name__}", (base,), {"mapping_class": mapping, "__module__": module}
        )

    return type(
        f"Chinese{backend_class.__name__}",
        (backend_class,),
        {
            "__module__": module,
            "mapping_class": mapping,
            "query_compiler_class": compiler(backend_class.query_compiler_class),
            "autocomplete_query_compiler_class": compiler(
                backend_class.autocomplete_query_compiler_class
            ),
        },
    )
