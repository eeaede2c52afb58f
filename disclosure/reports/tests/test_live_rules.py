"""The editor's live check of Tables B and C evaluates a JSON description of the equations
R1–R4 generated from rules.py (blocks.equations_json); reports/table_rules.js holds no rule of
its own. Random tables prove the description finds exactly what the server finds, with the
same messages: evaluated here in Python, and by the script itself in node."""

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from disclosure.reports import blocks
from disclosure.reports.rules.checks import check_table
from disclosure.reports.tests.factories import consistent_b, zeros
from disclosure.statutory import tables as t

SCRIPT = Path(blocks.__file__).parent / "static" / "reports" / "table_rules.js"
EQUATION_RULES = {"R1", "R2", "R3", "R4"}
TABLES = {"table_b_2021": t.TABLE_B_2021, "table_b_2019": t.TABLE_B_2019, "table_c": t.TABLE_C}
SAMPLES = 400


def consistent(table):
    if table.key == "table_b":
        return consistent_b(table)
    values = zeros(table)
    values["cases"].update(review_upheld=1, review_total=1)
    return values


def random_tables(table, rng):
    """Consistent tables with a few cells changed: some equations hold, some do not, some are
    undecided (a blank or a word in a cell)."""
    cells = [(row.key, column.key) for row, column in table.cells()]
    for _ in range(SAMPLES):
        values = consistent(table)
        for row, column in rng.sample(cells, rng.randint(1, 4)):
            values[row][column] = rng.choice(
                [rng.randint(0, 40), rng.randint(0, 40), rng.randint(-3, 3), None, "一些"]
            )
        yield values


def server_findings(table, values):
    return [
        (f.rule, blocks.cell_name(f.row, f.column), f.message)
        for f in check_table(table, values)
        if f.rule in EQUATION_RULES
    ]


def as_text(values):
    """The cells as the inputs of the form hold them: text, blank for a blank cell."""
    return {
        blocks.cell_name(row, column): "" if value is None else str(value)
        for row, cells in values.items()
        for column, value in cells.items()
    }


def python_evaluation(equations, texts):
    """What table_rules.js does, written again only to read the JSON here."""

    def total(cells):
        numbers = [texts[c].strip() for c in cells]
        if not all(re.fullmatch(r"[+-]?\d+", n) for n in numbers):
            return None
        return sum(int(n) for n in numbers)

    found = []
    for equation in equations:
        left, right = total(equation["left"]), total(equation["right"])
        if left is None or right is None or left == right:
            continue
        message = equation["message"].replace("{left}", str(left)).replace("{right}", str(right))
        found.append((equation["rule"], equation["cell"], message))
    return found


@pytest.fixture(scope="module")
def samples():
    rng = random.Random(17)
    return {name: list(random_tables(table, rng)) for name, table in TABLES.items()}


def test_the_json_finds_what_the_server_finds_on_random_tables(samples):
    for name, table in TABLES.items():
        equations = blocks.equations_json(table)
        exercised = set()
        for values in samples[name]:
            expected = server_findings(table, values)
            assert python_evaluation(equations, as_text(values)) == expected, (name, values)
            exercised.update((rule, cell) for rule, cell, _m in expected)
        # Every equation the JSON describes was broken at least once, so each was compared.
        assert exercised == {(e["rule"], e["cell"]) for e in equations}, name


def test_every_equation_of_the_server_is_described(samples):
    """Each R1–R4 finding the server can make has its equation in the JSON, with its cells."""
    for name, table in TABLES.items():
        described = {(e["rule"], e["cell"]): e for e in blocks.equations_json(table)}
        for values in samples[name]:
            for rule, cell, _message in server_findings(table, values):
                assert (rule, cell) in described, (name, rule, cell)
                assert cell == described[(rule, cell)]["cells"][0]
        rules_of_table = {rule for rule, _cell in described}
        assert rules_of_table == ({"R4"} if table.key == "table_c" else {"R1", "R2", "R3"})
    assert blocks.equations_json(t.TABLE_A_2021) == []


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_the_browser_script_finds_what_the_server_finds(samples, tmp_path):
    cases = []
    for name, table in TABLES.items():
        equations = blocks.equations_json(table)
        for values in samples[name][:150]:
            cases.append(
                {
                    "equations": equations,
                    "values": as_text(values),
                    "expected": server_findings(table, values),
                }
            )
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    runner = """
const rules = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const results = cases.map((c) =>
  rules.evaluate(c.equations, (name) => c.values[name]).map(
    (found) => [found.equation.rule, found.equation.cell, found.message]
  )
);
process.stdout.write(JSON.stringify(results));
"""
    result = subprocess.run(
        ["node", "-e", runner, str(SCRIPT), str(tmp_path / "cases.json")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    found = json.loads(result.stdout)
    assert len(found) == len(cases)
    for case, by_script in zip(cases, found, strict=True):
        assert [tuple(f) for f in by_script] == [tuple(f) for f in case["expected"]]
    assert any(case["expected"] for case in cases)


def test_the_table_form_carries_the_equations_and_loads_the_script():
    from wagtail.admin.telepath import JSContext

    block = blocks.TableB2021Block()
    context = JSContext()
    context.pack(block)
    assert "reports/table_rules.js" in str(context.media)
    template = block.render_form_template()
    match = re.search(r'data-gk-equations="([^"]*)"', template)
    from html import unescape

    assert json.loads(unescape(match.group(1))) == blocks.equations_json(t.TABLE_B_2021)
    assert 'data-gk-cell="new__natural"' in template
    assert "data-gk-equations" not in blocks.TableA2021Block().render_form_template()
