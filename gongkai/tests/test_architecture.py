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
