"""settings/base.py stays one linear file: each setting is set by one statement, in its group.

A feature branch that appends `INSTALLED_APPS += [...]` or merges a schedule through
`globals()` at the end of the file makes a reader search the whole file for a setting's value;
these tests refuse it where it is written.
"""

import ast
from collections import Counter
from pathlib import Path

import gongkai.settings.base

BASE = Path(gongkai.settings.base.__file__)


def module_statements():
    return ast.parse(BASE.read_text(encoding="utf-8")).body


def assigned_names(statement):
    """Upper-case names a top-level statement binds, looking into its if/else branches once."""
    if isinstance(statement, ast.If):
        branches = [statement.body, statement.orelse]
        return set().union(*(set().union(*map(assigned_names, b)) for b in branches if b))
    targets = []
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        targets = [statement.target]
    # Names bound, not values changed in place: DATABASES' options are filled in its group.
    elements = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
    return {e.id for e in elements if isinstance(e, ast.Name) and e.id.isupper()}


def test_each_setting_is_set_by_one_statement():
    counts = Counter(
        name for statement in module_statements() for name in assigned_names(statement)
    )
    assert [name for name, count in counts.items() if count > 1] == []


def test_no_setting_is_extended_or_merged_after_its_definition():
    tree = ast.parse(BASE.read_text(encoding="utf-8"))
    extended = [
        ast.unparse(node.target)
        for node in ast.walk(tree)
        if isinstance(node, ast.AugAssign) and ast.unparse(node.target)[:1].isupper()
    ]
    via_globals = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "globals"
    ]
    assert extended == [] and via_globals == []


def test_the_checker_sees_a_setting_extended_later():
    # The rule above must be able to fail: a settings file assembled per branch.
    source = "INSTALLED_APPS = ['a']\nINSTALLED_APPS += ['b']\n"
    counts = Counter(name for s in ast.parse(source).body for name in assigned_names(s))
    assert counts["INSTALLED_APPS"] == 2
