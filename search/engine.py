"""The one definition of Chinese analysis for Elasticsearch 8 and OpenSearch 2 indexes.

The engines must find what the database backends find: a page matches when every query word is
a substring of its (normalised) title or text (search/analysis.py). The `default` analyzer cuts
each run of letters and digits into every character and every overlapping pair of characters,
in order (`ngram` tokenizer, 1–2 characters: 政务公开 → 政 政务 务 务公 公 公开 开), folds
full-width forms (`cjk_width`) and case (`lowercase`). A query word analysed the same way and
asked as a phrase (`match_phrase`, search/backends/engine_query.py) then matches exactly where
it is a substring: its tokens are a contiguous stretch of the document's token stream, and a
one-character word is the single token of that character. The `cjk_bigram` filter this replaced
emitted no unigrams inside a run (税 found nothing in 税收) and left Latin letters and digits as
whole words (DF found nothing in PDF). Runs end at spaces and punctuation as in the database:
the pair across a boundary is never emitted, so no phrase spans one.

The tokenizer and the filters ship in both engines' common analysis module, so no plugin is
needed. Making this the `default` analyzer applies it to every text field modelsearch maps. The
settings sit under "settings", not "settings.index" (wagtail#3612). The backend classes carry
them (`with_chinese_analysis`): the deployment's settings only name the backend and the node.
Traditional-to-simplified folding needs a plugin (STConvert) and is not done here.

Changing these settings changes what an existing index holds: run `manage.py update_index`
after deploying (docs/search.md, "Reindexing the engines").
"""

from copy import deepcopy

from modelsearch.utils import deep_update

SUBSTRING_TOKENIZER = {
    "type": "ngram",
    "min_gram": 1,
    "max_gram": 2,
    "token_chars": ["letter", "digit"],
}

CHINESE_ANALYZER = {
    "type": "custom",
    "tokenizer": "zh_substring",
    "filter": ["cjk_width", "lowercase"],
}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "tokenizer": {"zh_substring": SUBSTRING_TOKENIZER},
            "analyzer": {
                "default": CHINESE_ANALYZER,
                "zh_substring": CHINESE_ANALYZER,
            },
        }
    }
}


def with_chinese_analysis(settings: dict) -> dict:
    """A backend class's index settings with this analysis: the engine backends' `settings`
    (elasticsearch8.py, opensearch2.py), so every index they make has it whatever the
    deployment's settings say; an INDEX_SETTINGS there still goes on top."""
    return deep_update(deepcopy(settings), deepcopy(INDEX_SETTINGS))
