"""Global patches of third-party code, each recorded with the library source it was checked against.

Where a library offers no extension point, an app replaces a piece of it in memory. Each such
patch is one module, `<app>/patches/<what>.py`, whose docstring says what it replaces and why,
with:

- `PATCH = Patch(...)`: the library and the version whose source was read, and a fingerprint
  (SHA-256 of the source as written) of every function or attribute the patch replaces or
  relies on;
- `apply()`, called once from its app's `ready()`.

`gongkai/tests/test_patches.py` finds every patch module and fails when the installed library
is another version or any fingerprinted source changed: someone reads the new source, adjusts
the patch (or drops it), and records the new version and fingerprints.
"""

import ast
import hashlib
import inspect
import pkgutil
import textwrap
from dataclasses import dataclass
from importlib import import_module, metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Patch:
    library: str  # the distribution whose code is replaced, as pip names it
    checked_version: str  # the version whose source was read
    relies_on: dict[str, str]  # dotted path → fingerprint() of its source when checked


def source(dotted_path: str) -> str:
    """The source of a module, a module-level function or class, or a class's method, property
    or attribute, as written in its file: a patch replacing it in memory does not hide it."""
    try:
        return inspect.getsource(import_module(dotted_path))
    except ModuleNotFoundError:
        pass
    owner_path, _, name = dotted_path.rpartition(".")
    try:
        return inspect.getsource(getattr(import_module(owner_path), name))
    except ModuleNotFoundError:
        owner = import_string(owner_path)  # a class: find the attribute in the class's source
    text = textwrap.dedent(inspect.getsource(owner))
    for node in ast.parse(text).body[0].body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = {node.name}
        elif isinstance(node, ast.Assign):
            names = {target.id for target in node.targets if isinstance(target, ast.Name)}
        else:
            continue
        if name in names:
            return ast.get_source_segment(text, node)
    raise LookupError(f"{dotted_path}: no such attribute in the source of {owner_path}")


def fingerprint(dotted_path: str) -> str:
    return hashlib.sha256(source(dotted_path).encode()).hexdigest()[:16]


def drift(patch: Patch) -> list[str]:
    """How the installed library differs from the one the patch was checked against."""
    problems = []
    installed = metadata.version(patch.library)
    if installed != patch.checked_version:
        problems.append(
            f"{patch.library} {installed} installed, checked against {patch.checked_version}"
        )
    for dotted_path, recorded in patch.relies_on.items():
        try:
            current = fingerprint(dotted_path)
        except (ImportError, AttributeError, LookupError) as error:
            problems.append(f"{dotted_path} is gone: {error}")
            continue
        if current != recorded:
            problems.append(f"{dotted_path} changed: fingerprint {current}, recorded {recorded}")
    return problems


def project_patch_modules():
    """(module name, module) of every patch module in the project's installed apps."""
    base = Path(settings.BASE_DIR).resolve()
    for app in apps.get_app_configs():
        if not Path(app.path).resolve().is_relative_to(base):
            continue
        try:
            package = import_module(f"{app.name}.patches")
        except ModuleNotFoundError as error:
            if error.name == f"{app.name}.patches":
                continue
            raise
        for info in pkgutil.iter_modules(package.__path__):
            name = f"{package.__name__}.{info.name}"
            yield name, import_module(name)
