"""R6 on sentences an independent re-try found misread: Table C's outcome counts (结果维持,
尚未审结) are not the 行政复议/行政诉讼 totals, a year spaced out by a PDF opens a period as
"2022年" does, and "截至2022年12月31日" opens 2022 in a 2023 report."""

import pytest

from disclosure.reports.rules.checks import check_report
from disclosure.reports.rules.prose import _statements

# 大足区政府办 2023 (http://www.dazu.gov.cn/zwgk_175/zfxxgknb/qzfbm_68864/qzfbgs/202401/
# t20240130_12882382.html); the quoted sentence's opening is elided in the finding, the
# words before "行政复议" say what the cases are about as the report does.
DAZU = (
    "因政府信息公开工作被申请行政复议案件6件和行政诉讼案件3件，其中行政复议结果维持5件，"
    "尚未审结1件，行政诉讼结果维持3件。"
)


def read(sentence, year):
    found = {}
    for quantity, number, _quote in _statements(sentence, year):
        found.setdefault(quantity.key, []).append(number)
    return found


SENTENCES = [
    ("outcomes are not the totals", DAZU, 2023, {"review": [6], "litigation": [3]}),
    ("spaced year, another", "2 0 2 2 年，共收到政府信息公开申请5件。", 2023, {}),
    ("spaced year, its own", "2 0 2 2 年，共收到政府信息公开申请5件。", 2022, {"new": [5]}),
    ("spaced year, this year", "2 0 2 3 年，共收到政府信息公开申请7件。", 2023, {"new": [7]}),
    ("as of last year's end", "截至2022年12月31日，共收到政府信息公开申请45件。", 2023, {}),
    (
        "as of this year's end",
        "截至2023年12月31日，共收到政府信息公开申请45件。",
        2023,
        {"new": [45]},
    ),
]


@pytest.mark.parametrize(("what", "sentence", "year", "expected"), SENTENCES)
def test_each_sentence_states_what_its_year_says(what, sentence, year, expected):
    assert read(sentence, year) == expected, what


def test_the_outcome_counts_give_no_r6_warning_against_consistent_totals():
    from disclosure.reports.tests.checking import tables_stating

    values = tables_stating({"review": 6, "litigation": 3})
    findings = [f for f in check_report(values, text=DAZU, year=2023) if f.rule == "R6"]
    assert findings == []
