"""Every patch of third-party code is a recorded module, and fails here when the library changes.

gongkai/patching.py describes the record. The tests that each patch is in effect sit beside its
app: gongkai/languages/tests/test_locale_lookup_patch.py,
gongkai/languages/tests/test_admin_label_patches.py and
disclosure/moderation/tests/test_patches.py.
"""

import ast
import hashlib
from importlib import import_module, metadata
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.patching import Patch, drift, fingerprint, project_patch_modules, source

PATCH_MODULES = [
    "disclosure.catalogue.patches.alias_restrictions",
    "disclosure.moderation.patches.admin_api_actions",
    "disclosure.moderation.patches.page_deletion",
    "disclosure.moderation.patches.run_revision_approvals",
    "disclosure.moderation.patches.translation_locks",
    "disclosure.moderation.patches.translation_review",
    "disclosure.moderation.patches.unpublish_button",
    "disclosure.moderation.patches.workflow_mails",
    "disclosure.moderation.patches.workflow_state_cancel",
    "gongkai.accounts.patches.name_fields",
    "gongkai.accounts.patches.name_order",
    "gongkai.accounts.patches.sidebar_name",
    "gongkai.languages.patches.admin_labels",
    "gongkai.languages.patches.draft_titles",
    "gongkai.languages.patches.live_translation_drafts",
    "gongkai.languages.patches.locale_lookup",
    "gongkai.languages.patches.localize_dates",
    "gongkai.languages.patches.model_names",
    "gongkai.languages.patches.sync_without_publishing",
    "gongkai.languages.patches.translation_buttons",
    "gongkai.languages.patches.translation_report_labels",
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


def test_a_module_fingerprint_is_its_file_text_hashed():
    text = Path(import_module("wagtail.admin.api.urls").__file__).read_text(encoding="utf-8")
    assert fingerprint("wagtail.admin.api.urls") == hashlib.sha256(text.encode()).hexdigest()[:16]
    assert fingerprint("wagtail.admin.api.urls") != fingerprint("wagtail.admin.api.views")


# Calls that hand out another package's shared objects (model classes, their options and fields)
# rather than new ones: what they return is followed like an attribute.
SHARED_OBJECT_LOOKUPS = {"get_model", "get_models", "get_field", "get_fields", "get_app_config"}


def _root(node):
    """The name an expression starts from, through attributes, items and the lookups of shared
    objects (`apps.get_model(label)._meta`, `View.columns[0]`, `Form.base_fields["page"]`).
    Any other call gives a new object or a row (`Site.objects.get()`, `forms.CharField()`),
    nobody else's, so the expression has no root."""
    while True:
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        elif isinstance(node, ast.Call):
            if getattr(node.func, "attr", None) not in SHARED_OBJECT_LOOKUPS:
                return None
            node = node.func.value
        elif isinstance(node, ast.Name):
            return node.id
        else:
            return None


def foreign_attribute_assignments(text: str) -> list[str]:
    """`X.attr = …`, `X.attr += …`, `X.a["b"].c = …` and `setattr(X, …)` where X was imported
    from outside the project, or is a name bound to something reached from such an import
    (`for column in IndexView.columns`, `options = apps.get_model(label)._meta`): a change to
    another package's objects."""
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
    # Names bound to what a foreign name reaches, until no more are found.
    bindings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            bindings += [(target, node.value) for target in node.targets]
        elif isinstance(node, (ast.For, ast.comprehension)):
            bindings.append((node.target, node.iter))
        elif isinstance(node, ast.NamedExpr):
            bindings.append((node.target, node.value))
    while True:
        reached = {
            target.id
            for target, value in bindings
            if isinstance(target, ast.Name) and _root(value) in foreign
        } - foreign
        if not reached:
            break
        foreign |= reached

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
            and _root(node.args[0]) in foreign
        ):
            found.append(ast.unparse(node))
        found += [
            ast.unparse(t) for t in targets if isinstance(t, ast.Attribute) and _root(t) in foreign
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


def test_the_scan_follows_what_another_package_hands_out_but_not_new_objects():
    text = (
        "from django.apps import apps\n"
        "from django import forms\n"
        "from wagtail.models import Site\n"
        "from wagtail.sites.views import IndexView\n"
        "from wagtail.admin.forms.workflows import WorkflowPageForm\n"
        "def ready():\n"
        "    for column in IndexView.columns:\n"
        "        column.label = 'x'\n"
        "    WorkflowPageForm.base_fields['page'].label = 'x'\n"
        "    for model in apps.get_models():\n"
        "        options = model._meta\n"
        "        options.verbose_name_plural = options.verbose_name\n"
        "    site = Site.objects.get(is_default_site=True)\n"
        "    site.site_name = 'a row, saved as any row is'\n"
        "    field = forms.CharField()\n"
        "    field.label = 'a new object'\n"
    )
    assert sorted(foreign_attribute_assignments(text)) == [
        "WorkflowPageForm.base_fields['page'].label",
        "column.label",
        "options.verbose_name_plural",
    ]
