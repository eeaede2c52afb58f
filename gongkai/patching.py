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

A class that takes over library methods in a subclass or a mixin changes nothing globally but
is written against the library's source just the same: each is an `Override` in its app's
`overrides.py`, checked by `gongkai/tests/test_overrides.py`, which also scans the project's
classes for unrecorded ones (`reimplemented_methods`).
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


@dataclass(frozen=True)
class Override:
    """A project class that re-implements library methods, or leans on the library's inner
    working (private methods, attributes a view sets on itself, the shape of a response), in a
    subclass or a mixin composed with the library's class. Unlike a patch it changes nothing
    globally, but like one it is written against the library's source as it was: `checked`
    fingerprints every library method it replaces or relies on."""

    replaces: str  # what of the library it takes over, in a sentence
    why: str  # what the library does that we cannot configure away
    checked: Patch


def project_override_modules():
    """(module name, module) of the `overrides` module of each of the project's apps: its
    OVERRIDES maps the dotted path of each overriding class to its Override."""
    base = Path(settings.BASE_DIR).resolve()
    for app in apps.get_app_configs():
        if not Path(app.path).resolve().is_relative_to(base):
            continue
        name = f"{app.name}.overrides"
        try:
            yield name, import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def project_overrides():
    """{dotted path of the overriding class: Override} over the project's apps."""
    found = {}
    for _name, module in project_override_modules():
        found.update(module.OVERRIDES)
    return found


def _is_hook(function):
    """A library method written to be replaced: its body (docstring aside) is `pass`, `...`,
    a `raise` or a `return` of a constant or an empty list, tuple or dict."""
    try:
        body = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0].body
    except (OSError, TypeError, SyntaxError):
        return False
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if not body:
        return True
    if len(body) > 1:
        return False
    (statement,) = body
    if isinstance(statement, ast.Return):
        value = statement.value
        return (
            value is None
            or isinstance(value, ast.Constant)
            or (isinstance(value, (ast.List, ast.Tuple)) and not value.elts)
            or (isinstance(value, ast.Dict) and not value.keys)
        )
    return isinstance(statement, (ast.Pass, ast.Raise)) or (
        isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
    )


def _calls_super(function):
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return False
    return any(
        isinstance(node, ast.Call) and getattr(node.func, "id", None) == "super"
        for node in ast.walk(tree)
    )


def _function(attribute):
    """The function of a method, class method or static method; None for other attributes."""
    if isinstance(attribute, (classmethod, staticmethod)):
        attribute = attribute.__func__
    return attribute if inspect.isfunction(attribute) else None


def reimplemented_methods(classes, is_ours):
    """{dotted path of a project class: {dotted path of a library method}} for each library
    method a project class takes over: one with a private name (`_put`), or one it replaces
    without calling `super()`, unless the library's is a hook (`_is_hook`). A mixin's methods
    count against the library classes it is composed with in `classes`."""
    found = {}
    for cls in classes:
        mro = cls.__mro__
        if any(base.__module__ == "enum" for base in mro):
            continue  # choices: the enum machinery's sunder methods are no library behaviour
        for position, ours in enumerate(mro):
            if not is_ours(ours):
                continue
            for name, value in vars(ours).items():
                value = _function(value)
                if name.startswith("__") or value is None:
                    continue
                library = next(
                    (
                        base
                        for base in mro[position + 1 :]
                        if not is_ours(base) and base is not object and name in vars(base)
                    ),
                    None,
                )
                if library is None:
                    continue
                original = _function(vars(library)[name])
                if original is not None and _is_hook(original):
                    continue
                if name.startswith("_") or not _calls_super(value):
                    found.setdefault(f"{ours.__module__}.{ours.__qualname__}", set()).add(
                        f"{library.__module__}.{library.__qualname__}.{name}"
                    )
    return found


def override_drift(override: Override, found_methods=()) -> list[str]:
    """How the installed library differs from the one the override was checked against, and
    which library methods it takes over (`found_methods`) it does not fingerprint."""
    problems = drift(override.checked)
    problems += [
        f"{method} is replaced but not fingerprinted"
        for method in sorted(set(found_methods) - override.checked.relies_on.keys())
    ]
    return problems
