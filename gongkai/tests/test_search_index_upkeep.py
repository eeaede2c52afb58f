"""Every upkeep of the search index is search's (docs/architecture.md): the apps below it
announce what changed (the catalogue's `index_numbers.index_number_written`), and search
queues, defers or batches the updates (`search/signals.py`, `search/indexing.py`). A catalogue
module that enqueued modelsearch's task, or an importer that disconnected modelsearch's
receivers itself, kept a second, partial copy of that upkeep out of search's sight."""

import ast

from .project_code import source_files

# What only search/ touches: modelsearch's per-object tasks and its save receivers.
SEARCH_UPKEEP_MODULES = ("modelsearch.tasks", "modelsearch.signal_handlers")
SEARCH_UPKEEP_NAMES = {
    "insert_or_update_object_task",
    "delete_object_task",
    "post_save_signal_handler",
    "post_delete_signal_handler",
}


def search_upkeep_named(text):
    """The modules and names of modelsearch's index upkeep a module imports or uses."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            imported = [module, *(f"{module}.{alias.name}" for alias in node.names)]
            found += [name for name in imported if name in SEARCH_UPKEEP_MODULES]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name in SEARCH_UPKEEP_MODULES]
        elif isinstance(node, ast.Attribute) and node.attr in SEARCH_UPKEEP_NAMES:
            found.append(node.attr)
        elif isinstance(node, ast.Name) and node.id in SEARCH_UPKEEP_NAMES:
            found.append(node.id)
    return found


def test_only_search_keeps_the_search_index():
    found = {
        str(path): search_upkeep_named(text)
        for path, text in source_files()
        if path.parts[0] != "search"
    }
    assert {path: names for path, names in found.items() if names} == {}, (
        "announce the change with a signal search listens to, or defer updates with "
        "search.indexing.index_updates_deferred (docs/architecture.md)"
    )


def test_the_scan_finds_a_task_enqueued_or_a_receiver_disconnected():
    text = (
        "from modelsearch.tasks import insert_or_update_object_task\n"
        "from modelsearch import signal_handlers as search_signals\n"
        "def f(model):\n"
        "    post_save.disconnect(search_signals.post_save_signal_handler, sender=model)\n"
        "    insert_or_update_object_task.enqueue('catalogue', 'item', '1')\n"
    )
    assert sorted(search_upkeep_named(text)) == [
        "insert_or_update_object_task",
        "modelsearch.signal_handlers",
        "modelsearch.tasks",
        "post_save_signal_handler",
    ]
