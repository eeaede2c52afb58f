"""Tables B and C from generated registers: every outcome, carry-overs, corrections, cases."""

import datetime
import random

import pytest

from disclosure.applications.models import (
    ApplicantType,
    Application,
    CaseKind,
    CaseOutcome,
    ReviewCase,
    State,
)
from disclosure.applications.statistics import APPLICANT_KEYS, table_b, table_c
from disclosure.catalogue.models import Organisation
from disclosure.statutory.tables import OUTCOME_ROWS_2021, RESULT_COLUMNS, TABLE_B_2021, TABLE_C

D = datetime.date
pytestmark = pytest.mark.django_db
YEARS = (2022, 2023, 2024)


def generate_register(organisation, seed, size):
    """A seeded register over 2021–2025 with every outcome and open applications."""
    rng = random.Random(seed)
    rows = []
    for number in range(size):
        received = D(2021, 1, 1) + datetime.timedelta(days=rng.randrange(5 * 365))
        corrected = (
            received + datetime.timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.1 else None
        )
        replied = None
        if rng.random() < 0.85:
            replied = (corrected or received) + datetime.timedelta(days=rng.randrange(0, 60))
        rows.append(
            Application(
                organisation=organisation,
                tracking_number=f"G{seed}-{number}",
                applicant_type=rng.choice(list(ApplicantType)),
                name="生成",
                id_type="other_personal",
                id_number="X",
                phone="1",
                description="d",
                delivery_form="email",
                received_on=received,
                clock_started_on=corrected or received,
                corrected_on=corrected,
                due_on=received,
                replied_on=replied,
                outcome=rng.choice(OUTCOME_ROWS_2021) if replied else "",
                state=State.REPLIED if replied else State.HANDLING,
            )
        )
    return Application.objects.bulk_create(rows, batch_size=500)


def expected_b(applications, year):
    """An independent count, application by application."""
    first, last = D(year, 1, 1), D(year, 12, 31)
    expected = {}

    def add(row, column):
        expected.setdefault(row, dict.fromkeys((*APPLICANT_KEYS, "total"), 0))
        expected[row][column] += 1
        expected[row]["total"] += 1

    for app in applications:
        if app.received_on > last or (app.replied_on and app.replied_on < first):
            continue
        add("new" if app.received_on >= first else "carried_in", app.applicant_type)
        if app.replied_on and app.replied_on <= last:
            add(app.outcome, app.applicant_type)
            add("result_total", app.applicant_type)
        else:
            add("carried_out", app.applicant_type)
    return expected


def assert_rules_b(values):
    columns = (*APPLICANT_KEYS, "total")
    assert set(values) == {row.key for row in TABLE_B_2021.rows}
    for column in columns:
        col = {row: values[row][column] for row in values}
        assert all(isinstance(v, int) and v >= 0 for v in col.values())  # R7
        assert col["new"] + col["carried_in"] == col["result_total"] + col["carried_out"]  # R1
        assert col["result_total"] == sum(col[row] for row in OUTCOME_ROWS_2021)  # R2
    for row in values.values():
        assert row["total"] == sum(row[key] for key in APPLICANT_KEYS)  # R3


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_register_satisfies_r1_to_r3_and_matches_an_independent_count(seed):
    organisation = Organisation.objects.create(name=f"生成机关{seed}")
    applications = generate_register(organisation, seed, 2500)
    other = Organisation.objects.create(name=f"别的机关{seed}")
    generate_register(other, seed + 100, 50)  # must not leak into the first one's tables

    previous = None
    for year in YEARS:
        values = table_b(organisation, year)
        assert_rules_b(values)
        expected = expected_b(applications, year)
        for row, cells in values.items():
            assert cells == expected.get(row, dict.fromkeys(cells, 0)), row
        if previous:
            assert values["carried_in"] == previous["carried_out"]  # R5
        previous = values

    # The generator reached every outcome and both carry-overs.
    values = table_b(organisation, 2023)
    assert all(values[row]["total"] > 0 for row in OUTCOME_ROWS_2021)
    assert values["carried_in"]["total"] > 0 and values["carried_out"]["total"] > 0


def test_transitions_feed_the_table(make_application, clerk, organisation):
    late = make_application(received_on=D(2024, 12, 20), applicant_type="natural")
    late.reply(clerk, D(2025, 1, 6), "partial", "部分涉及个人隐私")
    corrected = make_application(received_on=D(2025, 3, 3))
    corrected.request_correction(clerk, D(2025, 3, 4), "请补充年份", due_on=D(2025, 3, 10))
    corrected.close_uncorrected(clerk, D(2025, 3, 11))
    make_application(received_on=D(2025, 12, 30))

    b2024 = table_b(organisation, 2024)
    assert b2024["new"]["natural"] == 1 and b2024["carried_out"]["natural"] == 1
    b2025 = table_b(organisation, 2025)
    assert b2025["carried_in"]["natural"] == 1
    assert b2025["new"]["natural"] == 2
    assert b2025["partial"]["natural"] == 1
    assert b2025["other_overdue_correction"]["total"] == 1
    assert b2025["result_total"]["total"] == 2
    assert b2025["carried_out"]["total"] == 1
    assert_rules_b(b2025)


def test_table_c_by_kind_with_results_known_at_year_end(make_application):
    app = make_application(received_on=D(2023, 2, 1))
    cases = [
        (CaseKind.REVIEW, CaseOutcome.UPHELD, D(2023, 3, 1), D(2023, 5, 1)),
        (CaseKind.REVIEW, CaseOutcome.CORRECTED, D(2023, 4, 1), D(2024, 1, 10)),  # pending in 2023
        (CaseKind.REVIEW, CaseOutcome.PENDING, D(2023, 11, 1), None),
        (CaseKind.LITIGATION_DIRECT, CaseOutcome.OTHER, D(2023, 6, 1), D(2023, 9, 1)),
        (CaseKind.LITIGATION_AFTER_REVIEW, CaseOutcome.CORRECTED, D(2023, 7, 1), D(2023, 12, 1)),
        (CaseKind.REVIEW, CaseOutcome.UPHELD, D(2022, 7, 1), D(2022, 9, 1)),  # another year
    ]
    for kind, outcome, filed, decided in cases:
        ReviewCase.objects.create(
            application=app, kind=kind, outcome=outcome, filed_on=filed, decided_on=decided
        )
    cells = table_c(app.organisation, 2023)["cases"]
    assert set(cells) == {column.key for column in TABLE_C.blocks[0].columns}
    assert cells["review_upheld"] == 1
    assert cells["review_corrected"] == 0
    assert cells["review_pending"] == 2
    assert cells["review_total"] == 3
    assert cells["litigation_direct_other"] == 1
    assert cells["litigation_after_review_corrected"] == 1
    for group in ("review", "litigation_direct", "litigation_after_review"):  # R4
        parts = [cells[f"{group}_{key}"] for key, _label in RESULT_COLUMNS if key != "total"]
        assert sum(parts) == cells[f"{group}_total"]
    assert table_c(app.organisation, 2024)["cases"]["review_total"] == 0


def test_generated_cases_satisfy_r4():
    organisation = Organisation.objects.create(name="案件机关")
    applications = generate_register(organisation, 7, 300)
    rng = random.Random(7)
    cases = []
    for app in rng.sample(applications, 200):
        filed = app.received_on + datetime.timedelta(days=rng.randrange(30, 200))
        outcome = rng.choice(list(CaseOutcome))
        decided = (
            None
            if outcome == CaseOutcome.PENDING
            else filed + datetime.timedelta(days=rng.randrange(1, 300))
        )
        cases.append(
            ReviewCase(
                application=app,
                kind=rng.choice(list(CaseKind)),
                outcome=outcome,
                filed_on=filed,
                decided_on=decided,
            )
        )
    ReviewCase.objects.bulk_create(cases)
    grand = 0
    for year in range(2021, 2027):
        cells = table_c(organisation, year)["cases"]
        for group in ("review", "litigation_direct", "litigation_after_review"):
            parts = [cells[f"{group}_{key}"] for key, _label in RESULT_COLUMNS if key != "total"]
            assert sum(parts) == cells[f"{group}_total"]
            grand += cells[f"{group}_total"]
    assert grand == len(cases)
