"""R6: every quantity the report's text states of the report's year equals the tables (a
warning). docs/reports.md ("R6: the text against the tables") lists the phrasings read and the
published reports they come from."""

import re
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from disclosure.statutory import tables as t

from . import years
from .arithmetic import table_b_format
from .findings import Finding, Severity, cell_value, column_label, row_label
from .mapped_text import MappedText

# ---------------------------------------------------------------- R6: the text
# The quantities a report's prose customarily states, and how real reports state them (see
# docs/reports.md for the reports these phrasings were taken from, and test_r6.py for their
# sentences). Each pattern reads one clause (the text between two of ，、；。 or inside brackets)
# and captures the number as "n". A clause that states a part (其中…, 通过…方式…, (含…)) is read
# only for the outcome rows and the case counts, which are totals of their own wherever they are
# stated ("办结122件，其中予以公开的27件"): "其中通过信函方式收到申请12件" is not the year's
# 新收, "(含上一年度结转1件)" after 行政复议 is not Table B's 上年结转.
_UNIT = r"(?:件次|件|宗|个|项|条|起|次|份|封)"
_N = rf"(?P<n>[0-9]+)\s*{_UNIT}"
_GAP = r"[^0-9，。；、]{0,30}?"  # words between the keyword and the number, never another number
# A verb's object may be a list ("受理公民、法人或其他组织政府信息公开申请5件"): its gap may
# cross a 、; an outcome's may not ("不予公开、无法提供共5件" is neither alone).
_LIST_GAP = r"[^0-9，。；]{0,30}?"
_NEW_VERB = r"(?:新收|收到|受理|接到|接收|收悉|共收)"
# "受理依申请信息56条", "共收到依申请件0件" (东风垦殖场 2024) name the requests without 公开.
_ABOUT_INFORMATION = re.compile(r"政府信息|信息公开|依申请公开|依申请信息|依申请件|公开申请")
_ABOUT_CASES = re.compile(r"复议|诉讼")
# Table B's outcomes are said of information requests only: a clause naming one ("予以公开5件")
# after another matter's ("另有咨询电话30个") is about the requests again.
_REQUEST_OUTCOME = re.compile(
    r"予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|逾期(?:未|不)补正"
)
# 12345 is the hotline's number, not five digits of "12345678件".
_ABOUT_OTHER_MATTERS = re.compile(
    r"行政许可|热线|留言|咨询|来信|来访|信访|建议|提案|(?<![0-9])12345(?![0-9])"
)
# "无" as a verb ("本年度无因政府信息公开工作被申请行政复议…的情况"), not inside a word (无法,
# 无偿, 无论, 无需, 无误, 无纸化, 无障碍, 毫无).
_NONE = r"(?:(?<!毫)无(?![法偿论需误纸障])|没有|未发生|未出现|未有|未因|未被)"
# The words between "none" and the cases, never naming a kind of them: "未出现因答复不当引起的
# 行政复议" denies only the cases a wrong answer caused (甘谷 2024), not every case.
_NONE_GAP = r"(?:(?!不当|错误|违法|瑕疵)[^0-9，。；])"
# A review body's own work ("办理行政复议案件45件") is not a case against the office: a case count
# is read outside a sentence about information requests only when it says no such thing.
_REVIEW_BODY = re.compile(r"办理|受理|审理|审结")
_OUTCOME = r"(?:纠错|败诉|撤销|违法|改变|维持|结果)"
# Table C's breakdown of the cases (结果维持, 结果纠正, 其他结果, 尚未审结): "行政复议结果维持5件"
# is one of its cells, not the 行政复议 total, and is not compared.
_BREAKDOWN = r"(?![^0-9，。；、]{0,30}?(?:结果|维持|纠正|纠错|尚未审结|未审结))"
_QUALIFIERS = ("其中", "包括", "包含", "含")
# A clause about the requests on one subject ("收到涉及征地拆迁的政府信息公开申请9件",
# "受理关于房屋征收补偿的申请6件") states a subset of every quantity: it is not read at all.
# "收到有关政府信息公开的申请17件" names no subject: its 有关…的 is the requests themselves.
_TOPIC = re.compile(r"(?:涉及|关于|有关)(?P<subject>[^0-9，。；]{1,20}?)的|涉及")
_NO_SUBJECT = re.compile(
    r"(?:本机关|本单位|我[局办委])?(?:的)?(?:政府)?信息(?:公开)?(?:工作|事项|方面)?"
    r"|(?:政府信息)?依申请公开(?:政府信息)?(?:工作|事项)?"
)
# A channel states a part: "通过信函方式收到申请12件", "受理线上信息公开申请65件" (进贤县 2024).
# "通过任何形式提出的…申请" (海城市西四镇 2025) is every way, not a part.
_CHANNEL = re.compile(
    r"通过(?!任何|各种|各类|多种|所有)|线[上下]|(?:网上|网络|信函|当面|现场|邮寄|传真|电子邮件|在线|电话)"
    r"(?:方式)?(?:提交|提出|收到|受理|申请|渠道)"
)
# … but channels listed with 等 ("通过线上、信函等渠道收到…16件", 平利县 2024) or both 线上 and
# 线下 are every channel: the whole.
_EVERY_CHANNEL = re.compile(
    r"通过[^0-9，。；]{0,20}?、[^0-9，。；]{0,20}?等(?:渠道|方式|途径|形式|平台)"
    r"|线上[、与和及]?线下|线下[、与和及]?线上"
)
# "按时办结66件" (永州市人民政府办公室 2024) is the part answered in time, not 办结.
_ON_TIME = r"(?:按时|按期|如期|逾期)(?:办结|答复)"
_SUBCOUNT = re.compile(rf"^(?:其中|包括|包含|含)|{_CHANNEL.pattern}|{_ON_TIME}")
# After a channel's clause, its sentence goes on about that part ("受理线上…申请65件，依法办结
# 62件"), until a clause speaks of the whole again ("全年共收到…"), turns to another count
# ("另有上年结转申请4件") or follows a semicolon.
_WHOLE_AGAIN = re.compile(
    r"^(?:全年|本年度?|全[县区市镇乡]|共|合计|总计|累计|总共|另有|另外|此外|上年结转|上年度结转)"
)


def _states_a_part(clause):
    return bool(_SUBCOUNT.search(_EVERY_CHANNEL.sub("", clause)))


def _names_requests_anew(clause):
    """ "…通过信函方式收到申请12件，办结政府信息公开申请20件": a clause naming the requests
    again, by no channel, speaks of all of them (not "依法办结62件", the channel's)."""
    return bool(_ABOUT_INFORMATION.search(clause)) and not _CHANNEL.search(
        _EVERY_CHANNEL.sub("", clause)
    )


def _requests_by_a_channel(clause):
    """ "受理线上信息公开申请65件": a count of the requests one channel brought (not "通过政府网站
    主动公开政府信息200条", after which the requests are the year's)."""
    return bool(
        "申请" in clause
        and re.search(r"[0-9]", clause)
        and _CHANNEL.search(_EVERY_CHANNEL.sub("", clause))
    )


@dataclass(frozen=True)
class _Quantity:
    key: str
    label: str  # as a finding names it
    table: str
    rows: tuple  # rows whose "total" (or Table C columns) add up to the quantity
    patterns: tuple  # of re.Pattern, each capturing the number as "n"
    about_information: bool = False  # the clause must be about information-disclosure requests
    about_cases: bool = False  # the sentence must be about review or litigation cases
    value: int | None = None  # fixed value of a phrase without a number (未收到… = 0)
    own_total: bool = False  # an outcome row or a case count: read in a clause stating a part
    parts: tuple = ()  # of _Quantity, when this is their sum as a list states it
    also: tuple = ()  # other readings of the words (each rows of Table B), which agree as well
    # readings that agree only in a sentence matching the pattern: of (re.Pattern, rows)
    also_if: tuple = ()


def _q(key, label, table, rows, *patterns, **options):
    return _Quantity(key, label, table, rows, tuple(re.compile(p) for p in patterns), **options)


# Longest phrases first: a clause's span taken by one is not read again by a shorter one
# ("予以公开及部分公开774件" is not also 部分公开 774).
_QUANTITIES = (
    _q(
        "granted_partial",
        "予以公开及部分公开",
        "table_b",
        ("granted", "partial"),
        rf"(?:予以公开|同意公开|全部公开)(?:及|和|或|、|与)部分公开{_GAP}{_N}",
        own_total=True,
    ),
    _q(
        "new",
        "本年新收申请",
        "table_b",
        ("new",),
        rf"{_NEW_VERB}{_LIST_GAP}{_N}",
        # "依申请公开数为40件", "政府信息公开申请数量为40件"
        rf"(?:依申请公开|公开申请)(?:的)?(?:申请)?(?:总)?(?:数量|件数|总数|总量|数)"
        rf"(?:共|合计|共计)?(?:为|是|达到|达)?{_N}",
        about_information=True,
        # "共受理依申请公开62件（其中上年结转3件）" (攸县人民政府办公室 2023): 新收 + 上年结转
        also_if=(
            (re.compile(r"(?:其中|包括|包含|含)上一?年度?(?:结转|转结)"), ("new", "carried_in")),
        ),
    ),
    # "收到12封申请", "受理申请7件": the requests themselves, without 政府信息 or 公开 (a report
    # on information disclosure); a case ("行政复议申请") or another matter's ("行政许可申请")
    # is left out by _applies and _ABOUT_OTHER_MATTERS, a channel's part by its qualifier.
    _q(
        "new",
        "本年新收申请",
        "table_b",
        ("new",),
        rf"{_NEW_VERB}(?:了)?(?P<n>[0-9]+)\s*{_UNIT}(?:的)?申请(?!人)",
        rf"{_NEW_VERB}申请{_N}",
    ),
    _q(
        "new",
        "本年新收申请",
        "table_b",
        ("new",),
        r"(?:未|没有)(?:新收|收到|受理|接到|接收)",
        about_information=True,
        value=0,
    ),
    _q(
        "carried_in",
        "上年结转申请",
        "table_b",
        ("carried_in",),
        rf"上(?:一)?年(?:度)?(?:结转|转结|结余){_GAP}{_N}",
        rf"{_N}[^0-9，。；]{{0,4}}?(?:为|系|是)?上(?:一)?年(?:度)?(?:结转|转结)",
    ),
    _q(
        "carried_out",
        "结转下年度办理的申请",
        "table_b",
        ("carried_out",),
        rf"结转(?:至|到|入)?(?:下(?:一)?年(?:度)?|[0-9]{{4}}年(?:度)?){_GAP}{_N}",
        rf"{_N}[^0-9，。；]{{0,6}}?结转(?:至|到|入)?下(?:一)?年",
        own_total=True,  # "其中结转2024年度7件" is the year's carry-over, wherever it is stated
    ),
    _q(
        "carried_out",
        "结转下年度办理的申请",
        "table_b",
        ("carried_out",),
        rf"{_NONE}(?:需要|需)?结转(?:至|到|入)?(?:下(?:一)?年(?:度)?|[0-9]{{4}}年(?:度)?)",
        own_total=True,
        value=0,
    ),
    _q(
        "result_total",
        "本年办结（答复）申请",
        "table_b",
        ("result_total",),
        rf"(?:办结|答复|办理完毕|处理完毕){_LIST_GAP}{_N}",
        about_information=False,
    ),
    _q(
        "granted",
        "予以公开",
        "table_b",
        ("granted",),
        rf"(?:予以公开|同意公开){_GAP}{_N}",
        own_total=True,
    ),
    _q("partial", "部分公开", "table_b", ("partial",), rf"部分公开{_GAP}{_N}", own_total=True),
    # A group of Table B (its key as in tables.ROW_GROUPS): the sum of its rows.
    # "不予公开信息10条" counts items of information withheld (the 2008 format's
    # 不予公开信息的情况), not requests refused: Table B counts requests, so only
    # "不予公开…申请" or a plain "不予公开N件" is compared.
    _q(
        "refused",
        "不予公开",
        "table_b",
        t.REFUSED,
        rf"不予公开(?!(?:的)?(?:政府)?信息(?![^0-9，。；]{{0,10}}?申请)){_GAP}{_N}",
        own_total=True,
    ),
    _q("unable", "无法提供", "table_b", t.UNABLE, rf"无法提供{_GAP}{_N}", own_total=True),
    _q("unprocessed", "不予处理", "table_b", t.UNPROCESSED, rf"不予处理{_GAP}{_N}", own_total=True),
    # （六）1. 申请人无正当理由逾期不补正: "逾期未补正2件".
    _q(
        "overdue_correction",
        "逾期不补正",
        "table_b",
        ("other_overdue_correction",),
        rf"逾期(?:未|不)补正{_GAP}{_N}",
        own_total=True,
    ),
    # "逾期未补正2件，其他处理5件" (祁阳市 2024): beside （六）'s first row 逾期不补正, 其他处理
    # is the group's other rows (the outcomes listed add up to the total only so).
    _q(
        "other",
        "其他处理",
        "table_b",
        t.OTHER,
        rf"其他处理{_GAP}{_N}",
        own_total=True,
        also_if=((re.compile(r"逾期(?:未|不)补正"), ("other_overdue_fee", "other_other")),),
    ),
    # "共处理政府信息公开申请12件": 处理 is 办理 (the table's 本年度办理结果) to most offices;
    # others write it of the requests received, or of all the year had to handle ("共处理…申请件
    # 1717件（包含上年结转76件）", 余杭 2023: 新收 + 上年结转). Any of these agrees.
    _q(
        "result_total",
        "本年办结（答复）申请",
        "table_b",
        ("result_total",),
        rf"(?<!不予)(?<!其他)处理(?!结果|决定|情况){_LIST_GAP}{_N}",
        about_information=True,
        also=(("new",), ("new", "carried_in")),
    ),
    _q(
        "review",
        "行政复议",
        "table_c",
        ("review_total",),
        rf"行政复议{_BREAKDOWN}{_GAP}{_N}",
        about_cases=True,
        own_total=True,
    ),
    _q(
        "litigation",
        "行政诉讼",
        "table_c",
        ("litigation_direct_total", "litigation_after_review_total"),
        rf"行政诉讼{_BREAKDOWN}{_GAP}{_N}",
        about_cases=True,
        own_total=True,
    ),
    # "没有政府信息公开行政复议、行政诉讼情况": none of either. Not "未发生被行政复议纠错的情况"
    # (cases there were, none lost), nor "未出现因答复不当引起的…" (which cases were not?).
    _q(
        "review",
        "行政复议",
        "table_c",
        ("review_total",),
        rf"{_NONE}{_NONE_GAP}{{0,20}}?行政复议(?![^，。；]*?{_OUTCOME})",
        about_cases=True,
        own_total=True,
        value=0,
    ),
    _q(
        "litigation",
        "行政诉讼",
        "table_c",
        ("litigation_direct_total", "litigation_after_review_total"),
        rf"{_NONE}{_NONE_GAP}{{0,30}}?行政诉讼(?![^，。；]*?{_OUTCOME})",
        about_cases=True,
        own_total=True,
        value=0,
    ),
    _q(
        "regulations_issued",
        "本年制发规章",
        "table_a",
        ("regulations",),
        rf"(?:制发|制定|新制定|出台|印发)(?:了)?(?:政府)?规章{_GAP}{_N}",
        rf"规章[^0-9，。；]{{0,6}}?(?:制发|新制定){_GAP}{_N}",
    ),
    _q(
        "normative_issued",
        "本年制发行政规范性文件",
        "table_a",
        ("normative",),
        rf"(?:制发|制定|出台|印发)(?:了)?(?:行政)?规范性文件{_GAP}{_N}",
        rf"(?:行政)?规范性文件[^0-9，。；]{{0,6}}?(?:制发|新制定){_GAP}{_N}",
    ),
)


# Quantities a list names before one number ("行政复议、行政诉讼0条", "被申请行政复议、行政诉讼
# 均为0件", "不予公开、无法提供共5件"); 予以公开、部分公开 is the quantity of its own above, listed
# as one ("予以公开、部分公开、不予公开共10件" is their sum, not 不予公开 10).
_BY_KEYWORD = {
    q.label: q
    for q in _QUANTITIES
    if q.value is None
    and q.key
    in ("granted_partial", "review", "litigation", "refused", "unable", "unprocessed", "other")
}
_LISTED_KEYWORD = re.compile("|".join(_BY_KEYWORD))
_LISTED = re.compile(
    rf"(?P<items>(?:{_LISTED_KEYWORD.pattern})(?:[、和及与或](?:被)?(?:提起|申请)?"
    rf"(?:{_LISTED_KEYWORD.pattern}))+)(?P<gap>[^0-9，。；]{{0,12}}?){_N}"
)
_EACH = re.compile(r"均|各|都|分别")

# A number belongs to the report's year only: a clause about another period is not compared.
# A clause opening with a period ("2022年，…", "二〇二二年，…", "上年度，…", "去年…", "上半年…",
# "截至11月底…") speaks of it, and so do the clauses after it in the same sentence, until one
# opens with the report's year ("本年度…"); a clause naming another year anywhere, last year
# (上年, 上一年度, 去年, 前年), a part of the year (上半年, 三季度, 1-6月, 截至11月底) or a
# comparison (同比, 环比, 较上年…, a number after 增加/减少) is skipped on its own. A carry-over
# names another year without speaking of it: "上年结转2件" is this year's 上年结转 and "结转2024年
# 办理2件" this year's 结转下年度.
_CARRY_OVER = r"(?!度?(?:结转|转结|结余))"
_OPENING_PERIOD = re.compile(
    rf"^(?:在|于)?(?:(?P<year>(?:19|20)[0-9]{{2}})年度?|(?P<previous>上一?年度?|去年|前年)"
    rf"|(?P<this>本年度?|今年|全年)){_CARRY_OVER}"
)
_PREVIOUS_YEAR = re.compile(rf"(?:上一?年|去年|前年){_CARRY_OVER}")
_COMPARISON = re.compile(r"同比|环比|(?:增加|减少|增长|下降|上升|增多|减|增)了?[0-9]")
_YEAR_NAMED = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_CARRY_OVER_YEAR = re.compile(
    r"(?:结转|转结)(?:至|到|入)?(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}年度?(?:结转|转结)"
)
# The whole year said with dates ("1月1日至12月31日", "截至12月底", "截至年底") is the year;
# any other month, quarter, half or "so far" is a part of it ("上半年", "前三季度", "1-6月",
# "截至11月底", "截至目前累计", "自2008年以来累计"), whose counts are not the year's. A plain
# "累计办结17件" (舟山 2023) is the year's total.
_WHOLE_YEAR_DATES = re.compile(
    r"1月(?:1日)?(?:起)?[至到~\-—–]+(?:(?:19|20)[0-9]{2}年)?12月(?:31日|底|末)?"
    r"|截[至止](?:(?:19|20)[0-9]{2}年)?(?:12月(?:31日|底|末)?|年底|年末)"
)
_WHOLE_YEAR_OPENING = re.compile(
    rf"(?:在|于)?(?:(?:19|20)[0-9]{{2}}年)?(?:{_WHOLE_YEAR_DATES.pattern})"
)
_PART_OF_YEAR = re.compile(
    r"上半年|下半年|上半年度|(?:第)?[一二三四1-4]季度|前[两二三2-3]季度"
    r"|(?<![0-9])(?:1[01]|[1-9])月(?![0-9])|截[至止]|以来|历年|至今|迄今|目前为止"
    # several years: "近三年共收到…", "三年来", "多年来"
    r"|近[0-9一二两三四五六七八九十]+年|[0-9一二两三四五六七八九十多]+年(?:来|间)"
)
_CLAUSE_END = re.compile(r"[；;，,：:]+")
_ENUMERATION = re.compile(r"、+")
_SENTENCE_END = re.compile(r"[。！？!?\n]+")
_BRACKETED = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]")
# "1,035件", "１，０３５件" (a comma after NFKC), "1 035件": a thousands separator, not a
# clause's end.
_GROUPED_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,3}(?:[, ][0-9]{3})+(?![0-9])")


# … and a year's ("2 0 2 2 年"), which then opens a period as "2022年" does.
_SPACED_DIGITS = re.compile(rf"(?<![0-9] )(?<![0-9])[0-9](?: [0-9])+(?= ?(?:{_UNIT}|年))")
# Numerals before a unit, not an ordinal (第一件) nor a word (一次性, 统一项目, 同一件, 逐一).
_NUMERAL_COUNT = re.compile(
    rf"(?<![第统同唯之逐每任单某0-9零〇一二两三四五六七八九十百千万])[零〇一二两三四五六七八九十百千]+"
    rf"(?={_UNIT})(?!次性)"
)


def _numeral_count(match):
    """The count in digits, or the numerals as written when they are no number."""
    import cn2an  # loads its tables on import: only when a report writes a count so

    numerals = match.group(0)
    if numerals in ("零", "〇"):  # "零件" is a spare part
        return numerals
    try:
        return str(cn2an.cn2an(numerals.replace("两", "二"), "strict"))
    except ValueError:
        return numerals


def _part_of_year(clause):
    return bool(_PART_OF_YEAR.search(_WHOLE_YEAR_DATES.sub("", clause)))


class _Period:
    """Whether the clauses of one sentence, read in order, speak of the report's year."""

    def __init__(self, year):
        self.year = year
        self.other = False  # the sentence has opened with another period
        self.part = False  # … with a part of the year

    def is_other(self, clause, *, opens=True):
        if opens and _part_of_year(clause):
            # "截至11月底，累计收到…", "1-6月，收到…": the part is the period of what follows
            self.other = self.part = True
            return True
        whole_year = _WHOLE_YEAR_OPENING.match(clause) if opens else None
        named = _YEAR_NAMED.findall(whole_year.group(0)) if whole_year else []
        if whole_year and (self.part or named):
            # "上半年…20件；截至2023年12月31日，共收到…45件": a whole year again, the report's
            # unless it names another ("截至2022年12月31日，共收到…" in a 2023 report is 2022's)
            self.part = False
            self.other = any(self.year is not None and int(y) != self.year for y in named)
        opening = _OPENING_PERIOD.match(clause) if opens else None
        if opening and opening["year"]:
            self.other = self.year is not None and int(opening["year"]) != self.year
        elif opening:
            self.other = bool(opening["previous"])
        return self.other or self.names_other(clause)

    def names_other(self, clause):
        if _COMPARISON.search(clause) or _PREVIOUS_YEAR.search(clause) or _part_of_year(clause):
            return True
        if self.year is None:
            return False
        named = _YEAR_NAMED.findall(_CARRY_OVER_YEAR.sub("", clause))
        return any(int(year) != self.year for year in named)


def _normalised(text):
    """The text as R6 reads it (a MappedText, which quotes the original words)."""
    mapped = MappedText.nfkc(text)
    mapped = mapped.sub(_GROUPED_NUMBER, lambda m: re.sub(r"[, ]", "", m.group(0)))
    # A PDF spacing out every character spaces out a number's digits too ("1 7 件"): in a
    # number of single digits each followed by one space, before its unit, they are one number.
    mapped = mapped.sub(_SPACED_DIGITS, lambda m: re.sub(r" ", "", m.group(0)))
    # A PDF's spaces between characters, but never between two digits.
    mapped = mapped.sub(r"(?<![0-9])[ \t\u3000]+|[ \t\u3000]+(?![0-9])", "")
    # "收到政府信息公开申请五件", "办结十二件": a count in numerals, read in digits.
    mapped = mapped.sub(_NUMERAL_COUNT, _numeral_count)
    # "二〇二二年，…" is 2022's, as "2022年，…" is.
    mapped = mapped.replace(years.numeral_year_spans(mapped.text))
    # "予以公开、部分公开共10件" is one quantity, not a clause "部分公开共10件".
    mapped = mapped.sub(r"(予以公开|同意公开|全部公开)、部分公开", r"\1及部分公开")
    # "没有行政复议、行政诉讼" speaks of both: one clause.
    return mapped.sub(r"行政复议[、或及与]((?:被)?提起)?行政诉讼", r"行政复议和\1行政诉讼")


def _between(pattern, text, start, end):
    """The ``(start, end)`` spans of ``text[start:end]`` between the matches of ``pattern``."""
    for match in pattern.finditer(text, start, end):
        yield start, match.start()
        start = match.end()
    yield start, end


def _clause_spans(text, start, end):
    """The clauses of ``text[start:end]``: split at ，；：, and at a 、 only after words that
    state a number ("予以公开2件、部分公开1件"); a 、 within a list of nouns
    ("受理公民、法人或其他组织政府信息公开申请5件") leaves the verb with its number."""
    for part_start, part_end in _between(_CLAUSE_END, text, start, end):
        clause_start = part_start
        pieces = list(_between(_ENUMERATION, text, part_start, part_end))
        for index, (_piece_start, piece_end) in enumerate(pieces):
            last = index == len(pieces) - 1
            if last or re.search(r"[0-9]", text[clause_start:piece_end]):
                if clause_start < piece_end:
                    yield clause_start, piece_end
                if not last:
                    clause_start = pieces[index + 1][0]


@dataclass(frozen=True)
class _Clause:
    sentence: str
    text: str  # as read (normalised)
    quote: str  # as the report writes it
    qualified: bool  # states a part (其中…, 通过…方式…)
    other_period: bool  # speaks of another period than the report's year
    previous_sentence: str = ""  # the sentence before (normalised)
    # the clause before, when this one states a part of it ("行政复议9件（含结转下年度1件）")
    whole: str = ""
    # about another matter than information requests, or after such a clause in its sentence
    # ("受理群众网上来访信件34件，办结34件", 永靖县 2024)
    other_matters: bool = False


class _Topic:
    """Whether the clauses of one sentence, read in order, go on about another matter (来访,
    留言, 热线 …) until one names information requests again."""

    def __init__(self):
        self.other = False

    def is_other(self, clause):
        if _ABOUT_INFORMATION.search(clause) or _REQUEST_OUTCOME.search(clause):
            self.other = False
        elif _ABOUT_OTHER_MATTERS.search(clause):
            self.other = True
        return self.other


def _clauses(text, year=None):
    """Each :class:`_Clause` in the order written; brackets are clauses of their own."""
    mapped = _normalised(text)
    norm = mapped.text
    # A sentence (。) gives the context: "…依申请公开89件次…；产生行政复议13件…" is about
    # information requests though its clause does not say so.
    previous_sentence = ""
    for sentence_start, sentence_end in _between(_SENTENCE_END, norm, 0, len(norm)):
        sentence = norm[sentence_start:sentence_end]
        period = _Period(year)
        topic = _Topic()
        after_qualifier = False
        in_channel = False  # the clauses after a channel's are about that part
        position = sentence_start
        before = ""  # the clause before the one read
        brackets = list(_BRACKETED.finditer(norm, sentence_start, sentence_end))
        for bracket in [*brackets, None]:
            segment_end = bracket.start() if bracket else sentence_end
            for start, end in _clause_spans(norm, position, segment_end):
                clause = norm[start:end]
                in_channel = (
                    in_channel
                    and not _WHOLE_AGAIN.match(clause)
                    and not _names_requests_anew(clause)
                    and norm[start - 1] not in "；;"
                )
                # "其中，行政复议7件": a qualifier standing alone qualifies the clause after it
                qualified = after_qualifier or in_channel or _states_a_part(clause)
                in_channel = in_channel or _requests_by_a_channel(clause)
                other = period.is_other(clause)
                yield _Clause(
                    sentence,
                    clause,
                    mapped.quote(start, end),
                    qualified,
                    other,
                    previous_sentence,
                    before if qualified else "",
                    topic.is_other(clause),
                )
                after_qualifier = clause in _QUALIFIERS
                if not after_qualifier:
                    before = clause
            if bracket is None:
                break
            inner_start, inner_end = bracket.start() + 1, bracket.end() - 1
            qualified = _states_a_part(norm[inner_start:inner_end])
            for start, end in _clause_spans(norm, inner_start, inner_end):
                clause = norm[start:end]
                other = period.is_other(clause, opens=False)
                yield _Clause(
                    sentence,
                    clause,
                    mapped.quote(start, end),
                    qualified,
                    other,
                    previous_sentence,
                    before if qualified else "",
                    topic.is_other(clause),
                )
            position = bracket.end()
        previous_sentence = sentence


def _on_a_topic(clause):
    return any(
        not (m["subject"] and _NO_SUBJECT.fullmatch(m["subject"])) for m in _TOPIC.finditer(clause)
    )


def _statements(text, year=None):
    """``(quantity, number, quote)`` for each quantity the text states of the year ``year``
    (None: of whichever year a clause does not name, as far as the words tell); ``quote`` is
    the clause as the report writes it."""
    for clause in _clauses(text, year):
        if clause.other_period or not clause.text:
            continue
        if clause.other_matters or _ABOUT_OTHER_MATTERS.search(clause.text):
            continue
        if _on_a_topic(clause.text):
            continue
        taken = []
        for quantities, number, span in _lists(clause):
            taken.append(span)
            for quantity in quantities:
                yield quantity, number, clause.quote
        for quantity in _QUANTITIES:
            if not _applies(quantity, clause):
                continue
            quantity = _in_context(quantity, clause.sentence)
            for pattern in quantity.patterns:
                for match in pattern.finditer(clause.text):
                    if quantity.value is not None:  # "没有…" names no number: takes no span
                        yield quantity, quantity.value, clause.quote
                        continue
                    start, end = match.span()
                    if any(start < e and s < end for s, e in taken):
                        continue
                    taken.append((start, end))
                    yield quantity, int(match["n"]), clause.quote


def _in_context(quantity, sentence):
    """``quantity`` with the readings its sentence allows as well."""
    readings = tuple(rows for pattern, rows in quantity.also_if if pattern.search(sentence))
    return replace(quantity, also=quantity.also + readings) if readings else quantity


def _applies(quantity, clause):
    """Whether ``clause`` may state ``quantity`` (a part, the cases, the requests)."""
    if clause.qualified and not quantity.own_total:
        return False
    if quantity.about_cases:
        # "（二）依申请公开情况。…受理依申请公开14件。发生行政复议1件" (攸县 2024): the
        # sentence before says what the cases are about
        if not (
            _ABOUT_INFORMATION.search(clause.sentence)
            or (
                _ABOUT_INFORMATION.search(clause.previous_sentence)
                and not _REVIEW_BODY.search(clause.text)
            )
        ):
            return False
    elif quantity.table == "table_b" and _ABOUT_CASES.search(clause.text + clause.whole):
        return False
    return not (quantity.about_information and not _ABOUT_INFORMATION.search(clause.text))


def _lists(clause):
    """``(quantities, number, span)`` for each list of quantities stating one number: each of
    them when the number is 0 or said of each ("行政复议、行政诉讼均为0件" is 0 and 0), else
    their sum ("不予公开、无法提供共5件"), a quantity of its own."""
    for match in _LISTED.finditer(clause.text):
        listed = [_BY_KEYWORD[k] for k in _LISTED_KEYWORD.findall(match["items"])]
        if not all(_applies(q, clause) for q in listed):
            continue
        number = int(match["n"])
        if number == 0 or _EACH.search(match["gap"]):
            yield listed, number, match.span()
        elif len({q.table for q in listed}) == 1:
            yield (_sum_of(listed),), number, match.span()
        else:
            yield (), number, match.span()  # a sum across tables is not compared


def _sum_of(quantities):
    first = quantities[0]
    return _Quantity(
        "+".join(q.key for q in quantities),
        "、".join(q.label for q in quantities),
        first.table,
        (),
        (),
        own_total=True,
        parts=tuple(quantities),
    )


def _rows_of(quantity, values):
    """The rows a quantity adds up: its own, or every row of a group of Table B."""
    if isinstance(quantity.rows, tuple):
        return quantity.rows
    table_b = t.table(table_b_format(values), "table_b")
    return tuple(r.key for r in table_b.rows if quantity.rows in (r.parent, r.key))


def _cells_of(quantity, tables_by_key):
    """``(table, row, column)`` of each cell a quantity adds up (None: a table is missing)."""
    if quantity.parts:
        parts = [_cells_of(part, tables_by_key) for part in quantity.parts]
        return None if None in parts else [cell for part in parts for cell in part]
    values = tables_by_key.get(quantity.table)
    if not values:
        return None
    if quantity.table == "table_c":
        return [("table_c", "cases", column) for column in quantity.rows]
    if quantity.table == "table_a":
        issued = "made" if "made" in (values.get(quantity.rows[0]) or {}) else "issued"
        return [("table_a", quantity.rows[0], issued)]
    return [("table_b", row, "total") for row in _rows_of(quantity, values)]


def _cell_name(table_key, row, column, tables_by_key):
    """A cell as the county reads it: the row's and column's labels."""
    values = tables_by_key[table_key]
    table_format = table_b_format(values) if table_key == "table_b" else None
    table = t.table(table_format or t.FORMAT_2021, table_key)
    return f"{row_label(table, row)}{column_label(table, row, column)}"


def _reads_as(quoted, rows, table_b):
    numbers = [cell_value(table_b, row, "total") for row in rows]
    return None not in numbers and quoted == sum(numbers)


def check_r6(text, tables_by_key, year=None):
    """Every quantity the text states of the report's ``year`` (本年新收…件, 办结…件, 予以公开…件,
    行政复议…件, 制发规范性文件…件 …) equals the tables (a warning): one finding per clause that
    differs. A clause about another year (上年度…, 2022年…, 同比…) is not compared. A quantity
    the tables hold in several cells (a group's rows, a list's sum) names each cell with its
    number."""
    findings = []
    for quantity, quoted, clause in _statements(text, year):
        cells_added = _cells_of(quantity, tables_by_key)
        if not cells_added:
            continue
        numbers = [cell_value(tables_by_key[tk], row, column) for tk, row, column in cells_added]
        if None in numbers or quoted == sum(numbers):
            continue
        if any(_reads_as(quoted, rows, tables_by_key["table_b"]) for rows in quantity.also):
            continue
        name = t.number_of(quantity.table)
        left = f"正文“{clause}” = {quoted}"
        right = f"{name}“{quantity.label}” = {sum(numbers)}"
        if len(cells_added) > 1:
            right += "（{}）".format(
                " + ".join(
                    f"{_cell_name(tk, row, column, tables_by_key)} {number}"
                    for (tk, row, column), number in zip(cells_added, numbers, strict=True)
                )
            )
        message = _("正文引用的数字与%(table)s不一致：%(left)s，但 %(right)s。") % {
            "table": name,
            "left": left,
            "right": right,
        }
        table_key, row, column = (
            cells_added[0] if len(cells_added) == 1 else (quantity.table, "", "")
        )
        findings.append(
            Finding("R6", Severity.WARNING, table_key, row, column, left, right, message)
        )
    return findings
