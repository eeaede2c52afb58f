"""The layers of docs/architecture.md hold: the import-linter contracts in pyproject.toml are
kept, every app of the project has its place in them, and so does every module and subpackage
of moderation in the layers inside it."""

import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

from .project_code import BASE, PLUMBING, contract, import_linter, layered_modules

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_import_contracts_are_kept():
    run = subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_app_of_the_project_has_its_layer():
    roots = import_linter()["root_packages"]
    ours = [
        config.name
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in roots and config.name != PLUMBING
    ]
    layered = layered_modules()
    unplaced = [
        name
        for name in ours
        if not any(name == module or name.startswith(f"{module}.") for module in layered)
    ]
    assert ours and not unplaced, f"apps missing from the layers in pyproject.toml: {unplaced}"


def test_every_part_of_moderation_has_its_layer():
    """A subpackage (or top module) missing from the `moderation` contract could import any
    other unchecked, and a cycle through it would go unnoticed."""
    layered = {
        name.strip()
        for layer in contract("moderation")["layers"]
        for name in layer.replace("|", ":").split(":")
    }
    app = BASE / "disclosure" / "moderation"
    parts = {
        path.stem if path.is_file() else path.name
        for path in app.iterdir()
        if (path.suffix == ".py" and path.name != "__init__.py")
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    unplaced = parts - layered - {"tests", "migrations"}
    assert parts and not unplaced, f"moderation modules missing from its layers: {unplaced}"


def unreached_by_acyclic(modules, ancestors, depth):
    """The modules no package listed in the `acyclic` contract reaches: it compares the
    children of each package down to `depth` levels below it, so a module is compared with its
    siblings when it lies at most `depth + 1` levels below a listed package."""

    def reached(module):
        return any(
            module.startswith(f"{ancestor}.")
            and module.count(".") - ancestor.count(".") <= depth + 1
            for ancestor in ancestors
        )

    return sorted(module for module in modules if not reached(module))


def app_modules(config):
    """Dotted names of the modules and subpackages of an installed app (tests, migrations and
    the packages of other apps inside it aside)."""
    root = Path(config.path)
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if {"tests", "migrations"} & set(parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            yield ".".join((config.name, *parts))


def test_every_module_of_every_app_is_under_the_acyclic_contract():
    """A cycle between modules the contract does not reach goes unnoticed: the layers of
    moderation and of the reports let their wiring modules import each other and do not look
    inside a subpackage."""
    acyclic = contract("acyclic")
    roots = import_linter()["root_packages"]
    ours = [c for c in apps.get_app_configs() if c.name.split(".")[0] in roots]
    modules = {module for config in ours for module in app_modules(config)}
    unreached = unreached_by_acyclic(modules, acyclic["ancestors"], acyclic["depth"])
    assert modules and not unreached, f"add their app to `acyclic` in pyproject.toml: {unreached}"


def test_the_acyclic_reach_ends_at_its_depth():
    modules = ["app.a", "app.sub.b", "app.sub.deeper.c", "other.d"]
    assert unreached_by_acyclic(modules, ["app"], 1) == ["app.sub.deeper.c", "other.d"]
    assert unreached_by_acyclic(modules, ["app", "app.sub"], 1) == ["other.d"]
