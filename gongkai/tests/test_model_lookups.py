"""An app reaches another app's models through imports, which the import-linter contracts see,
never by name (`apps.get_model("moderation", "OrganisationRole")`), which they do not: a
lookup by name hid the register's dependency on moderation until it was moved down
(OrganisationRole is the catalogue's, docs/architecture.md). Migrations look models up by name
by design (historical models) and are not scanned."""

import ast
from pathlib import Path

from django.apps import apps

from .project_code import BASE, source_files

# Lookups whose model is named by data, not by the code: each with where the name comes from.
LOOKUPS_BY_DATA = {
    "search/reconcile.py": "the model a search-index update names (any indexed page type)",
    "search/indexing.py": "the page type a queued batch index task names",
    "gongkai/languages/patches/model_names.py": "MODEL_NAMES: models of Wagtail and its companions",
}


def project_apps():
    """(path, label) of each installed app of the project, deepest path first."""
    ours = [
        (Path(config.path).resolve(), config.label)
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(BASE.resolve())
        and ".venv" not in Path(config.path).resolve().relative_to(BASE.resolve()).parts
    ]
    return sorted(ours, key=lambda item: -len(item[0].parts))


def app_label_of(relative_path, ours):
    path = (BASE / relative_path).resolve()
    return next((label for app_path, label in ours if path.is_relative_to(app_path)), None)


def model_lookups(text):
    """(app label or None when not written out, source) of each `get_model(…)` call."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name != "get_model":
            continue
        first = node.args[0]
        label = None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            label = first.value.split(".")[0]
        found.append((label, ast.unparse(node)))
    return found


def test_no_app_looks_up_another_apps_models_by_name():
    ours = project_apps()
    project_labels = {label for _path, label in ours}
    crossing = {}
    for path, text in source_files():
        own = app_label_of(path, ours)
        for label, call in model_lookups(text):
            if label is None and str(path) not in LOOKUPS_BY_DATA:
                crossing.setdefault(str(path), []).append(f"{call}: a name the scan cannot read")
            elif label in project_labels and label != own:
                crossing.setdefault(str(path), []).append(call)
    assert crossing == {}, "import the model instead (docs/architecture.md)"


def test_the_scan_reads_every_form_of_lookup():
    text = (
        "from django.apps import apps\n"
        "A = apps.get_model('moderation', 'OrganisationRole')\n"
        "B = apps.get_model('catalogue.Organisation')\n"
        "def f(label, registry):\n"
        "    return registry.get_model(label), get_model('auth', 'Group')\n"
    )
    assert [label for label, _call in model_lookups(text)] == [
        "moderation",
        "catalogue",
        None,
        "auth",
    ]


def test_the_listed_lookups_by_data_exist():
    assert all((BASE / path).exists() for path in LOOKUPS_BY_DATA)


def test_the_item_page_classes_are_the_item_page_types():
    from disclosure.catalogue.models import ITEM_PAGE_MODELS, ITEM_PAGE_TYPES

    assert [model._meta.label for model in ITEM_PAGE_MODELS] == ITEM_PAGE_TYPES
