"""Test modules are not libraries: what several tests share lives in fixtures, factories or
helper modules (tests/factories.py, each app's tests/factories.py and helpers.py), so that a
test module can change without breaking another."""

import ast
from pathlib import Path

from django.conf import settings

PACKAGES = ("gongkai", "home", "disclosure", "search", "tests", "bench")


def imported_test_modules(path):
    """The `test_*` modules `path` imports, relative or absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or "", *(alias.name for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if any(part.startswith("test_") for part in name.split(".")):
                yield name


def test_no_module_imports_a_test_module():
    root = Path(settings.BASE_DIR)
    offenders = {
        str(path.relative_to(root)): sorted(set(imported_test_modules(path)))
        for package in PACKAGES
        for path in (root / package).rglob("*.py")
        if ".venv" not in path.parts and "migrations" not in path.parts
    }
    assert {path: names for path, names in offenders.items() if names} == {}
