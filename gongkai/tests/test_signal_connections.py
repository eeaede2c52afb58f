"""Every app connects its signal receivers in its app config's `ready()`, explicitly, so that
one place per app says what it listens to and in which order (docs/architecture.md, "Inside an
app"): no `@receiver` decorator, and no `connect()` that runs when a module is imported. A
receiver connected by importing its module listens only if something imported that module,
and reading the app config no longer tells what the app listens to."""

import ast

from .project_code import source_files


def _is_receiver_decorator(decorator):
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(target, ast.Name) and target.id == "receiver") or (
        isinstance(target, ast.Attribute) and target.attr == "receiver"
    )


def _is_connect_call(node):
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
    )


def _run_at_import(node):
    """The nodes under `node` that run when their module is imported: all but the bodies of
    functions (a class body runs at import, a method's does not)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            # Its decorators and default values run at import; its body does not.
            arguments = child.args
            for runs in [
                *getattr(child, "decorator_list", ()),  # a lambda has none
                *arguments.defaults,
                *filter(None, arguments.kw_defaults),
            ]:
                yield runs
                yield from _run_at_import(runs)
            continue
        yield child
        yield from _run_at_import(child)


def offences(source):
    """(line, what) for each receiver connected other than in a function that asks for it."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [
                (decorator.lineno, f"@receiver on {node.name}")
                for decorator in node.decorator_list
                if _is_receiver_decorator(decorator)
            ]
    found += [
        (node.lineno, "connect() at import")
        for node in _run_at_import(tree)
        if _is_connect_call(node)
    ]
    return sorted(found)


def test_no_app_connects_a_receiver_other_than_in_its_ready():
    found = {
        f"{path}:{line}": what for path, text in source_files() for line, what in offences(text)
    }
    assert found == {}


def test_the_scan_finds_a_receiver_decorator_and_a_connect_at_import():
    source = """
from django.db.models.signals import post_save
from django import dispatch
from django.dispatch import receiver

@receiver(post_save)
def decorated(sender, **kwargs): ...

@dispatch.receiver(post_save, sender=object)
def decorated_through_the_module(sender, **kwargs): ...

post_save.connect(decorated)

class Listening:
    post_save.connect(decorated)

if True:
    post_save.connect(decorated)

def ready():
    post_save.connect(decorated)

class Config:
    def ready(self):
        post_save.connect(decorated)
"""
    assert offences(source) == [
        (6, "@receiver on decorated"),
        (9, "@receiver on decorated_through_the_module"),
        (12, "connect() at import"),
        (15, "connect() at import"),
        (18, "connect() at import"),
    ]
