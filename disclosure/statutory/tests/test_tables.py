from disclosure.statutory import tables


def test_table_b_2021_has_every_statutory_row():
    rows = [row.key for row in tables.TABLE_B_2021.rows]
    assert rows[0] == "new" and rows[1] == "carried_in" and rows[-1] == "carried_out"
    assert len(tables.OUTCOME_ROWS_2021) == 2 + 8 + 3 + 5 + 3
    assert len(rows) == 2 + len(tables.OUTCOME_ROWS_2021) + 2
    assert [c.key for c in tables.TABLE_B_COLUMNS] == [
        "natural",
        "commercial",
        "research",
        "social",
        "legal",
        "other",
        "total",
    ]


def test_table_b_2019_has_a_single_other_row():
    assert "other_processing" in tables.OUTCOME_ROWS_2019
    assert "other_other" not in tables.OUTCOME_ROWS_2019
    assert len(tables.OUTCOME_ROWS_2019) == 2 + 8 + 3 + 5 + 1


def test_table_c_has_fifteen_columns_in_three_groups():
    columns = tables.TABLE_C.blocks[0].columns
    assert len(columns) == 15
    assert columns[0].key == "review_upheld" and columns[-1].key == "litigation_after_review_total"


def test_empty_values_are_blank_not_zero():
    values = tables.TABLE_A_2021.empty_values()
    assert values["fees"] == {"amount": None}
    assert values["regulations"] == {"issued": None, "abolished": None, "in_force": None}
