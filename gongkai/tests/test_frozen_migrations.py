"""A migration must do the same thing on every database, whenever it runs: what it needs is
written into the migration, never imported from the project's live code or read from settings,
which later edits change underneath it.

Every migration of every project app (as Django's loader finds them) is parsed, not run. Project
code may appear only as a reference in a schema operation (a field's validator, `upload_to` or
storage, which the autodetector writes as a dotted path and compares with the model); settings
only for the swappable models (`settings.AUTH_USER_MODEL`, `settings.WAGTAIL_PAGE_MODEL`).
"""

import ast
import importlib.util
import pkgutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

PROJECT_DIR = Path(settings.BASE_DIR).resolve()


def project_packages():
    """Top-level packages of the installed apps that live in this repository."""
    return {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(PROJECT_DIR)
        and ".venv" not in Path(config.path).resolve().relative_to(PROJECT_DIR).parts
    }


def project_migrations():
    """Each migration file of each project app, found where Django's loader looks for it (the
    files are read, not imported: importing some third-party migrations queries the database)."""
    packages = project_packages()
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in packages:
            continue
        module_name, _ = MigrationLoader.migrations_module(config.label)
        try:
            spec = importlib.util.find_spec(module_name)
        except ModuleNotFoundError:  # an app config in a plain module has no migrations
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        for module in pkgutil.iter_modules(spec.submodule_search_locations):
            if not module.ispkg and module.name[0] not in "_~":
                path = Path(module.module_finder.path) / f"{module.name}.py"
                yield pytest.param(path, id=f"{config.label}.{module.name}")


def is_project_module(module_name, packages):
    return module_name.split(".")[0] in packages


def live_code_uses(tree, packages):
    """(line, what) for each use of project code or settings outside a schema operation."""
    found = []
    project_names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if is_project_module(alias.name, packages):
                    project_names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if is_project_module(node.module, packages):
                found.append((node.lineno, f"from {node.module} import …"))
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found.append((node.lineno, "a relative import"))
    schema_operations = set()
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and cls.name == "Migration":
            for statement in cls.body:
                if isinstance(statement, ast.Assign) and any(
                    getattr(target, "id", None) == "operations" for target in statement.targets
                ):
                    schema_operations |= {id(node) for node in ast.walk(statement)}
    run_python = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "RunPython"
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in project_names:
            if id(node) not in schema_operations:
                found.append((node.lineno, f"{node.id}… outside the operations' fields"))
            elif id(node) in run_python:
                found.append((node.lineno, f"{node.id}… run by RunPython"))
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "settings"
            and not node.attr.endswith("_MODEL")
        ):
            found.append((node.lineno, f"settings.{node.attr}"))
    return sorted(found)


@pytest.mark.parametrize("path", list(project_migrations()))
def test_migration_uses_no_live_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert live_code_uses(tree, project_packages()) == []


def test_the_check_finds_live_code():
    """The check itself: each way a migration could reach live code is reported."""
    source = """
import disclosure.catalogue.codes
from django.conf import settings
from django.db import migrations, models
from disclosure.moderation.organisations.placement import set_up_disclosure_root
from .helpers import something


def forwards(apps, schema_editor):
    set_up_disclosure_root(settings.GONGKAI_TWO_FACTOR_ROLES, apps)
    disclosure.catalogue.codes.validate("x")
    apps.get_model(*settings.AUTH_USER_MODEL.split("."))


class Migration(migrations.Migration):
    operations = [
        migrations.AddField("m", "f", models.CharField(validators=[disclosure.catalogue.codes.v])),
        migrations.RunPython(forwards, disclosure.catalogue.codes.backwards),
    ]
"""
    found = [what for _, what in live_code_uses(ast.parse(source), {"disclosure"})]
    assert found == [
        "from disclosure.moderation.organisations.placement import …",
        "a relative import",
        "settings.GONGKAI_TWO_FACTOR_ROLES",
        "disclosure… outside the operations' fields",
        "disclosure… run by RunPython",
    ]


def test_every_project_app_is_checked():
    checked = {param.id.split(".")[0] for param in project_migrations()}
    assert {"moderation", "applications", "catalogue", "reports", "home", "search"} <= checked
    assert "gongkai" in checked
