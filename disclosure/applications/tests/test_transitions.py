import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.applications.models import Application, State, TransitionRefused
from disclosure.applications.tests.factories import VALID_USCC, applicant_fields
from disclosure.workdays.calendar import add_working_days

D = datetime.date
pytestmark = pytest.mark.django_db


def test_registration_sets_the_clock_and_a_query_code(make_application, organisation):
    application, code = Application.register(
        organisation=organisation, **applicant_fields(received_on=D(2025, 3, 3))
    )
    assert application.state == State.REGISTERED
    assert application.due_on == D(2025, 3, 31)
    assert application.check_query_code(code)
    assert application.check_query_code(code.lower())
    assert not application.check_query_code("WRONG")
    assert code not in application.query_code_hash
    assert application.events.get().action == "register"


def test_identity_is_checked_at_registration(organisation):
    with pytest.raises(ValidationError) as error:
        Application.register(
            organisation=organisation, **applicant_fields(id_number="110105194912310020")
        )
    assert "校验位" in str(error.value)
    with pytest.raises(ValidationError):
        Application.register(
            organisation=organisation,
            **applicant_fields(applicant_type="commercial", id_type="resident_id"),
        )
    application, _code = Application.register(
        organisation=organisation,
        **applicant_fields(applicant_type="commercial", id_type="uscc", id_number=VALID_USCC),
    )
    assert application.applicant_type == "commercial"


def test_the_clock_never_starts_or_moves_on_a_day_that_has_not_happened(
    make_application, organisation, clerk
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        Application.register(organisation=organisation, **applicant_fields(received_on=tomorrow))
    assert "不能晚于今天" in str(error.value)
    app = make_application()
    with pytest.raises(TransitionRefused, match="不能晚于今天"):
        app.review(clerk, tomorrow, "材料齐全")
    app.review(clerk, timezone.localdate(), "材料齐全")


def test_the_whole_path_is_logged_with_who_when_why(make_application, clerk):
    app = make_application()
    app.review(clerk, D(2025, 3, 4), "材料齐全")
    app.accept(clerk, D(2025, 3, 5))
    app.reply(clerk, D(2025, 3, 10), "granted")
    app.archive(clerk, D(2025, 3, 11))
    assert app.state == State.ARCHIVED
    events = list(app.events.values_list("action", "from_state", "to_state", "user_name", "on"))
    assert [e[0] for e in events] == ["register", "review", "accept", "reply", "archive"]
    assert events[1] == ("review", "registered", "reviewing", "王办理", D(2025, 3, 4))
    assert app.events.get(action="review").reason == "材料齐全"
    assert not app.is_overdue()


@pytest.mark.parametrize(
    "move",
    [
        lambda a, u: a.archive(u, D(2025, 3, 5)),
        lambda a, u: a.receive_correction(u, D(2025, 3, 5)),
        lambda a, u: a.close_uncorrected(u, D(2025, 3, 5)),
        lambda a, u: a.end_consultation(u, D(2025, 3, 5)),
        lambda a, u: a.consult(u, D(2025, 3, 5), "第三方"),
        lambda a, u: a.notify_fee(u, D(2025, 3, 5), Decimal(100)),
        lambda a, u: a.receive_fee(u, D(2025, 3, 5)),
        lambda a, u: a.close_unpaid(u, D(2025, 3, 5)),
    ],
)
def test_moves_not_allowed_from_registered_are_refused(make_application, clerk, move):
    app = make_application()
    with pytest.raises(TransitionRefused):
        move(app, clerk)
    app.refresh_from_db()
    assert app.state == State.REGISTERED
    assert app.events.count() == 1


def test_a_replied_application_cannot_be_replied_again_or_reopened(make_application, clerk):
    app = make_application()
    app.reply(clerk, D(2025, 3, 4), "granted")
    for move in (
        lambda: app.reply(clerk, D(2025, 3, 5), "granted"),
        lambda: app.review(clerk, D(2025, 3, 5)),
        lambda: app.accept(clerk, D(2025, 3, 5)),
        lambda: app.extend(clerk, D(2025, 3, 5), 10, "主任", "复杂"),
        lambda: app.request_correction(clerk, D(2025, 3, 5), "不清楚"),
    ):
        with pytest.raises(TransitionRefused):
            move()
    app.archive(clerk, D(2025, 3, 6))
    with pytest.raises(TransitionRefused):
        app.archive(clerk, D(2025, 3, 7))


def test_dates_before_receipt_or_the_previous_step_are_refused(make_application, clerk):
    app = make_application()
    with pytest.raises(TransitionRefused):
        app.review(clerk, D(2025, 3, 2))
    app.review(clerk, D(2025, 3, 6))
    with pytest.raises(TransitionRefused):
        app.accept(clerk, D(2025, 3, 5))


def test_reply_type_rules(make_application, clerk):
    app = make_application()
    with pytest.raises(TransitionRefused):
        app.reply(clerk, D(2025, 3, 4), "no_such_row")
    with pytest.raises(TransitionRefused, match="理由"):
        app.reply(clerk, D(2025, 3, 4), "refused_secret")
    with pytest.raises(TransitionRefused, match="补正"):
        app.reply(clerk, D(2025, 3, 4), "unable_unclear", "不明确")
    # Closing outcomes come only from their own transitions.
    with pytest.raises(TransitionRefused):
        app.reply(clerk, D(2025, 3, 4), "other_overdue_fee", "x")
    app.reply(clerk, D(2025, 3, 4), "refused_secret", "经保密审查属于国家秘密")
    assert app.outcome == "refused_secret"


def test_correction_restarts_the_clock(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.review(clerk, D(2025, 3, 4))
    app.request_correction(clerk, D(2025, 3, 5), "请说明所需信息的年份")
    assert app.state == State.AWAITING_CORRECTION
    assert app.correction_due_on == add_working_days(D(2025, 3, 5), 15)
    app.receive_correction(clerk, D(2025, 3, 14))
    assert app.state == State.REVIEWING
    assert app.clock_started_on == D(2025, 3, 14)
    assert app.due_on == add_working_days(D(2025, 3, 14), 20)
    # Only once (一次性告知).
    with pytest.raises(TransitionRefused, match="一次性"):
        app.request_correction(clerk, D(2025, 3, 17), "再补正")
    app.accept(clerk, D(2025, 3, 17))
    app.reply(clerk, D(2025, 3, 20), "unable_unclear", "补正后仍不明确")


def test_correction_notice_after_seven_working_days_is_refused(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    assert app.correction_notice_by == D(2025, 3, 12)
    with pytest.raises(TransitionRefused, match="7个工作日"):
        app.request_correction(clerk, D(2025, 3, 13), "不清楚")
    app.request_correction(clerk, D(2025, 3, 12), "不清楚")


def test_no_correction_by_the_deadline_closes_it(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.request_correction(clerk, D(2025, 3, 4), "不清楚", due_on=D(2025, 3, 20))
    with pytest.raises(TransitionRefused, match="尚未届满"):
        app.close_uncorrected(clerk, D(2025, 3, 20))
    with pytest.raises(TransitionRefused, match="正当理由"):
        app.receive_correction(clerk, D(2025, 3, 21))
    app.close_uncorrected(clerk, D(2025, 3, 21))
    assert app.state == State.REPLIED
    assert app.outcome == "other_overdue_correction"
    assert app.replied_on == D(2025, 3, 21)


def test_consultation_pauses_the_clock_for_at_most_fifteen_working_days(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.accept(clerk, D(2025, 3, 4))
    app.consult(clerk, D(2025, 3, 5), "某公司（第三方）", "涉及商业秘密")
    assert app.state == State.CONSULTING and not app.clock_running
    app.end_consultation(clerk, D(2025, 3, 12))  # 5 working days
    assert app.paused_days == 5
    assert app.due_on == add_working_days(D(2025, 3, 3), 25)

    other = make_application(received_on=D(2025, 3, 3))
    other.accept(clerk, D(2025, 3, 4))
    other.consult(clerk, D(2025, 3, 5), "县自然资源局")
    other.end_consultation(clerk, D(2025, 5, 5))  # far more than 15
    assert other.paused_days == 15


def test_extension_once_up_to_twenty_days_with_an_approver(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.accept(clerk, D(2025, 3, 4))
    with pytest.raises(TransitionRefused, match="20"):
        app.extend(clerk, D(2025, 3, 20), 21, "李主任", "复杂")
    with pytest.raises(TransitionRefused, match="批准人"):
        app.extend(clerk, D(2025, 3, 20), 20, " ", "复杂")
    app.extend(clerk, D(2025, 3, 20), 20, "李主任", "需调取档案")
    assert app.due_on == add_working_days(D(2025, 3, 3), 40)
    assert app.extension_approved_by == "李主任"
    with pytest.raises(TransitionRefused, match="一次"):
        app.extend(clerk, D(2025, 3, 21), 5, "李主任", "再延")


def test_extension_after_the_deadline_is_refused(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.accept(clerk, D(2025, 3, 4))
    with pytest.raises(TransitionRefused, match="已过"):
        app.extend(clerk, D(2025, 4, 1), 10, "李主任", "迟了")
    assert app.is_overdue(today=D(2025, 4, 1))


def test_fee_paid_pauses_and_unpaid_closes(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.accept(clerk, D(2025, 3, 4))
    app.notify_fee(clerk, D(2025, 3, 5), Decimal("100"), "本月第11件申请")
    assert app.fee_due_on == add_working_days(D(2025, 3, 5), 20)
    app.receive_fee(clerk, D(2025, 3, 7))
    assert app.paused_days == 2 and app.state == State.HANDLING

    unpaid = make_application(received_on=D(2025, 3, 3))
    unpaid.accept(clerk, D(2025, 3, 4))
    with pytest.raises(TransitionRefused):
        unpaid.notify_fee(clerk, D(2025, 3, 5), Decimal(0))
    unpaid.notify_fee(clerk, D(2025, 3, 5), Decimal("100"))
    with pytest.raises(TransitionRefused, match="尚未届满"):
        unpaid.close_unpaid(clerk, unpaid.fee_due_on)
    late = add_working_days(unpaid.fee_due_on, 1)
    with pytest.raises(TransitionRefused, match="已过"):
        unpaid.receive_fee(clerk, late)
    unpaid.close_unpaid(clerk, late)
    assert unpaid.outcome == "other_overdue_fee"


def test_viewing_personal_data_is_logged(make_application, clerk):
    app = make_application()
    app.log_view(clerk, "核对身份")
    view = app.events.get(action="view")
    assert view.user == clerk and view.to_state == State.REGISTERED
