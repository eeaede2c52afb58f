"""The project's own code, as the architecture tests read it: its source files, and the layers
of the import-linter contracts in pyproject.toml."""

import tomllib
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
PYPROJECT = BASE / "pyproject.toml"
# The packages of the project's code (tests and benchmarks aside).
APP_PACKAGES = ("gongkai", "home", "disclosure", "search")
# The project package is the plumbing under every layer (the "plumbing" contract).
PLUMBING = "gongkai"


def import_linter():
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]


def contract(contract_id):
    (found,) = [c for c in import_linter()["contracts"] if c["id"] == contract_id]
    return found


def layers():
    """The modules of each layer of the `apps` contract, from the top."""
    return [
        [name.strip() for name in layer.replace("|", ":").split(":")]
        for layer in contract("apps")["layers"]
    ]


def layered_modules():
    return {name for layer in layers() for name in layer}


def source_files(skip=("tests", "migrations")):
    """(path relative to the repository, text) of every Python file of the project's code."""
    for package in APP_PACKAGES:
        for path in sorted((BASE / package).rglob("*.py")):
            relative = path.relative_to(BASE)
            if set(relative.parts) & set(skip):
                continue
            yield relative, path.read_text(encoding="utf-8")
