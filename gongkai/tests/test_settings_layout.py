"""settings/base.py stays one linear file: each setting is set by one statement, in its group.

A feature branch that appends `INSTALLED_APPS += [...]` or merges a schedule through
`globals()` at the end of the file makes a reader search the whole file for a setting's value;
these tests refuse it where it is written.
"""

import ast
from collections import Counter
from pathlib import Path

import pytest

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


# The environments' files change what differs from base.py, item by item: production's LOGGING
# once replaced base's whole dict and lost its loggers (WeasyPrint's INFO lines on every PDF).
ENVIRONMENTS = ("production", "dev")


def replaced_wholesale(source, base_names):
    """Names of base.py's settings that `source` binds to a new dict or list written out in full
    (not one built from the base value, as `[*INSTALLED_APPS, "csp"]`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, (ast.Dict, ast.List)):
            continue
        read = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
        found += [
            t.id
            for t in node.targets
            if isinstance(t, ast.Name) and t.id in base_names and t.id not in read
        ]
    return found


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_an_environment_changes_base_settings_item_by_item(environment):
    base_names = set().union(*map(assigned_names, module_statements()))
    source = (BASE.parent / f"{environment}.py").read_text(encoding="utf-8")
    assert replaced_wholesale(source, base_names) == []


def test_the_checker_sees_a_setting_replaced_wholesale():
    source = (
        'LOGGING = {"version": 1}\n'
        'LOGGING["handlers"]["console"]["formatter"] = "json"\n'
        'INSTALLED_APPS = [*INSTALLED_APPS, "csp"]\n'
        "if x:\n"
        '    STORAGES = {"default": {}}\n'
    )
    names = {"LOGGING", "INSTALLED_APPS", "STORAGES"}
    assert replaced_wholesale(source, names) == ["LOGGING", "STORAGES"]
