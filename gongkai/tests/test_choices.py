"""A set of values with labels is a TextChoices (statutory.tables.Format,
applications.outcomes.Outcome, inspection.results.Status), not string constants beside a dict
of their labels."""

import ast

from .project_code import source_files


def constants_with_a_label_dict(text: str) -> list[str]:
    """Module-level dicts whose keys are module-level string constants and whose values are all
    translated labels: `PASS, WARN = "pass", "warn"` with `LABELS = {PASS: _("通过"), …}`."""
    tree = ast.parse(text)
    constants = set()
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            names = target.elts if isinstance(target, ast.Tuple) else [target]
            values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            for name, value in zip(names, values, strict=False):
                if isinstance(name, ast.Name) and isinstance(getattr(value, "value", 0), str):
                    constants.add(name.id)
    found = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)):
            continue
        keys, values = node.value.keys, node.value.values
        if (
            len(keys) > 1
            and all(isinstance(key, ast.Name) and key.id in constants for key in keys)
            and all(isinstance(v, ast.Call) and getattr(v.func, "id", "") == "_" for v in values)
        ):
            found.append(ast.unparse(node.targets[0]))
    return found


def test_no_module_labels_string_constants_outside_a_textchoices():
    found = {
        str(path): hits
        for path, text in source_files()
        if (hits := constants_with_a_label_dict(text))
    }
    assert found == {}


def test_the_scan_finds_constants_with_a_label_dict():
    text = (
        "PASS, WARN, VETO = 'pass', 'warn', 'veto'\n"
        "STATUS_LABELS = {PASS: _('通过'), WARN: _('提醒'), VETO: _('否决')}\n"
        "NUMBER_LABELS = {'columns': _('检查的栏目'), 'ratio': _('解读比例')}\n"
    )
    assert constants_with_a_label_dict(text) == ["STATUS_LABELS"]


def test_inspection_statuses_keep_the_values_snapshots_hold():
    from disclosure.inspection.results import Finding, Result, Status

    assert [(s.value, str(s.label)) for s in Status] == [
        ("pass", "通过"),
        ("warn", "提醒"),
        ("veto", "否决"),
    ]
    vetoed = Result("x", "x", "veto", 1, "", findings=[Finding(None, "title", "detail")])
    assert vetoed.status is Status.VETO and vetoed.status_label == "否决"
