"""Elasticsearch 8 with attachment text in its documents (`engines.py`)."""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search.backends.engines import with_attachment_text

SearchBackend = with_attachment_text(Elasticsearch8SearchBackend, __name__)
