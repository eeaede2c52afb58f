"""The one definition of Chinese analysis for Elasticsearch 8 and OpenSearch 2 indexes.

Both engines ship `cjk_width` (full-width to half-width), `lowercase` and `cjk_bigram` in their
common analysis module, so no plugin is needed. Making this the `default` analyzer applies it to
every text field modelsearch maps. The settings sit under "settings", not "settings.index"
(wagtail#3612). Traditional-to-simplified folding needs a plugin (STConvert) and is not done here.
"""

CHINESE_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["cjk_width", "lowercase", "cjk_bigram"],
}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": CHINESE_ANALYZER,
                "zh_bigram": CHINESE_ANALYZER,
            }
        }
    }
}


def engine_backend(backend_path: str, url: str, prefix: str, **extra) -> dict:
    """A WAGTAILSEARCH_BACKENDS entry for a search engine, with the Chinese index settings."""
    return {
        "BACKEND": backend_path,
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 10,
        "INDEX_SETTINGS": INDEX_SETTINGS,
        **extra,
    }
