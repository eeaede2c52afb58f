"""A realistic 2023 register for the demo township, handled step by step through the model's
transitions (so the event log is real) and ending in every Table B outcome at least once."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from disclosure.applications import outcomes
from disclosure.applications.identity import resident_id_check_digit, uscc_check_character
from disclosure.applications.models import Application, CaseKind, CaseOutcome, ReviewCase
from disclosure.statutory.tables import OUTCOME_ROWS_2021
from disclosure.workdays.calendar import add_working_days

D = datetime.date

REQUESTS = [
    "2023年友谊镇农村最低生活保障资金发放名单",
    "友谊镇2022年度财政预算执行情况",
    "幸福村道路硬化工程招标及验收材料",
    "友谊镇集体土地征收补偿安置方案",
    "2023年耕地地力保护补贴发放标准及名单",
    "友谊镇农村危房改造对象认定材料",
    "镇政府2023年“三公”经费支出明细",
    "友谊镇人居环境整治专项资金使用情况",
    "某养殖场环境影响评价批复文件",
    "友谊镇2023年防汛应急预案",
    "东风村村务公开栏2022年第四季度内容",
    "友谊镇退役军人优抚金发放标准",
]

# Reasons written into replies, by outcome (refusals must state ground and basis).
REASONS = {
    "partial": "部分内容涉及个人隐私，已作区分处理后公开其余部分。",
    "refused_secret": "经保密审查，该信息属于国家秘密，依据《条例》第十四条不予公开。",
    "refused_law": "该信息属于法律、行政法规禁止公开的信息，依据《条例》第十四条不予公开。",
    "refused_safety": "公开后可能危及社会稳定，依据《条例》第十四条不予公开。",
    "refused_third_party": "第三方不同意公开且涉及其商业秘密，依据《条例》第十五条不予公开。",
    "refused_internal": "属于人事管理等内部事务信息，依据《条例》第十六条第一款不予公开。",
    "refused_process": "属于讨论记录等过程性信息，依据《条例》第十六条第二款不予公开。",
    "refused_enforcement": "属于行政执法案卷信息，依据《条例》第十六条第二款不予公开。",
    "refused_query": "属于行政查询事项，请向不动产登记机构查询。",
    "unable_no_info": "经检索，本机关未制作或获取该信息；建议向友谊县自然资源局咨询。",
    "unable_create": "所需统计数据需另行汇总加工制作，依据《条例》第三十八条无法提供。",
    "unable_unclear": "补正后仍无法确定所需信息的范围，依据《条例》第三十条无法提供。",
    "unprocessed_petition": "申请内容属于信访投诉，已告知通过信访渠道提出。",
    "unprocessed_repeat": "与本年第 3 号申请内容相同，已作答复，不再重复处理。",
    "unprocessed_publication": "所需资料为公开出版物《友谊县年鉴》，可通过县图书馆获取。",
    "unprocessed_excessive": "同一申请人短期内提出大量内容相近的申请且无正当理由。",
    "unprocessed_confirm": "要求确认已获取信息的真实性，不属于政府信息公开申请。",
    "other_other": "申请人撤回申请。",
}

# Outcome → how many demo applications end that way (every row at least once).
COUNTS = {key: 1 for key in OUTCOME_ROWS_2021} | {"granted": 12, "partial": 3, "unable_no_info": 2}


def _resident_id(rng):
    born = D(1950, 1, 1) + datetime.timedelta(days=rng.randrange(18000))
    first17 = f"2309{rng.randrange(10, 99)}{born:%Y%m%d}{rng.randrange(100, 999)}"
    return first17 + resident_id_check_digit(first17)


def _uscc(rng):
    first17 = f"91230{rng.randrange(100, 999)}MA{rng.randrange(1000000, 9999999)}"
    return first17 + uscc_check_character(first17)


VILLAGES = ["幸福村", "东风村", "红星村", "站前街"]
APPLICANTS = {
    "natural": ["张秀兰", "王建国", "李玉梅", "刘志强", "陈桂芳", "杨海涛", "赵丽华", "孙德明"],
    "commercial": ["友谊县丰收农业发展有限公司", "黑龙江北大荒建设工程有限公司"],
    "research": ["东北农业大学农村发展研究所"],
    "social": ["友谊县乡村振兴公益服务中心"],
    "legal": ["黑龙江正德律师事务所"],
    "other": ["幸福村股份经济合作社"],
}


def _applicant(rng, applicant_type):
    name = rng.choice(APPLICANTS[applicant_type])
    person = applicant_type == "natural"
    return {
        "applicant_type": applicant_type,
        "name": name,
        "id_type": "resident_id" if person else "uscc",
        "id_number": _resident_id(rng) if person else _uscc(rng),
        "phone": f"139{rng.randrange(10000000, 99999999)}",
        "address": f"友谊县友谊镇{rng.choice(VILLAGES)}{rng.randrange(1, 99)}号",
        "email": "",
        "delivery_form": rng.choice(["paper", "collect", "paper"]),
        "description": rng.choice(REQUESTS),
        "channel": rng.choice(["online", "paper", "letter", "in_person"]),
    }


def _handle(app, outcome, user, rng, review_cases, reply_step=None):
    """Walk one application through the process to ``outcome``."""
    start = app.received_on
    step = lambda n: add_working_days(start, n)  # noqa: E731
    reason = REASONS.get(outcome, "")
    if outcome == outcomes.OVERDUE_CORRECTION:
        app.request_correction(user, step(2), "请写明所需信息的年份和具体名称。", due_on=step(12))
        app.close_uncorrected(user, step(13), "申请人逾期未补正。")
        return
    if outcome == outcomes.UNCLEAR_AFTER_CORRECTION:
        app.request_correction(user, step(3), "请说明所需信息的具体内容。", due_on=step(15))
        app.receive_correction(user, step(6), "申请人来信补正。")
        start = app.clock_started_on
        app.accept(user, step(1))
        app.reply(user, step(10), outcome, reason)
        return
    app.review(user, step(1))
    app.accept(user, step(2))
    if outcome == outcomes.OVERDUE_FEE:
        app.notify_fee(user, step(3), Decimal("100.00"), "本月第11件及以上申请，按109号文收费。")
        app.close_unpaid(user, add_working_days(app.fee_due_on, 1), "申请人逾期未缴费。")
        return
    if outcome == "refused_third_party":
        app.consult(user, step(3), "友谊县丰收农业发展有限公司（第三方）", "涉及其经营信息。")
        app.end_consultation(user, step(12), "第三方书面回复不同意公开。")
        app.reply(user, step(16), outcome, reason)
        return
    if (
        outcome == "granted"
        and not app.organisation.applications.filter(extension_days__gt=0).exists()
    ):
        app.extend(user, step(18), 15, "镇党政办主任 刘文", "需调取2019年以前的档案。")
        app.reply(user, step(30), outcome, "")
        return
    app.reply(user, step(reply_step or rng.randrange(4, 19)), outcome, reason)
    if outcome == "refused_process":
        review_cases.append((app, app.replied_on))


def load_demo_register(organisation, user):
    """Create the township's applications for 2023 (two carried out to 2024) and one 复议."""
    rng = random.Random(2023)
    planned = [key for key, n in COUNTS.items() for _ in range(n)]
    rng.shuffle(planned)
    # The first two and the carry-overs end as plain grants, the carry-overs answered in 2024.
    for _ in range(4):
        planned.remove("granted")
    planned = ["granted", "granted", *planned, "granted", "granted"]
    boundary = {0, 1, len(planned) - 2, len(planned) - 1}
    types = ["natural"] * 26 + ["commercial", "commercial", "research", "social", "legal", "other"]
    received = [add_working_days(D(2023, 1, 3), rng.randrange(0, 225)) for _ in range(len(planned))]
    received.sort()
    # Two arrive on the first working days of 2023: the 2022 report (the seed, a real report)
    # received no application and carried none over, so none may be carried in (rule R5).
    # Two arrive in late December 2023 and are carried out to 2024.
    received[:2] = [D(2023, 1, 3), D(2023, 1, 4)]
    received[-2:] = [D(2023, 12, 20), D(2023, 12, 25)]
    review_cases = []
    for index, (on, outcome) in enumerate(zip(received, planned, strict=True)):
        applicant_type = types[index % len(types)] if index % 5 else rng.choice(types)
        app, _code = Application.register(
            user=user, organisation=organisation, received_on=on, **_applicant(rng, applicant_type)
        )
        _handle(app, outcome, user, rng, review_cases, reply_step=18 if index in boundary else None)
        if app.replied_on:
            app.archive(user, add_working_days(app.replied_on, 2))
    for app, replied in review_cases:
        ReviewCase.objects.create(
            application=app,
            kind=CaseKind.REVIEW,
            filed_on=add_working_days(replied, 10),
            outcome=CaseOutcome.UPHELD,
            decided_on=add_working_days(replied, 50),
            note="友谊县人民政府行政复议决定维持。",
        )


def load_open_applications(organisation, user, today=None):
    """Three applications in hand on the day the demo is loaded, so that the handler's dashboard
    shows the statutory clocks at work: one past its 20 working days, one due in a week or two,
    one received today. None of them is a 2023 application, so the 2023 report is unchanged."""
    today = today or timezone.localdate()
    rng = random.Random(today.toordinal())
    late, soon, new = (
        Application.register(
            user=user,
            organisation=organisation,
            received_on=today - datetime.timedelta(days=days_ago),
            **_applicant(rng, "natural"),
        )[0]
        for days_ago in (45, 20, 0)
    )
    for app in (late, soon):
        app.review(user, add_working_days(app.received_on, 1))
    late.accept(user, add_working_days(late.received_on, 2))
    return late, soon, new
