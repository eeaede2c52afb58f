"""A set of values with labels, or of values a status takes, is a TextChoices
(statutory.tables.Format, applications.outcomes.Outcome, inspection.results.Status,
reports.overview.Status, reports.rules.findings.Severity,
moderation.review.review_record.StepStatus), not string constants beside a dict of their
labels, nor bare string constants a status is compared with or set to."""

import ast

from .project_code import source_files

# The calls that mark a translated label.
LABEL_CALLS = {"_", "_lazy", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy"}
# Names of what holds one value of a set: `row.status = LATE`, `self.severity == ERROR`.
STATUS_WORDS = ("status", "state", "severity", "level", "kind", "validity")
CHOICES_BASES = {"Choices", "TextChoices", "IntegerChoices"}


def _name(node):
    """The name an expression ends in: `x` for `x` and `a.b.x`, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _string_constants(body):
    """Names the statements of `body` bind to a string literal: `A = "a"`, `A, B = "a", "b"`."""
    found = set()
    for node in body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.Assign):
            pairs = []
            for target in node.targets:
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    pairs += zip(target.elts, node.value.elts, strict=False)
                else:
                    pairs.append((target, node.value))
        else:
            continue
        for target, value in pairs:
            if (
                isinstance(target, ast.Name)
                and target.id.isupper()  # a constant, not a dataclass field's default
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
            ):
                found.add(target.id)
    return found


def _is_choices(node):
    return any(_name(base) in CHOICES_BASES for base in node.bases)


def string_constants(tree):
    """The module-level string constants and the class-level ones of classes that are not
    Choices (whose members are the values and labels, as they should be)."""
    constants = _string_constants(tree.body)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and not _is_choices(node):
            constants |= _string_constants(node.body)
    return constants


def _is_label(node):
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Call) and _name(node.func) in LABEL_CALLS


def choices_classes(tree):
    return {
        node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and _is_choices(node)
    }


def _is_constant_key(node, constants, choices):
    """A key naming a constant: one of this module's, or another's in capitals
    (`TaskState.STATUS_APPROVED`) unless it is a member of a Choices (`EventAction.REGISTER`
    keying the applicant's words for each step is a second text for each member, not a list)."""
    name = _name(node)
    if isinstance(node, ast.Name):
        return name in constants
    if not isinstance(node, ast.Attribute):
        return False
    return name in constants or (name.isupper() and _name(node.value) not in choices)


def constants_with_a_label_dict(text: str, choices=frozenset()) -> list[str]:
    """Dicts whose keys are all named constants and whose values are all labels (translated or
    not): `PASS, WARN = "pass", "warn"` with `LABELS = {PASS: _("通过"), …}`. `choices` names
    the Choices classes of other modules."""
    tree = ast.parse(text)
    constants = string_constants(tree)
    choices = set(choices) | choices_classes(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)):
            continue
        keys, values = node.value.keys, node.value.values
        if (
            len(keys) > 1
            and all(key is not None and _is_constant_key(key, constants, choices) for key in keys)
            and all(_is_label(value) for value in values)
        ):
            found.append(ast.unparse(node.targets[0]))
    return found


def constants_in_choice_pairs(text: str) -> list[str]:
    """String constants of the module written as the value of a (value, label) pair, the way
    a choices list is written: `choices=[("", _("全部")), (IN_FORCE, _("现行有效"))]`."""
    tree = ast.parse(text)
    constants = string_constants(tree)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            value, label = node.elts
            if _name(value) in constants and isinstance(value, ast.Name) and _is_label(label):
                found.add(value.id)
    return sorted(found)


def _holds_a_status(node):
    name = _name(node)
    return name is not None and name.lower().endswith(STATUS_WORDS)


def _constants_in(node, constants):
    """The constants an expression gives: itself, or either branch of a conditional."""
    if isinstance(node, ast.IfExp):
        return _constants_in(node.body, constants) | _constants_in(node.orelse, constants)
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return set().union(*(_constants_in(element, constants) for element in node.elts))
    name = _name(node)
    return {name} if name in constants else set()


def constants_used_as_statuses(text: str) -> list[str]:
    """String constants of the module (or of its classes) that something named like a status
    (…status, …state, …severity, …level, …kind) is compared with, set to or given as a keyword:
    `row.status = ON_TIME if … else LATE`, `self.severity == ERROR`, `Row(status=DRAFT)`."""
    tree = ast.parse(text)
    constants = string_constants(tree)
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_holds_a_status(operand) for operand in operands):
                for operand in operands:
                    used |= _constants_in(operand, constants)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(_holds_a_status(t) for t in targets):
                used |= _constants_in(node.value, constants)
        elif isinstance(node, ast.keyword) and node.arg and node.arg.endswith(STATUS_WORDS):
            used |= _constants_in(node.value, constants)
    return sorted(used)


def test_no_module_labels_string_constants_outside_a_textchoices():
    sources = list(source_files())
    choices = set().union(*(choices_classes(ast.parse(text)) for _path, text in sources))
    found = {
        str(path): hits
        for path, text in sources
        if (hits := constants_with_a_label_dict(text, choices))
    }
    assert found == {}


def test_no_choices_list_pairs_a_string_constant_with_its_label():
    found = {
        str(path): hits
        for path, text in source_files()
        if (hits := constants_in_choice_pairs(text))
    }
    assert found == {}


def test_the_scan_finds_constants_paired_with_labels_and_validity_compared_with_them():
    text = (
        "IN_FORCE = 'current'\n"
        "class Form:\n"
        "    validity = forms.ChoiceField(choices=[('', _('全部')), (IN_FORCE, _('现行有效'))])\n"
        "def filtered(validity):\n"
        "    return validity == IN_FORCE\n"
    )
    assert constants_in_choice_pairs(text) == ["IN_FORCE"]
    assert constants_used_as_statuses(text) == ["IN_FORCE"]
    assert constants_in_choice_pairs("PAGE_SIZE = 'x'\nrows = [('a', PAGE_SIZE)]\n") == []


def test_no_status_takes_bare_string_constants():
    found = {
        str(path): hits
        for path, text in source_files()
        if (hits := constants_used_as_statuses(text))
    }
    assert found == {}


def test_the_scan_finds_constants_with_a_label_dict():
    text = (
        "PASS, WARN, VETO = 'pass', 'warn', 'veto'\n"
        "STATUS_LABELS = {PASS: _('通过'), WARN: _('提醒'), VETO: _('否决')}\n"
        "NUMBER_LABELS = {'columns': _('检查的栏目'), 'ratio': _('解读比例')}\n"
        "ON_TIME = 'on_time'\n"
        "LATE = 'late'\n"
        "LAZY_LABELS = {ON_TIME: gettext_lazy('按时发布'), LATE: gettext_lazy('逾期发布')}\n"
        "PLAIN_LABELS = {ON_TIME: '按时发布', LATE: '逾期发布'}\n"
        "WAGTAIL_LABELS = {TaskState.STATUS_APPROVED: '通过', TaskState.STATUS_REJECTED: '退回'}\n"
        "class Step:\n"
        "    OPEN = 'open'\n"
        "    SHUT = 'shut'\n"
        "    LABELS = {OPEN: _('进行中'), SHUT: _('已结束')}\n"
        "WORDS = {EventAction.REGISTER: _('收到申请'), EventAction.ACCEPT: _('进入办理')}\n"
    )
    assert constants_with_a_label_dict(text, choices={"EventAction"}) == [
        "STATUS_LABELS",
        "LAZY_LABELS",
        "PLAIN_LABELS",
        "WAGTAIL_LABELS",
        "LABELS",
    ]


def test_the_scan_finds_constants_used_as_statuses():
    text = (
        "ERROR = 'error'\n"
        "WARNING = 'warning'\n"
        "TOWNSHIP = 'township'\n"
        "ON_TIME, LATE = 'on_time', 'late'\n"
        "TITLE = '标题'\n"
        "class Finding:\n"
        "    OPEN = 'open'\n"
        "    def is_error(self):\n"
        "        return self.severity == ERROR\n"
        "    level: str = ''\n"
        "    def is_open(self):\n"
        "        return self.state == self.OPEN\n"
        "def fill(row, township, level):\n"
        "    row.status = ON_TIME if row.published else LATE\n"
        "    level = TOWNSHIP if township else level\n"
        "    Finding(severity=WARNING, title=TITLE)\n"
    )
    assert constants_used_as_statuses(text) == [
        "ERROR",
        "LATE",
        "ON_TIME",
        "OPEN",
        "TOWNSHIP",
        "WARNING",
    ]


def test_choices_members_are_not_bare_constants():
    text = (
        "class Status(models.TextChoices):\n"
        "    PASS = 'pass', _('通过')\n"
        "    WARN = 'warn', _('提醒')\n"
        "def check(result):\n"
        "    return result.status == Status.PASS\n"
    )
    assert constants_used_as_statuses(text) == []
    assert constants_with_a_label_dict(text) == []


def test_inspection_statuses_keep_the_values_snapshots_hold():
    from disclosure.inspection.results import Finding, Result, Status

    assert [(s.value, str(s.label)) for s in Status] == [
        ("pass", "通过"),
        ("warn", "提醒"),
        ("veto", "否决"),
    ]
    vetoed = Result("x", "x", "veto", 1, "", findings=[Finding(None, "title", "detail")])
    assert vetoed.status is Status.VETO and vetoed.status_label == "单项否决"


def test_every_wagtail_review_step_status_has_the_records_label():
    from wagtail.models import TaskState

    from disclosure.moderation.review.review_record import StepStatus

    assert {value for value, _label in TaskState.STATUS_CHOICES} == set(StepStatus.values)
