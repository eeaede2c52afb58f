"""Elasticsearch 8 with attachment text in its documents and our query compiler (`engines.py`)."""

from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)

from search.backends.engines import AttachmentTextMapping, SubstringQueryMixin
from search.engine import with_chinese_analysis


class ChineseElasticsearch8Mapping(AttachmentTextMapping, Elasticsearch8Mapping):
    pass


class ChineseElasticsearch8SearchQueryCompiler(
    SubstringQueryMixin, Elasticsearch8SearchQueryCompiler
):
    mapping_class = ChineseElasticsearch8Mapping


class ChineseElasticsearch8AutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = ChineseElasticsearch8Mapping


class ChineseElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    settings = with_chinese_analysis(Elasticsearch8SearchBackend.settings)
    mapping_class = ChineseElasticsearch8Mapping
    query_compiler_class = ChineseElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseElasticsearch8AutocompleteQueryCompiler


SearchBackend = ChineseElasticsearch8SearchBackend
