"""OpenSearch 2 with attachment text in its documents (`engines.py`)."""

from wagtail.search.backends.opensearch2 import OpenSearch2SearchBackend

from search.backends.engines import with_attachment_text

SearchBackend = with_attachment_text(OpenSearch2SearchBackend, __name__)
