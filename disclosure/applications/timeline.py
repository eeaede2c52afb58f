"""What the applicant sees of the handling: the steps taken, each with its date, and the
statutory deadline still ahead (Regulation Arts. 30, 33; docs/applications.md).

Built from the application's own event log, so it shows exactly the steps the office recorded.
Staff names, reasons and the consulted party stay out: the status page is for whoever holds
the two codes, and the office's internal notes are not theirs to read.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.applications.models import (
    CONSULTATION_DAYS,
    REPLY_DAYS,
    EventAction,
)
from disclosure.workdays.calendar import working_days_between

# The applicant's words for each step of the procedure; looks at the file and letter drafts
# are the office's business and are left out.
PUBLIC_STEPS = {
    EventAction.REGISTER: _("收到申请"),
    EventAction.REVIEW: _("开始审核"),
    EventAction.REQUEST_CORRECTION: _("告知补正申请内容（暂停计算答复期限）"),
    EventAction.RECEIVE_CORRECTION: _("收到补正材料，答复期限自当日重新计算"),
    EventAction.CLOSE_UNCORRECTED: _("逾期未补正，视为放弃申请"),
    EventAction.ACCEPT: _("进入办理"),
    EventAction.CONSULT: _("征求第三方意见（所需时间不计入答复期限）"),
    EventAction.END_CONSULTATION: _("征求意见结束，继续办理"),
    EventAction.EXTEND: _("延期答复"),
    EventAction.NOTIFY_FEE: _("通知缴纳信息处理费（暂停计算答复期限）"),
    EventAction.RECEIVE_FEE: _("收到信息处理费，继续办理"),
    EventAction.CLOSE_UNPAID: _("逾期未缴费，视为放弃申请"),
    EventAction.REPLY: _("作出答复"),
    EventAction.ISSUE_LETTER: _("出具答复告知书"),
    EventAction.ARCHIVE: _("办结归档"),
}


@dataclass(frozen=True)
class Step:
    on: object  # a date
    label: str
    detail: str = ""
    ahead: bool = False  # a deadline still to come, not a step taken


def _detail(application, action):
    if action == EventAction.REQUEST_CORRECTION and application.correction_due_on:
        return _("请于 %(date)s 前补正") % {"date": application.correction_due_on}
    if action == EventAction.CONSULT:
        return _("第三方意见期限最长 %(days)d 个工作日") % {"days": CONSULTATION_DAYS}
    if action == EventAction.EXTEND:
        return _("延长 %(days)d 个工作日") % {"days": application.extension_days}
    if action == EventAction.NOTIFY_FEE and application.fee_due_on:
        return _("金额 %(amount)s 元，缴费期限 %(date)s") % {
            "amount": application.fee_amount,
            "date": application.fee_due_on,
        }
    if action == EventAction.REPLY:
        return application.public_outcome
    return ""


def steps(application, today=None):
    """The steps taken, oldest first, then the reply deadline while no reply has been made."""
    today = today or timezone.localdate()
    taken = [
        Step(event.on, str(PUBLIC_STEPS[event.action]), str(_detail(application, event.action)))
        for event in application.events.order_by("on", "at", "id")
        if event.action in PUBLIC_STEPS
    ]
    if not application.replied_on:
        taken.append(
            Step(application.due_on, str(_("答复期限")), _due_detail(application, today), True)
        )
    return taken


def _due_detail(application, today):
    if not application.clock_running:
        return str(_("答复期限暂停计算：等待补正、第三方意见或缴费，恢复后顺延"))
    days = REPLY_DAYS + application.extension_days
    basis = (
        _("自收到申请之日起 %(days)d 个工作日")
        if not application.corrected_on
        else _("自收到补正之日起 %(days)d 个工作日")
    ) % {"days": days}
    if application.paused_days:
        basis += str(_("（另加暂停计算的 %(days)d 个工作日）") % {"days": application.paused_days})
    left = working_days_between(today, application.due_on)
    if today > application.due_on:
        return f"{basis}；" + str(_("已超过答复期限"))
    return f"{basis}；" + str(_("还剩 %(left)d 个工作日") % {"left": left})
