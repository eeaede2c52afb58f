"""OpenSearch 2 with attachment text in its documents and our query compiler (`engines.py`)."""

from wagtail.search.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)

from search.backends.engines import AttachmentTextMapping, SubstringQueryMixin
from search.engine import with_chinese_analysis


class ChineseOpenSearch2Mapping(AttachmentTextMapping, OpenSearch2Mapping):
    pass


class ChineseOpenSearch2SearchQueryCompiler(SubstringQueryMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = ChineseOpenSearch2Mapping


class ChineseOpenSearch2AutocompleteQueryCompiler(OpenSearch2AutocompleteQueryCompiler):
    mapping_class = ChineseOpenSearch2Mapping


class ChineseOpenSearch2SearchBackend(OpenSearch2SearchBackend):
    settings = with_chinese_analysis(OpenSearch2SearchBackend.settings)
    mapping_class = ChineseOpenSearch2Mapping
    query_compiler_class = ChineseOpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseOpenSearch2AutocompleteQueryCompiler


SearchBackend = ChineseOpenSearch2SearchBackend
