"""Tables B and C warn while the editor types (disclosure/reports/static/reports/table_rules.js):
every cell of an equation R1–R4 that no longer holds is marked, the changed cell first, with the
server's own message; putting the number back clears the marks."""

import pytest
from django.contrib.auth import get_user_model

from disclosure.reports.blocks import cell_name
from disclosure.reports.rules import arithmetic
from disclosure.reports.rules.checks import check_table
from disclosure.reports.tests.factories import (
    consistent_b,
    consistent_report,
    make_index,
    make_report,
)
from disclosure.statutory import tables as t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def marks(page):
    """{cell name: mark order} of the marked cells; the changed cell carries "changed"."""
    return page.locator("td.gk-cell--violated").evaluate_all(
        """tds => tds.map(td => [td.dataset.gkCell, td.dataset.gkMark,
                                 td.classList.contains('gk-cell--changed')])"""
    )


def test_table_b_marks_every_cell_of_a_broken_equation_while_typing(page, live_server, output_dir):
    get_user_model().objects.create_superuser("chief", "chief@example.invalid", "pw-123456")
    saved = consistent_b()
    saved["result_total"]["total"] = 4  # a draft saved with a broken sum (R2 and R3)
    tables = {key: (t.FORMAT_2021, v) for key, v in consistent_report().items()}
    tables["table_b"] = (t.FORMAT_2021, saved)
    report = make_report(make_index(), 2023, tables=tables, publish=False)

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "chief")
    page.fill("input[name=password]", "pw-123456")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(f"{live_server.url}/admin/pages/{report.pk}/edit/")

    new_natural = page.get_by_label("一、本年新收政府信息公开申请数量 · 自然人", exact=True)
    new_natural.wait_for()
    # Shown as soon as the form is drawn: every cell of each broken equation (R1 and R2 of the
    # 总计 column, R3 of row （七）), none marked as changed.
    on_load = {name: (order, is_changed) for name, order, is_changed in marks(page)}
    broken = [e for e in arithmetic.equations(t.TABLE_B_2021) if arithmetic.evaluate(e, saved)]
    assert sorted(e.rule for e in broken) == ["R1", "R2", "R3"]
    assert set(on_load) == {cell_name(r, c) for e in broken for r, c in e.cells}
    assert on_load[cell_name("result_total", "total")] == ("1", False)
    assert not any(is_changed for _order, is_changed in on_load.values())
    assert page.locator(".gk-live-finding").count() == 3

    page.get_by_label("（七）总计 · 总计", exact=True).fill("3")  # mended
    assert page.locator("td.gk-cell--violated").count() == 0
    assert page.locator("[data-gk-live-findings]").first.is_hidden()
    new_natural.fill("7")  # was 3: breaks R1 of the 自然人 column and R3 of row 一

    changed = cell_name("new", "natural")
    r1 = [
        changed,
        *(cell_name(r, "natural") for r in ("carried_in", "result_total", "carried_out")),
    ]
    r3 = [changed, *(cell_name("new", c.key) for c in t.TABLE_B_COLUMNS if c.key != "natural")]
    found = {name: (order, is_changed) for name, order, is_changed in marks(page)}
    assert set(found) == set(r1) | set(r3)
    assert found[changed] == ("1", True)  # the changed cell first, marked as changed
    assert not any(is_changed for name, (_o, is_changed) in found.items() if name != changed)

    values = consistent_b()
    values["new"]["natural"] = 7
    expected = [
        f"{f.rule} {f.message}"
        for f in check_table(t.TABLE_B_2021, values)
        if f.rule in {"R1", "R2", "R3"}
    ]
    shown = page.locator(".gk-live-finding").all_inner_texts()
    assert sorted(shown) == sorted(expected) and len(shown) == 2
    assert all(line.split(" ", 1)[1] in found_title(page, changed) for line in shown)
    assert new_natural.get_attribute("aria-invalid") == "true"
    new_natural.scroll_into_view_if_needed()
    page.screenshot(path=output_dir / "table-b-live-marks.png")

    new_natural.fill("3")
    assert page.locator("td.gk-cell--violated").count() == 0
    assert page.locator("[data-gk-live-findings]").first.is_hidden()


def found_title(page, name):
    return page.locator(f'td[data-gk-cell="{name}"]').first.get_attribute("title") or ""
