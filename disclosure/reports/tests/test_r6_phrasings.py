"""R6 on the phrasings a county officer and a hostile uploader found misread
(docs/reports.md, "R6: the text against the tables"): a year written in
numerals, a verb whose object is a list, the units 起 and 次, counts of a part of the year,
and the quote of a finding, which must be the report's own words."""

import pytest

from disclosure.reports.rules.prose import _statements, check_r6
from disclosure.reports.tests.checking import PLACES, tables_stating


def read(sentence, year):
    return {q.key: n for q, n, _quote in _statements(sentence, year)}


# (what, sentence, report year, {quantity: number stated of that year})
SENTENCES = [
    # 1. a clause opening with a year in numerals sets the period, as "2022年，…" does
    ("numeral year, last year's", "二〇二二年，共收到政府信息公开申请5件。", 2023, {}),
    ("numeral year, as its own", "二〇二二年，共收到政府信息公开申请5件。", 2022, {"new": 5}),
    ("numeral year, this year", "二〇二三年，共收到政府信息公开申请7件。", 2023, {"new": 7}),
    ("numeral year, typed ○", "二○二二年度，共受理政府信息公开申请5件。", 2023, {}),
    (
        "numeral year, then this year",
        "二〇二二年，共收到政府信息公开申请5件；本年度共收到政府信息公开申请7件。",
        2023,
        {"new": 7},
    ),
    # 2. a 、 inside the verb's object is not a clause's end
    ("list object", "受理公民、法人或其他组织政府信息公开申请5件。", 2023, {"new": 5}),
    (
        "list object",
        "全年共收到公民、法人和其他组织提出的政府信息公开申请12件，答复公民、法人或其他组织"
        "政府信息公开申请11件。",
        2023,
        {"new": 12, "result_total": 11},
    ),
    (
        "a district's 2022 report (pages corpus, no address given)",
        "2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。",
        2022,
        {"new": 1499},
    ),
    (
        "an enumeration still splits",
        "予以公开2件、部分公开1件、无法提供1件。",
        2023,
        {"granted": 2, "partial": 1, "unable": 1},
    ),
    # 3. 起 and 次
    (
        "units 起 and 次",
        "因政府信息公开被申请行政复议2起，提起行政诉讼1次。",
        2023,
        {"review": 2, "litigation": 1},
    ),
    (
        "unit 起",
        "全年共发生政府信息公开行政复议3起、行政诉讼0起。",
        2023,
        {"review": 3, "litigation": 0},
    ),
    # 4. a part of the year is not the year
    ("first half", "上半年，共收到政府信息公开申请20件。", 2023, {}),
    ("first half of the year", "2023年上半年，共收到政府信息公开申请20件。", 2023, {}),
    ("to the end of November", "截至11月底，累计收到政府信息公开申请40件。", 2023, {}),
    ("so far", "截至目前，累计受理政府信息公开申请300件。", 2023, {}),
    ("since", "自2008年以来累计受理政府信息公开申请300件。", 2023, {}),
    ("months", "1-6月，收到政府信息公开申请20件。", 2023, {}),
    ("quarters", "前三季度共受理政府信息公开申请30件。", 2023, {}),
    (
        "a half, then the whole year",
        "上半年共收到政府信息公开申请20件，全年共收到政府信息公开申请45件。",
        2023,
        {"new": 45},
    ),
    (
        "the whole year by its dates",
        "截至2023年12月31日，共收到政府信息公开申请45件。",
        2023,
        {"new": 45},
    ),
    (
        "the whole year by its dates",
        "2023年1月1日至12月31日，共收到政府信息公开申请45件。",
        2023,
        {"new": 45},
    ),
    ("the year's running total", "累计办结17件。", 2023, {"result_total": 17}),
    (
        "成都市武侯区 2019 (whole year by its last day; a part-year count before it)",
        "2019年以来，我区通过政府信息公开管理系统累计主动公开政府信息19891条。截止12月31日，"
        "区政府共收到各类依申请公开信件135件（次），按时回复办结率达到100%。",
        2019,
        {"new": 135},
    ),
    # 5. the re-try's misses (its sentences from real reports, docs/reports.md)
    (
        "a list sharing one number, 0",
        "本年度因政府信息公开工作被申请行政复议、行政诉讼0条。",
        2023,
        {"review": 0, "litigation": 0},
    ),
    (
        "a list sharing one number, each",
        "本年度因政府信息公开工作被申请行政复议、行政诉讼均为0件。",
        2023,
        {"review": 0, "litigation": 0},
    ),
    (
        "a list sharing one number, each, not 0",
        "因政府信息公开工作被申请行政复议、提起行政诉讼各2件。",
        2023,
        {"review": 2, "litigation": 2},
    ),
    (
        "有关…的 naming the requests themselves",
        "收到有关政府信息公开的申请17件。",
        2023,
        {"new": 17},
    ),
    (
        "有关…的 naming the requests themselves",
        "本年度共受理有关政府信息依申请公开的申请17件，办结17件。",
        2023,
        {"new": 17, "result_total": 17},
    ),
    ("有关…的 naming a subject", "收到有关房屋征收的政府信息公开申请9件。", 2023, {}),
    (
        "无 after the period",
        "本年度无因政府信息公开工作被申请行政复议、行政诉讼的情况。",
        2023,
        {"review": 0, "litigation": 0},
    ),
    (
        "无 after the period",
        "本年度无政府信息公开行政复议、行政诉讼案件。",
        2023,
        {"review": 0, "litigation": 0},
    ),
    (
        "a whole-year date after a part",
        "上半年，共收到政府信息公开申请20件；截至2023年12月31日，共收到政府信息公开申请45件，"
        "办结45件。",
        2023,
        {"new": 45, "result_total": 45},
    ),
    (
        "a whole-year date after a part, naming last year",
        "上半年，共收到政府信息公开申请20件；截至2022年12月31日，共收到政府信息公开申请45件，"
        "办结45件。",
        2023,
        {},
    ),
    (
        "1-6月, then the whole year by its dates",
        "1-6月，收到政府信息公开申请20件；1月1日至12月31日，共收到政府信息公开申请45件。",
        2023,
        {"new": 45},
    ),
    # 6. a PDF's spaced digits, several years, counts in numerals
    (
        "a PDF's spaced digits",
        "共 收 到 政 府 信 息 公 开 申 请 1 7 件 ， 办 结 1 5 件 。",
        2023,
        {"new": 17, "result_total": 15},
    ),
    ("several years", "近三年共收到政府信息公开申请30件。", 2023, {}),
    ("several years", "三年来共受理政府信息公开申请30件，办结30件。", 2023, {}),
    (
        "counts in numerals",
        "共收到政府信息公开申请五件，办结十二件，其中予以公开两件。",
        2023,
        {"new": 5, "result_total": 12, "granted": 2},
    ),
    ("counts in numerals", "全年共受理政府信息公开申请一百零五件。", 2023, {"new": 105}),
    ("an ordinal is no count", "第一件申请予以公开。", 2023, {}),
    ("a word is no count", "予以公开同一件事项的申请，办结统一项目。", 2023, {}),
    (
        "a list of three, each",
        "不予公开、无法提供、不予处理均为0件。",
        2023,
        {"refused": 0, "unable": 0, "unprocessed": 0},
    ),
    # 7. real sentences (docs/reports.md)
    (
        "海城市西四镇 2025 (通过任何形式 is every way, not a part)",
        "2025年，我镇严格按照《中华人民共和国政府信息公开条例》及相关规定，规范依申请公开工作"
        "流程。年内，我镇未收到公民、法人或其他组织通过任何形式提出的政府信息公开申请。",
        2025,
        {"new": 0},
    ),
    (
        "海城市西四镇 2025",
        "2025年，我镇共制定规范性文件0件，废止规范性文件0件，现行有效的规范性文件。",
        2025,
        {"normative_issued": 0},
    ),
    (
        "湖口县大垅乡 2025 (通过信息公开平台 is one channel: a part)",
        "通过信息公开平台收到申请0件，转办0件，本年度申请均全部办结。",
        2025,
        {},
    ),
    # 8. an independent re-try with 37 real reports (docs/reports.md, "Phrasings of the re-try")
    (
        "攸县人民政府办公室 2024 (the cases in a sentence after the requests)",
        "（二）依申请公开情况。完善《政府信息公开指南》，规范依申请公开登记、审核、答复、送达、"
        "归档各个环节的办理流程。2024年共受理依申请公开14件。发生行政复议1件，申请人已撤回；"
        "发生行政诉讼1件，结果维持。",
        2024,
        {"new": 14, "review": 1, "litigation": 1},
    ),
    (
        "广元市统计局 2024 (未出现…等现象 is none of either)",
        "（二）依申请公开信息情况。全年共收到依申请公开共9件，全部及时分发到责任科室予以办理，"
        "未出现行政复议、行政诉讼等现象。",
        2024,
        {"new": 9, "review": 0, "litigation": 0},
    ),
    (
        "the re-try's (no carry-over, 无结转…件)",
        "本年度共收到政府信息公开申请5件，办结5件，无结转2024年继续办理件。",
        2023,
        {"new": 5, "result_total": 5, "carried_out": 0},
    ),
    (
        "the re-try's (其中结转… is the year's carry-over)",
        "共收到政府信息公开申请50件，办结43件，其中结转2024年度7件。",
        2023,
        {"new": 50, "result_total": 43, "carried_out": 7},
    ),
    (
        "the re-try's (the number before the requests)",
        "收到0件信息公开申请受理。",
        2023,
        {"new": 0},
    ),
    ("the re-try's (依申请信息, unit 条)", "全年共受理依申请信息56条。", 2023, {"new": 56}),
    ("the re-try's (unit 份)", "全年共收到8份政府信息公开申请。", 2023, {"new": 8}),
    (
        "the re-try's (unit 份, the number after the verb)",
        "本年度共收到群众提交的政府信息公开申请8份，均已按期答复。",
        2023,
        {"new": 8},
    ),
    ("the re-try's (处理…申请)", "本年度共处理政府信息公开申请12件。", 2023, {"result_total": 12}),
    (
        "道县文广新局 2013 (不予公开信息…条: items withheld, not requests refused)",
        "不予公开信息有10条，主要是关于本系统计生综治情况以及人事安排的信息。",
        2013,
        {},
    ),
    ("不予公开…申请 is requests", "不予公开的政府信息公开申请3件。", 2023, {"refused": 3}),
    # 9. a second re-try with real reports (docs/reports.md, "Phrasings of the second re-try")
    (
        "进贤县 2024 (线上/线下 are channels: parts, and 办结 after 线上 is the part's)",
        "2024年，全县受理线上信息公开申请65件，依法办结62件，结转下年度办理3件，受理线下信息"
        "公开申请9件，已全部依法办结。",
        2024,
        {"carried_out": 3},
    ),
    (
        "永靖县 2024 (来访信件 are petitions, and so is the 办结 after them)",
        "继续深化政民互动，加强群众关注热点问题主动回应，2024年共受理群众网上来访信件34件，"
        "办结34件，办结率100%。",
        2024,
        {},
    ),
    (
        "永州市人民政府办公室 2024 (按时办结 is a part of 办结)",
        "全年收到依申请公开信件为75件，按时办结66件，5件逾期未补正，2件撤销申请，结转下年度"
        "继续办理2件；发生行政复议4件，3件维持，1件撤诉；发生行政诉讼2件，1件维持，1件尚未审结。",
        2024,
        {"new": 75, "carried_out": 2, "review": 4, "litigation": 2},
    ),
    (
        "祁阳市 2024",
        "全年共受理依申请公开事项133件，均按照规定程序和时限进行了妥善处理。其中，予以公开46件，"
        "部分公开22件，不予公开15件，无法提供27件，不予处理0件，逾期未补正2件，其他处理5件，"
        "结转下年度继续办理16件。",
        2024,
        {
            "new": 133,
            "granted": 46,
            "partial": 22,
            "refused": 15,
            "unable": 27,
            "unprocessed": 0,
            "overdue_correction": 2,
            "other": 5,
            "carried_out": 16,
        },
    ),
    (
        "平利县 2024 (通过线上、信函等渠道 is every channel: the whole)",
        "通过线上、信函等渠道收到依申请公开信息16件。",
        2024,
        {"new": 16},
    ),
    ("both channels are the whole", "线上线下共收到政府信息公开申请74件。", 2024, {"new": 74}),
    (
        "a channel of something else is no part of the requests",
        "通过政府网站主动公开政府信息200条，受理政府信息公开申请5件，办结5件。",
        2024,
        {"new": 5, "result_total": 5},
    ),
    (
        "东风垦殖场 2024 (依申请件)",
        "依照《条例》的规定，2024年，我场开展了依申请公开受理工作，共收到依申请件0件。",
        2024,
        {"new": 0},
    ),
    ("the re-try's (unit 封)", "全年共收到12封政府信息公开申请。", 2024, {"new": 12}),
    ("unit 封, the number after", "收到政府信息公开申请12封，均已答复。", 2024, {"new": 12}),
]


@pytest.mark.parametrize(("what", "sentence", "year", "numbers"), SENTENCES)
def test_each_sentence_states_the_years_numbers(what, sentence, year, numbers):
    assert read(sentence, year) == numbers, what


@pytest.mark.parametrize(("what", "sentence", "year", "numbers"), SENTENCES)
def test_no_false_warning_on_another_period(what, sentence, year, numbers):
    """Tables that differ from every number but the year's own give no warning."""
    differing = {key: 99_999 for key in PLACES}
    differing.update(numbers)
    assert check_r6(sentence, tables_stating(differing), year) == [], what


@pytest.mark.parametrize(("what", "sentence", "year", "numbers"), [s for s in SENTENCES if s[3]])
def test_each_of_the_years_numbers_is_compared(what, sentence, year, numbers):
    differing = {key: number + 1 for key, number in numbers.items()}
    findings = check_r6(sentence, tables_stating(differing), year)
    assert len(findings) == len(numbers), what


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("受理政府信息公开申请１７件。", "受理政府信息公开申请１７件"),
        ("共 收 到 政 府 信 息 公 开 申 请 17 件。", "共 收 到 政 府 信 息 公 开 申 请 17 件"),
        ("全年共收到政府信息公开申请１，０３５件。", "全年共收到政府信息公开申请１，０３５件"),
        ("二〇二三年共收到政府信息公开申请17件。", "二〇二三年共收到政府信息公开申请17件"),
        ("共收到政府信息公开申请十二件。", "共收到政府信息公开申请十二件"),
        ("共 收 到 政 府 信 息 公 开 申 请 1 7 件 。", "共 收 到 政 府 信 息 公 开 申 请 1 7 件"),
        (
            "受理公民、法人或其他组织政府信息公开申请17件。",
            "受理公民、法人或其他组织政府信息公开申请17件",
        ),
    ],
)
def test_the_warning_quotes_the_reports_own_words(sentence, quote):
    findings = check_r6(sentence, tables_stating({"new": 95, "other": 95}), 2023)
    assert [f.left.split("” = ")[0] for f in findings] == [f"正文“{quote}"]
    assert f"正文“{quote}”" in findings[0].message


def test_a_list_stating_a_sum_is_compared_with_the_sum_naming_each_cell():
    """ "不予公开、无法提供共5件" is neither alone: their sum, and the warning names the cells
    the county must look at, with their numbers."""
    sentence = "不予公开、无法提供共5件。"
    assert read(sentence, 2023) == {"refused+unable": 5}
    assert check_r6(sentence, tables_stating({"refused": 2, "unable": 3}), 2023) == []
    [finding] = check_r6(sentence, tables_stating({"refused": 2, "unable": 4}), 2023)
    assert "表二“不予公开、无法提供” = 6" in finding.right
    assert "“（三）不予公开1.属于国家秘密”“总计” 2" in finding.right
    assert "“（四）无法提供1.本机关不掌握相关政府信息”“总计” 4" in finding.right


def test_a_groups_warning_names_its_cells():
    [finding] = check_r6("不予公开3件。", tables_stating({"refused": 2}), 2023)
    assert finding.right.startswith("表二“不予公开” = 2（")
    assert "1.属于国家秘密" in finding.right and "8.属于行政查询事项" in finding.right


def test_a_list_opening_with_granted_and_partial_is_a_sum():
    """Not 不予公开 10: the sum of the three."""
    sentence = "予以公开、部分公开、不予公开共10件。"
    assert read(sentence, 2023) == {"granted_partial+refused": 10}
    tables = tables_stating({"granted": 5, "partial": 3, "refused": 2})
    assert check_r6(sentence, tables, 2023) == []


def test_handled_agrees_with_either_reading():
    """ "处理…申请N件" is answered (办结) to most offices, received or all the year handled to
    some: N agrees with the tables when it is any; a warning only when it is none."""
    sentence = "本年度共处理政府信息公开申请12件。"
    for numbers in ({"result_total": 12, "new": 15}, {"result_total": 10, "new": 12}):
        assert check_r6(sentence, tables_stating(numbers), 2023) == [], numbers
    [finding] = check_r6(sentence, tables_stating({"result_total": 10, "new": 11}), 2023)
    assert (finding.table, finding.row) == ("table_b", "result_total")
    # 余杭 2023: all the year had to handle, 新收 + 上年结转
    tables = tables_stating({"result_total": 1646, "new": 1641, "carried_in": 76})
    text = "全区共处理政府信息公开申请件1717件（包含上年结转76件）。"
    assert check_r6(text, tables, 2023) == []


def test_no_case_caused_by_a_wrong_answer_is_not_no_case():
    """甘谷 2024: "未出现因答复不当引起的…" denies only the cases a wrong answer caused."""
    text = (
        "2024年，我办共收到公开政府信息申请1件，已全部答复，办结率100%。未出现因答复不当引起的"
        "行政复议、行政诉讼等情况。"
    )
    assert read(text, 2024) == {"new": 1}
    text = "2024年，我办共收到公开政府信息申请1件。未出现行政复议、行政诉讼等现象。"
    assert read(text, 2024) == {"new": 1, "review": 0, "litigation": 0}


def test_a_carry_over_inside_a_case_count_is_the_cases():
    """ "（含结转下年度1件）" after 行政复议 is a part of the cases, not Table B's 结转下年度."""
    text = "因政府信息公开被申请行政复议3件（含结转下年度1件）。"
    assert read(text, 2023) == {"review": 3}
    assert read("因政府信息公开被申请行政复议3件，其中结转下年度1件。", 2023) == {"review": 3}


def test_a_review_bodys_own_cases_are_not_read_from_the_sentence_before():
    """The sentence before makes "发生行政复议1件" about information requests, but a review
    body's own work ("办理行政复议案件45件") is not a case against the office."""
    text = "全年共受理政府信息公开申请3件。办理行政复议案件45件。"
    assert read(text, 2023) == {"new": 3}


def test_information_withheld_is_not_requests_refused():
    """ "不予公开信息N条" (the 2008 format's 不予公开信息的情况: items of information withheld)
    is not Table B's 不予公开, which counts requests: it is not compared; "不予公开N件" still
    is."""
    tables = tables_stating({"refused": 2})
    assert check_r6("不予公开信息有10条，主要是关于人事安排的信息。", tables, 2023) == []
    assert check_r6("不予公开政府信息10条。", tables, 2023) == []
    assert len(check_r6("不予公开10件。", tables, 2023)) == 1
    assert len(check_r6("不予公开的政府信息公开申请10件。", tables, 2023)) == 1


def test_online_and_offline_are_parts_of_the_years_requests():
    """进贤县 2024: 线上 65 + 线下 9 = 新收 74; 办结 62 is the 线上 part's (71 in the table)."""
    text = (
        "2024年，全县受理线上信息公开申请65件，依法办结62件，结转下年度办理3件，受理线下信息"
        "公开申请9件，已全部依法办结。"
    )
    tables = tables_stating({"new": 74, "result_total": 71, "carried_out": 3})
    assert check_r6(text, tables, 2024) == []
    # a clause about the whole year again after the part is the year's
    text = "通过线上收到申请65件，全年共收到政府信息公开申请74件，办结71件。"
    assert read(text, 2024) == {"new": 74, "result_total": 71}


@pytest.mark.parametrize(
    "text",
    [
        "2024年，本机关共收到政府信息公开申请56件，其中通过线上渠道申请40件、线下申请16件；上年结转4件。",
        "2024年，本机关共收到政府信息公开申请56件，其中线上申请40件，线下申请16件，另有上年结转申请4件。",
    ],
)
def test_a_carry_over_after_the_channels_is_the_years(text):
    """The channels' parts end at a semicolon or where another count begins."""
    assert read(text, 2024) == {"new": 56, "carried_in": 4}


def test_received_with_last_years_carry_over_inside_is_both():
    """攸县人民政府办公室 2023: "共受理依申请公开62件（其中上年结转3件）" is 新收 + 上年结转."""
    text = (
        "2023年，全县共受理依申请公开62件（其中上年结转3件），委托县自然资源局办理自然资源类政府"
        "信息公开申请25件。"
    )
    assert check_r6(text, tables_stating({"new": 59, "carried_in": 3}), 2023) == []
    [finding] = check_r6(text, tables_stating({"new": 58, "carried_in": 3}), 2023)
    assert (finding.table, finding.row) == ("table_b", "new")
    # without the carry-over inside, the number is 新收 alone
    text = "共受理依申请公开62件。"
    assert len(check_r6(text, tables_stating({"new": 59, "carried_in": 3}), 2023)) == 1


def test_other_processing_beside_overdue_correction_is_the_rest_of_its_group():
    """祁阳市 2024: "逾期未补正2件，其他处理5件" — the 2021 table's （六）其他处理 has the row
    1.申请人无正当理由逾期不补正…; 其他处理 listed beside it is the group's other rows (the
    outcomes listed add up to 133 only so). Alone, 其他处理 is the whole group."""
    text = "逾期未补正2件，其他处理5件。"
    tables = tables_stating({})
    tables["table_b"]["other_overdue_correction"]["total"] = 2
    tables["table_b"]["other_other"]["total"] = 5
    assert check_r6(text, tables, 2024) == []
    assert check_r6("其他处理7件。", tables, 2024) == []
    assert len(check_r6("其他处理5件。", tables, 2024)) == 1
    tables["table_b"]["other_other"]["total"] = 4
    [finding] = check_r6(text, tables, 2024)
    assert "其他处理" in finding.right
