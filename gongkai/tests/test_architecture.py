"""The layers of docs/architecture.md hold: the import-linter contracts in pyproject.toml are
kept, and every app of the project has its place in them."""

import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

from .project_code import PLUMBING, import_linter, layered_modules

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
