"""Every patch of third-party code is a recorded module, and fails here when the library changes.

gongkai/patching.py describes the record. The tests that each patch is in effect sit beside its
app: gongkai/languages/tests/test_locale_lookup_patch.py and
disclosure/moderation/tests/test_patches.py.
"""

import ast
from importlib import import_module, metadata
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.patching import Patch, drift, fingerprint, project_patch_modules, source

PATCH_MODULES = [
    "disclosure.moderation.patches.admin_api_actions",
    "disclosure.moderation.patches.run_revision_approvals",
    "disclosure.moderation.patches.workflow_mails",
    "gongkai.languages.patches.locale_lookup",
    "gongkai.languages.patches.localize_dates",
]

PROJECT_PACKAGES = {"gongkai", "home", "disclosure", "search", "tests", "bench"}


def test_every_patch_module_is_found():
    assert sorted(name for name, _module in project_patch_modules()) == PATCH_MODULES


@pytest.mark.parametrize("name", PATCH_MODULES)
def test_the_library_has_not_changed_under_the_patch(name):
    """On failure: read the library's new source, adjust the patch (or drop it when the library
    now does the job), then record the new version and fingerprints in the patch module."""
    assert drift(import_module(name).PATCH) == []


@pytest.mark.parametrize("name", PATCH_MODULES)
def test_the_patch_says_what_it_replaces_and_the_version_checked(name):
    module = import_module(name)
    patch = module.PATCH
    docstring = " ".join((module.__doc__ or "").split()).lower()
    assert "replaces" in docstring or "disconnects" in docstring
    assert f"checked against {patch.library} {patch.checked_version}" in docstring
    assert patch.relies_on


def test_a_changed_library_is_noticed():
    get_for_language = "wagtail.models.i18n.LocaleManager.get_for_language"
    stale = Patch("wagtail", "7.0", {get_for_language: "0" * 16, "wagtail.models.Nothing.x": ""})
    problems = drift(stale)
    assert len(problems) == 3
    assert problems[0] == f"wagtail {metadata.version('wagtail')} installed, checked against 7.0"


def test_the_source_is_read_from_the_file_even_after_the_patch():
    from wagtail.models.i18n import LocaleManager

    assert LocaleManager.get_for_language.__module__ == "gongkai.languages.patches.locale_lookup"
    original = source("wagtail.models.i18n.LocaleManager.get_for_language")
    assert original.startswith("def get_for_language(self, language_code):")
    assert "return self.get(" in original
    assert fingerprint("wagtail.admin.api.urls") == fingerprint("wagtail.admin.api.urls")


def foreign_attribute_assignments(text: str) -> list[str]:
    """`X.attr = …`, `X.attr += …` and `setattr(X, …)` where X was imported from outside the
    project: a change to another package's objects."""
    tree = ast.parse(text)
    foreign = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            if node.module.split(".")[0] not in PROJECT_PACKAGES:
                foreign |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in PROJECT_PACKAGES:
                    foreign.add(alias.asname or alias.name.split(".")[0])

    def root(node):
        while isinstance(node, ast.Attribute):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign):
            targets = [node.target]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "setattr"
            and root(node.args[0]) in foreign
        ):
            found.append(ast.unparse(node))
        found += [
            ast.unparse(t) for t in targets if isinstance(t, ast.Attribute) and root(t) in foreign
        ]
    return found


def test_no_module_outside_the_patch_modules_changes_another_package():
    base = Path(settings.BASE_DIR)
    found = {}
    for package in sorted(PROJECT_PACKAGES - {"tests", "bench"}):
        for path in sorted((base / package).rglob("*.py")):
            parts = set(path.relative_to(base).parts)
            if parts & {"tests", "migrations", "patches"}:
                continue
            if hits := foreign_attribute_assignments(path.read_text(encoding="utf-8")):
                found[str(path.relative_to(base))] = hits
    assert found == {}


def test_the_scan_finds_a_patch_written_anywhere():
    text = (
        "from wagtail.models import WorkflowState\n"
        "import django.conf as conf\n"
        "def ready():\n"
        "    from wagtail.models.i18n import LocaleManager\n"
        "    LocaleManager.get_for_language = print\n"
        "    setattr(WorkflowState, 'x', 1)\n"
        "conf.settings.X += 1\n"
        "local = object(); local.x = 1\n"
    )
    assert sorted(foreign_attribute_assignments(text)) == [
        "LocaleManager.get_for_language",
        "conf.settings.X",
        "setattr(WorkflowState, 'x', 1)",
    ]
