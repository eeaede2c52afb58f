"""Where the search backends take over modelsearch code (gongkai/patching.py, Override):
checked against modelsearch 1.3.2 (the admin page search: Wagtail 8.0.1)."""

from gongkai.patching import Override, Patch

MODELSEARCH = "modelsearch.backends"
SQLITE = f"{MODELSEARCH}.database.sqlite.sqlite"
POSTGRES = f"{MODELSEARCH}.database.postgres.postgres"
SQLITE_QUERY = f"{SQLITE}.SQLiteSearchQueryCompiler"
POSTGRES_QUERY = f"{POSTGRES}.PostgresSearchQueryCompiler"

SIGNAL_HANDLERS = "modelsearch.signal_handlers"

OVERRIDES = {
    "search.admin_page_search.RetryingPageSearchView": Override(
        replaces="Wagtail's admin page SearchView.get_queryset when the query as typed finds "
        "nothing: it runs again with each retry's words as the query (search/retries.py)",
        why="Wagtail's admin search requires each word typed as a substring of a title, and "
        "Chinese is typed without spaces (2023年报告); reading `search_query` again is the "
        "one way to search the same explorable pages with the same filters",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.admin.views.pages.search.SearchView.get_queryset": "c4b3cf3af34ec391",
                "wagtail.admin.views.pages.search.page_filter_search": "755c8494a48d6595",
            },
        ),
    ),
    # Not a class: a context manager that undoes and redoes what modelsearch's app config does
    # once at start-up, so it is written against that code just the same.
    "search.indexing.index_updates_deferred": Override(
        replaces="modelsearch's register_signal_handlers, for the models of the block: its "
        "post_save receiver is disconnected, then connected again as register_signal_handlers "
        "connects it (per model, only when search_auto_update is on)",
        why="modelsearch has no switch for its per-save index updates, and a batch import "
        "indexes each page once itself (queue_index_update)",
        checked=Patch(
            "modelsearch",
            "1.3.2",
            {
                f"{SIGNAL_HANDLERS}.register_signal_handlers": "7b4a4e73951bd633",
                f"{SIGNAL_HANDLERS}.post_save_signal_handler": "963c5426c22e0251",
            },
        ),
    ),
    "search.backends.common.TopKSearchMixin": Override(
        replaces="modelsearch's query compilers' search and check (SQLite and PostgreSQL)",
        why="Chinese text is matched on the index's n-grams in tiers and only the best "
        "results are ranked; filters run on the caller's queryset, so modelsearch's FilterField "
        "check does not apply",
        checked=Patch(
            "modelsearch",
            "1.3.2",
            {
                f"{MODELSEARCH}.base.BaseSearchQueryCompiler.check": "f5db3ca1a5946646",
                f"{SQLITE_QUERY}.search": "5aef6c60116eb5a7",
                f"{POSTGRES_QUERY}.search": "a2e0aaf1edd18109",
            },
        ),
    ),
    "search.backends.engines.SubstringQueryMixin": Override(
        replaces="modelsearch's Elasticsearch query compiler's get_inner_query, and its "
        "_get_order_by for 按发布日期",
        why="every text is in `_all_text` already; the tiers do the weighing, not modelsearch's "
        "boost fields; 按发布日期 orders by queryset aliases that get_sort turns into the "
        "document fields of search/result_dates.py, which modelsearch would refuse",
        checked=Patch(
            "modelsearch",
            "1.3.2",
            {
                f"{MODELSEARCH}.elasticsearchbase.ElasticsearchBaseSearchQueryCompiler"
                ".get_inner_query": "6fa3dcc2543d6791",
                f"{MODELSEARCH}.base.BaseSearchQueryCompiler._get_order_by": "e775e816bf5af35a",
            },
        ),
    ),
    "search.backends.column_compilers.AutocompleteMixin": Override(
        replaces="modelsearch's SQLite and PostgreSQL autocomplete compilers' get_config and "
        "get_search_fields_for_model",
        why="autocomplete reads its own column of the index, with the backend's configuration",
        checked=Patch(
            "modelsearch",
            "1.3.2",
            {
                f"{SQLITE_QUERY}.get_config": "f723b26101e39be6",
                f"{SQLITE_QUERY}.get_search_fields_for_model": "a9a23ba93871b401",
                f"{POSTGRES_QUERY}.get_config": "f723b26101e39be6",
                f"{POSTGRES_QUERY}.get_search_fields_for_model": "a9a23ba93871b401",
            },
        ),
    ),
    "search.backends.sqlite.ChineseSQLiteIndex": Override(
        replaces="modelsearch's SQLiteIndex.add_items",
        why="a page's text is segmented for Chinese before it is indexed, and a withdrawn page "
        "leaves the index",
        checked=Patch(
            "modelsearch", "1.3.2", {f"{SQLITE}.SQLiteIndex.add_items": "c48707b3a2e49006"}
        ),
    ),
    "search.backends.sqlite.ChineseSQLiteSearchResults": Override(
        replaces="modelsearch's private SQLiteSearchResults._do_count",
        why="the count comes from the tiered query, as the results do",
        checked=Patch(
            "modelsearch", "1.3.2", {f"{SQLITE}.SQLiteSearchResults._do_count": "77ff34ffbe13bda2"}
        ),
    ),
    "search.backends.postgres.ChinesePostgresIndex": Override(
        replaces="modelsearch's PostgresIndex.add_items",
        why="as on SQLite",
        checked=Patch(
            "modelsearch", "1.3.2", {f"{POSTGRES}.PostgresIndex.add_items": "ada217d2c4eb42cd"}
        ),
    ),
    "search.backends.postgres.ChinesePostgresSearchResults": Override(
        replaces="modelsearch's private PostgresSearchResults._do_count",
        why="as on SQLite",
        checked=Patch(
            "modelsearch",
            "1.3.2",
            {f"{POSTGRES}.PostgresSearchResults._do_count": "0a801dedd29cafbe"},
        ),
    ),
}
