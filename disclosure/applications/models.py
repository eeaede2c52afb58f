"""The application register (依申请公开): applications, their events and their court cases."""

import datetime
import functools
import secrets
import unicodedata

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.applications import outcomes
from disclosure.applications.contacts import PostcodeField, normalise_phone, normalise_postcode
from disclosure.applications.identity import validate_resident_id, validate_uscc
from disclosure.applications.storage import private_storage
from disclosure.workdays.calendar import add_working_days, working_days_between

# Statutory periods in working days (Regulation Arts. 30, 32–34; 国办函〔2020〕109号).
REPLY_DAYS = 20
CORRECTION_NOTICE_DAYS = 7
DEFAULT_CORRECTION_PERIOD = 15
CONSULTATION_DAYS = 15
MAX_EXTENSION_DAYS = 20
FEE_PAYMENT_DAYS = 20


# ---------------------------------------------------------------- the applicant
class ApplicantType(models.TextChoices):
    """Art. 29 applicant categories; the values are Table B's column keys."""

    NATURAL = "natural", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    SOCIAL = "social", _("社会公益组织")
    LEGAL = "legal", _("法律服务机构")
    OTHER = "other", _("其他")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    OTHER_PERSONAL = "other_personal", _("其他有效身份证件")
    USCC = "uscc", _("统一社会信用代码")
    OTHER_ORGANISATION = "other_organisation", _("其他组织证明文件编号")


PERSONAL_ID_TYPES = {IdType.RESIDENT_ID, IdType.PASSPORT, IdType.OTHER_PERSONAL}
ORGANISATION_ID_TYPES = {IdType.USCC, IdType.OTHER_ORGANISATION}


class DeliveryForm(models.TextChoices):
    PAPER = "paper", _("纸质文本（邮寄）")
    EMAIL = "email", _("电子邮件")
    COLLECT = "collect", _("当面领取")


class Channel(models.TextChoices):
    ONLINE = "online", _("网上申请")
    PAPER = "paper", _("当面提交书面申请")
    LETTER = "letter", _("信函")
    IN_PERSON = "in_person", _("当面口头申请（工作人员代为填写）")


class State(models.TextChoices):
    """Art. 45: 登记 → 审核 → 办理 → 答复 → 归档, with the waits in between."""

    REGISTERED = "registered", _("登记")
    REVIEWING = "reviewing", _("审核")
    AWAITING_CORRECTION = "correction", _("待补正")
    HANDLING = "handling", _("办理")
    CONSULTING = "consulting", _("征求意见")
    AWAITING_FEE = "fee", _("待缴费")
    REPLIED = "replied", _("已答复")
    ARCHIVED = "archived", _("已归档")


# The states in the applicant's words (the status page): where the application stands, not the
# register's one-word column heading (登记 reads as an instruction).
PUBLIC_STATES = {
    State.REGISTERED: _("已收到，待审核"),
    State.REVIEWING: _("审核中"),
    State.AWAITING_CORRECTION: _("待您补正申请内容"),
    State.HANDLING: _("办理中"),
    State.CONSULTING: _("征求第三方意见中"),
    State.AWAITING_FEE: _("待您缴纳信息处理费"),
    State.REPLIED: _("已答复"),
    State.ARCHIVED: _("已办结"),
}


class EventAction(models.TextChoices):
    """What an ApplicationEvent records: each move of `State` (the code of a move is the name of
    the Application method that makes it), the reply letter's edits, and each look at the
    applicant's personal data."""

    REGISTER = "register", _("登记")
    REVIEW = "review", _("审核")
    REQUEST_CORRECTION = "request_correction", _("告知补正")
    RECEIVE_CORRECTION = "receive_correction", _("收到补正")
    CLOSE_UNCORRECTED = "close_uncorrected", _("逾期不补正")
    ACCEPT = "accept", _("办理")
    CONSULT = "consult", _("征求意见")
    END_CONSULTATION = "end_consultation", _("收到意见")
    EXTEND = "extend", _("延期答复")
    NOTIFY_FEE = "notify_fee", _("收费通知")
    RECEIVE_FEE = "receive_fee", _("收到费用")
    CLOSE_UNPAID = "close_unpaid", _("逾期未缴费")
    REPLY = "reply", _("答复")
    ARCHIVE = "archive", _("归档")
    EDIT_LETTER = "edit_letter", _("修改告知书")
    ISSUE_LETTER = "issue_letter", _("出具告知书")
    VIEW = "view", _("查看个人信息")


# The reply clock runs in these states; it is stopped while waiting for a correction,
# a consulted party or a fee, and has ended once replied.
CLOCK_RUNNING = {State.REGISTERED, State.REVIEWING, State.HANDLING}
OPEN_STATES = {s for s in State if s not in {State.REPLIED, State.ARCHIVED}}

# The states each move may start from (Art. 30–45); the Application method of the move refuses
# any other, and the staff's handle form offers only the moves of the application's state.
MOVES_FROM = {
    EventAction.REVIEW: {State.REGISTERED},
    EventAction.REQUEST_CORRECTION: {State.REGISTERED, State.REVIEWING},
    EventAction.RECEIVE_CORRECTION: {State.AWAITING_CORRECTION},
    EventAction.CLOSE_UNCORRECTED: {State.AWAITING_CORRECTION},
    EventAction.ACCEPT: {State.REGISTERED, State.REVIEWING},
    EventAction.CONSULT: {State.HANDLING},
    EventAction.END_CONSULTATION: {State.CONSULTING},
    EventAction.EXTEND: {State.REVIEWING, State.HANDLING, State.CONSULTING},
    EventAction.NOTIFY_FEE: {State.HANDLING},
    EventAction.RECEIVE_FEE: {State.AWAITING_FEE},
    EventAction.CLOSE_UNPAID: {State.AWAITING_FEE},
    EventAction.REPLY: {State.REGISTERED, State.REVIEWING, State.HANDLING},
    EventAction.ARCHIVE: {State.REPLIED},
}


# The applicant's contents of an application under Art. 29, in form order: the public form, the
# staff's offline registration and the inspect page all show these.
ARTICLE_29_FIELDS = [
    "applicant_type",
    "name",
    "id_type",
    "id_number",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "purpose",
    "delivery_form",
]


class TransitionRefused(ValidationError):
    """A move the Regulation does not allow from where the application stands. `field` names
    the move's argument the refusal is about (as the register's form names its field:
    `outcome`, `reason`, `on` …), so that the form shows it there, not above the buttons."""

    def __init__(self, message, field=None):
        super().__init__({field: [message]} if field else message)


_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _random_code(length):
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


@functools.cache
def _unknown_number_hash():
    return make_password(secrets.token_hex(16))


class Application(models.Model):
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    tracking_number = models.CharField(_("申请编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(max_length=128, blank=True, editable=False)

    # Art. 29 contents.
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType)
    name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType)
    id_number = models.CharField(_("证件号码"), max_length=40)
    phone = models.CharField(_("联系电话"), max_length=30)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = PostcodeField(_("邮政编码"), blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    description = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.TextField(_("申请用途（自愿填写）"), blank=True)
    delivery_form = models.CharField(_("获取信息的方式"), max_length=20, choices=DeliveryForm)
    channel = models.CharField(
        _("申请渠道"), max_length=20, choices=Channel, default=Channel.ONLINE
    )
    id_proof = models.FileField(
        _("身份证明材料"),
        upload_to="applications/%Y/%m/",
        storage=private_storage,
        blank=True,
    )

    # The clocks.
    received_on = models.DateField(_("收到申请日期"), help_text=_("《条例》第三十一条"))
    state = models.CharField(
        _("状态"), max_length=20, choices=State, default=State.REGISTERED, editable=False
    )
    clock_started_on = models.DateField(_("答复期限起算日"), editable=False)
    paused_days = models.PositiveIntegerField(_("暂停计算的工作日"), default=0, editable=False)
    due_on = models.DateField(_("答复期限"), editable=False)
    correction_requested_on = models.DateField(_("补正告知日期"), null=True, editable=False)
    correction_due_on = models.DateField(_("补正期限"), null=True, editable=False)
    corrected_on = models.DateField(_("收到补正日期"), null=True, editable=False)
    consultation_started_on = models.DateField(_("征求意见日期"), null=True, editable=False)
    consulted_party = models.CharField(
        _("征求意见对象"), max_length=200, blank=True, editable=False
    )
    extension_days = models.PositiveIntegerField(_("延长工作日"), default=0, editable=False)
    extension_approved_by = models.CharField(
        _("延期批准人"), max_length=100, blank=True, editable=False
    )
    fee_notified_on = models.DateField(_("收费通知日期"), null=True, editable=False)
    fee_amount = models.DecimalField(
        _("信息处理费（元）"), max_digits=8, decimal_places=2, null=True, editable=False
    )
    fee_due_on = models.DateField(_("缴费期限"), null=True, editable=False)
    fee_paid_on = models.DateField(_("缴费日期"), null=True, editable=False)
    replied_on = models.DateField(_("答复日期"), null=True, editable=False)
    outcome = models.CharField(
        _("答复类型"), max_length=40, choices=outcomes.Outcome, blank=True, editable=False
    )
    reply_note = models.TextField(
        _("答复说明"),
        blank=True,
        editable=False,
        help_text=_("不予公开的理由、已公开信息的获取途径或负责公开的机关名称等。"),
    )
    letter_text = models.TextField(
        _("答复告知书正文"),
        blank=True,
        editable=False,
        help_text=_("出具前由办理人员修改；为空时使用按答复类型生成的正文。"),
    )
    letter_issued_on = models.DateField(_("告知书出具日期"), null=True, editable=False)
    archived_on = models.DateField(_("归档日期"), null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True)
                | models.Q(replied_on__gte=models.F("received_on")),
                name="application_replied_after_received",
            ),
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True, outcome="")
                | (models.Q(replied_on__isnull=False) & ~models.Q(outcome="")),
                name="application_outcome_with_reply",
            ),
        ]

    def __str__(self):
        return self.tracking_number

    # ------------------------------------------------------------ registration
    @classmethod
    def register(cls, *, user=None, reason="", **fields):
        """Record a new application (登记); returns (application, query code shown once)."""
        application = cls(**fields)
        application.clean_received_on()
        application.clean_applicant()
        application.clean_contact()
        query_code = _random_code(10)
        application.query_code_hash = make_password(query_code)
        application.clock_started_on = application.received_on
        application._recompute_due()
        with transaction.atomic():
            for _attempt in range(10):
                application.tracking_number = f"{application.received_on:%Y%m%d}-{_random_code(6)}"
                if not cls.objects.filter(tracking_number=application.tracking_number).exists():
                    break
            application.save()
            application._log(EventAction.REGISTER, "", user, application.received_on, reason)
        return application, query_code

    def clean(self):
        # An archived application's record is final: what it says counted in the year's
        # statistics (表二, the annual report) and was replied to.
        if self.pk and self.state == State.ARCHIVED:
            raise ValidationError(_("本申请已归档，办理已结束，登记内容不能再修改。"))
        # Every check runs, so that a form shows each mistake beside its field at once.
        checks = [self.clean_received_on, self.clean_contact]
        if self.applicant_type and self.id_type and self.id_number:
            checks.append(self.clean_applicant)
        errors = {}
        for check in checks:
            try:
                check()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def clean_contact(self):
        """The phone number and postcode written one way (contacts.py), each refused beside
        its own field; an empty one is left to the field's own required rule."""
        errors = {}
        for field, normalise in (("phone", normalise_phone), ("postcode", normalise_postcode)):
            value = getattr(self, field)
            if not value:
                continue
            try:
                setattr(self, field, normalise(value))
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    def clean_received_on(self):
        # The statutory clock starts on a day that has happened.
        if self.received_on and self.received_on > timezone.localdate():
            raise ValidationError({"received_on": _("收到申请日期不能晚于今天。")})

    def clean_applicant(self):
        person = self.applicant_type == ApplicantType.NATURAL
        allowed = PERSONAL_ID_TYPES if person else ORGANISATION_ID_TYPES
        if self.id_type not in allowed:
            raise ValidationError(
                {
                    "id_type": _("自然人请选择个人身份证件；法人或其他组织请选择组织证件。")
                    if person
                    else _("法人或其他组织请填写统一社会信用代码或其他组织证明文件编号。")
                }
            )
        # A number typed in full-width mode (１１０１…Ｘ) is the same number, read as ASCII.
        self.id_number = unicodedata.normalize("NFKC", self.id_number).strip()
        validator = {IdType.RESIDENT_ID: validate_resident_id, IdType.USCC: validate_uscc}.get(
            self.id_type
        )
        if validator:
            try:
                validator(self.id_number)
            except ValidationError as error:
                raise ValidationError({"id_number": error.messages}) from None
            self.id_number = self.id_number.upper()

    @property
    def public_state(self):
        """The state as the status page tells the applicant."""
        return PUBLIC_STATES[self.state]

    @property
    def public_outcome(self):
        """The reply type as the applicant is told it (outcomes.public_label), or ""."""
        return outcomes.public_label(self.outcome) if self.outcome else ""

    @property
    def subject(self):
        """What was asked for, in a line: the description's first non-blank line."""
        return next((line.strip() for line in self.description.splitlines() if line.strip()), "")

    def check_query_code(self, code):
        """Constant-time comparison through Django's password hashers."""
        return bool(self.query_code_hash) and check_password(
            (code or "").strip().upper(), self.query_code_hash
        )

    @staticmethod
    def check_against_nothing(code):
        """Spend what check_query_code() spends, for a tracking number that does not exist."""
        check_password((code or "").strip().upper(), _unknown_number_hash())

    # ------------------------------------------------------------ clocks
    def _recompute_due(self):
        self.due_on = add_working_days(
            self.clock_started_on, REPLY_DAYS + self.extension_days + self.paused_days
        )

    @property
    def correction_notice_by(self):
        """The last day a 补正 notice may go out (Art. 30)."""
        return add_working_days(self.received_on, CORRECTION_NOTICE_DAYS)

    @property
    def clock_running(self):
        return self.state in CLOCK_RUNNING

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        if self.replied_on:
            return self.replied_on > self.due_on
        return self.clock_running and today > self.due_on

    # ------------------------------------------------------------ transitions
    def possible_moves(self, today=None):
        """The moves staff may make from the application's state (MOVES_FROM), in the order of
        EventAction, less those the procedure no longer allows today: a second extension or one
        after the deadline, a second correction notice or one after its 7 working days. The
        transition methods still check each move against the date it is recorded for."""
        today = today or timezone.localdate()
        closed = set()
        if self.extension_days or today > self.due_on:
            closed.add(EventAction.EXTEND)
        if self.correction_requested_on or today > self.correction_notice_by:
            closed.add(EventAction.REQUEST_CORRECTION)
        return [
            action
            for action, states in MOVES_FROM.items()
            if self.state in states and action not in closed
        ]

    def possible_outcomes(self):
        """The reply types this application may be given: 补正后申请内容仍不明确 only once a
        correction was received."""
        return [
            (value, label)
            for value, label in outcomes.REPLY_CHOICES
            if value != outcomes.UNCLEAR_AFTER_CORRECTION or self.corrected_on
        ]

    def _require(self, allowed, action_label):
        if self.state not in allowed:
            raise TransitionRefused(
                _("当前状态为“%(state)s”，不能%(action)s。")
                % {"state": self.get_state_display(), "action": action_label}
            )

    def _require_date(self, on):
        if not isinstance(on, datetime.date):
            raise TransitionRefused(_("请填写日期。"), field="on")
        # Looks and letter edits are dated when they happen, not as steps of the procedure.
        last = (
            self.events.exclude(action__in=[EventAction.VIEW, EventAction.EDIT_LETTER])
            .order_by("-on")
            .values_list("on", flat=True)
        )
        if on > timezone.localdate():
            raise TransitionRefused(
                _("日期不能晚于今天：办理期限从实际发生的日期起算。"), field="on"
            )
        floor = max([self.received_on, *last[:1]])
        if on < floor:
            raise TransitionRefused(
                _("日期不能早于 %(date)s（收到申请或上一步办理的日期）。") % {"date": floor},
                field="on",
            )

    def _move(self, action, to_state, user, on, reason, **changes):
        from_state = self.state
        for name, value in changes.items():
            setattr(self, name, value)
        self.state = to_state
        self._recompute_due()
        with transaction.atomic():
            self.save()
            self._log(action, from_state, user, on, reason)

    def _log(self, action, from_state, user, on, reason):
        return ApplicationEvent.objects.create(
            application=self,
            action=action,
            from_state=from_state,
            to_state=self.state,
            user=user if user and user.pk else None,
            user_name=(user.get_full_name() or user.get_username()) if user else "",
            on=on,
            reason=reason,
        )

    def log_view(self, user, reason=""):
        """Every view of the applicant's personal data leaves a trace."""
        return self._log(EventAction.VIEW, self.state, user, timezone.localdate(), reason)

    def review(self, user, on, reason=""):
        self._require(MOVES_FROM[EventAction.REVIEW], _("进入审核"))
        self._require_date(on)
        self._move(EventAction.REVIEW, State.REVIEWING, user, on, reason)

    def request_correction(self, user, on, reason, due_on=None):
        """补正: once, within 7 working days of receipt; the clock stops until it arrives."""
        self._require(MOVES_FROM[EventAction.REQUEST_CORRECTION], _("告知补正"))
        self._require_date(on)
        if self.correction_requested_on:
            raise TransitionRefused(_("补正只能一次性告知，本申请已告知过补正。"))
        if on > self.correction_notice_by:
            raise TransitionRefused(
                _("补正告知应在收到申请之日起7个工作日内（%(date)s 前）发出。")
                % {"date": self.correction_notice_by}
            )
        if not reason.strip():
            raise TransitionRefused(_("请写明需要补正的事项。"), field="reason")
        due_on = due_on or add_working_days(on, DEFAULT_CORRECTION_PERIOD)
        if due_on <= on:
            raise TransitionRefused(_("补正期限应晚于告知日期。"), field="correction_due_on")
        self._move(
            EventAction.REQUEST_CORRECTION,
            State.AWAITING_CORRECTION,
            user,
            on,
            reason,
            correction_requested_on=on,
            correction_due_on=due_on,
        )

    def receive_correction(self, user, on, reason=""):
        """The correction arrived: the 20 working days start again from that day."""
        self._require(MOVES_FROM[EventAction.RECEIVE_CORRECTION], _("登记补正"))
        self._require_date(on)
        if on > self.correction_due_on and not reason.strip():
            raise TransitionRefused(
                _("补正已逾期：如有正当理由接受补正，请写明理由。"), field="reason"
            )
        self._move(
            EventAction.RECEIVE_CORRECTION,
            State.REVIEWING,
            user,
            on,
            reason,
            corrected_on=on,
            clock_started_on=on,
            paused_days=0,
        )

    def close_uncorrected(self, user, on, reason=""):
        """逾期不补正: closed, counted in Table B row （六）1."""
        self._require(MOVES_FROM[EventAction.CLOSE_UNCORRECTED], _("按逾期不补正处理"))
        self._require_date(on)
        if on <= self.correction_due_on:
            raise TransitionRefused(
                _("补正期限 %(date)s 尚未届满。") % {"date": self.correction_due_on}
            )
        self._move(
            EventAction.CLOSE_UNCORRECTED,
            State.REPLIED,
            user,
            on,
            reason,
            replied_on=on,
            outcome=outcomes.OVERDUE_CORRECTION,
        )

    def accept(self, user, on, reason=""):
        self._require(MOVES_FROM[EventAction.ACCEPT], _("进入办理"))
        self._require_date(on)
        self._move(EventAction.ACCEPT, State.HANDLING, user, on, reason)

    def consult(self, user, on, party, reason=""):
        """征求第三方或其他机关意见 (Arts. 32, 34): the clock stops for up to 15 working days."""
        self._require(MOVES_FROM[EventAction.CONSULT], _("征求意见"))
        self._require_date(on)
        if not party.strip():
            raise TransitionRefused(_("请写明征求意见的对象。"), field="party")
        self._move(
            EventAction.CONSULT,
            State.CONSULTING,
            user,
            on,
            reason,
            consultation_started_on=on,
            consulted_party=party.strip(),
        )

    def end_consultation(self, user, on, reason=""):
        """Only the consulted party's 15 working days are excluded from the reply period."""
        self._require(MOVES_FROM[EventAction.END_CONSULTATION], _("结束征求意见"))
        self._require_date(on)
        paused = min(working_days_between(self.consultation_started_on, on), CONSULTATION_DAYS)
        self._move(
            EventAction.END_CONSULTATION,
            State.HANDLING,
            user,
            on,
            reason,
            paused_days=self.paused_days + paused,
        )

    def extend(self, user, on, days, approved_by, reason):
        """One extension of at most 20 working days, approved by the office head (Art. 33)."""
        self._require(MOVES_FROM[EventAction.EXTEND], _("延期答复"))
        self._require_date(on)
        if self.extension_days:
            raise TransitionRefused(_("答复期限只能延长一次，本申请已经延期。"))
        if not days:
            raise TransitionRefused(_("请填写延长的工作日数（最长20个工作日）。"), field="days")
        if not 1 <= days <= MAX_EXTENSION_DAYS:
            raise TransitionRefused(_("延长期限最长不超过20个工作日。"), field="days")
        if not approved_by.strip():
            raise TransitionRefused(
                _("延期须经政府信息公开工作机构负责人同意，请填写批准人。"), field="approved_by"
            )
        if on > self.due_on:
            raise TransitionRefused(
                _("答复期限 %(date)s 已过，不能再延期。") % {"date": self.due_on}
            )
        self._move(
            EventAction.EXTEND,
            self.state,
            user,
            on,
            reason,
            extension_days=days,
            extension_approved_by=approved_by.strip(),
        )

    def notify_fee(self, user, on, amount, reason=""):
        """收费通知 (国办函〔2020〕109号): the applicant has 20 working days to pay."""
        self._require(MOVES_FROM[EventAction.NOTIFY_FEE], _("发出收费通知"))
        self._require_date(on)
        if amount is None or amount <= 0:
            raise TransitionRefused(_("请填写收费金额。"), field="amount")
        self._move(
            EventAction.NOTIFY_FEE,
            State.AWAITING_FEE,
            user,
            on,
            reason,
            fee_notified_on=on,
            fee_amount=amount,
            fee_due_on=add_working_days(on, FEE_PAYMENT_DAYS),
        )

    def receive_fee(self, user, on, reason=""):
        self._require(MOVES_FROM[EventAction.RECEIVE_FEE], _("登记缴费"))
        self._require_date(on)
        if on > self.fee_due_on:
            raise TransitionRefused(
                _("缴费期限 %(date)s 已过，应按逾期未缴费处理。") % {"date": self.fee_due_on}
            )
        self._move(
            EventAction.RECEIVE_FEE,
            State.HANDLING,
            user,
            on,
            reason,
            fee_paid_on=on,
            paused_days=self.paused_days + working_days_between(self.fee_notified_on, on),
        )

    def close_unpaid(self, user, on, reason=""):
        """逾期未缴费: closed, counted in Table B row （六）2."""
        self._require(MOVES_FROM[EventAction.CLOSE_UNPAID], _("按逾期未缴费处理"))
        self._require_date(on)
        if on <= self.fee_due_on:
            raise TransitionRefused(_("缴费期限 %(date)s 尚未届满。") % {"date": self.fee_due_on})
        self._move(
            EventAction.CLOSE_UNPAID,
            State.REPLIED,
            user,
            on,
            reason,
            replied_on=on,
            outcome=outcomes.OVERDUE_FEE,
        )

    def reply(self, user, on, outcome, reason=""):
        """答复: the reply type is a Table B outcome row."""
        self._require(MOVES_FROM[EventAction.REPLY], _("答复"))
        self._require_date(on)
        if outcome not in dict(outcomes.REPLY_CHOICES):
            raise TransitionRefused(_("请选择答复类型。"), field="outcome")
        if outcome == outcomes.UNCLEAR_AFTER_CORRECTION and not self.corrected_on:
            raise TransitionRefused(
                _("“补正后申请内容仍不明确”只适用于已经补正的申请。"), field="outcome"
            )
        if outcome != outcomes.GRANTED and not reason.strip():
            raise TransitionRefused(
                _("请写明理由（不予公开、无法提供、不予处理等答复须说明理由和依据）。"),
                field="reason",
            )
        self._move(
            EventAction.REPLY,
            State.REPLIED,
            user,
            on,
            reason,
            replied_on=on,
            outcome=outcome,
            reply_note=reason.strip(),
        )

    # ------------------------------------------------------------ the reply letter
    def _require_letter_draft(self):
        if not self.replied_on:
            raise TransitionRefused(_("尚未答复，没有可出具的告知书。"))
        if self.letter_issued_on:
            raise TransitionRefused(
                _("告知书已于 %(date)s 出具，不能再修改。") % {"date": self.letter_issued_on}
            )

    def edit_letter(self, user, text):
        """Save the staff's wording of the 告知书 body; only before it is issued."""
        self._require_letter_draft()
        self.letter_text = text.strip()
        with transaction.atomic():
            self.save(update_fields=["letter_text"])
            self._log(EventAction.EDIT_LETTER, self.state, user, timezone.localdate(), "")

    def issue_letter(self, user, on):
        """Issue the 告知书 as it stands: from now on it is frozen and the applicant sees it."""
        self._require_letter_draft()
        self._require_date(on)
        self.letter_issued_on = on
        with transaction.atomic():
            self.save(update_fields=["letter_issued_on"])
            self._log(EventAction.ISSUE_LETTER, self.state, user, on, "")

    def archive(self, user, on, reason=""):
        self._require(MOVES_FROM[EventAction.ARCHIVE], _("归档"))
        self._require_date(on)
        self._move(EventAction.ARCHIVE, State.ARCHIVED, user, on, reason, archived_on=on)


class ApplicationEvent(models.Model):
    """Who did what to an application, when and why (and who looked at personal data)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("申请")
    )
    action = models.CharField(_("操作"), max_length=30, choices=EventAction)
    from_state = models.CharField(_("原状态"), max_length=20, choices=State, blank=True)
    to_state = models.CharField(_("新状态"), max_length=20, choices=State)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    user_name = models.CharField(_("操作人"), max_length=150, blank=True)
    on = models.DateField(_("办理日期"))
    at = models.DateTimeField(_("记录时间"), auto_now_add=True)
    reason = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self):
        return f"{self.application} {self.get_action_display()} {self.on}"


class OrganisationHandlers(models.Model):
    """The group that handles one organisation's applications; only its members and the
    organisation's administrators see that register (roles.handled_organisation_ids)."""

    organisation = models.OneToOneField(
        "catalogue.Organisation",
        verbose_name=_("公开主体"),
        on_delete=models.CASCADE,
        related_name="application_handlers",
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("用户组"),
        on_delete=models.CASCADE,
        related_name="handled_organisation",
    )

    class Meta:
        verbose_name = _("依申请办理组")
        verbose_name_plural = _("依申请办理组")

    def __str__(self):
        return self.group.name


class CaseKind(models.TextChoices):
    """The three groups of Table C."""

    REVIEW = "review", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_REVIEW = "litigation_after_review", _("行政诉讼（复议后起诉）")


class CaseOutcome(models.TextChoices):
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
    PENDING = "pending", _("尚未审结")


class ReviewCase(models.Model):
    """An administrative review or lawsuit (行政复议 / 行政诉讼) about an application."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="cases", verbose_name=_("申请")
    )
    kind = models.CharField(_("类别"), max_length=30, choices=CaseKind)
    filed_on = models.DateField(_("立案（受理）日期"))
    outcome = models.CharField(
        _("结果"), max_length=20, choices=CaseOutcome, default=CaseOutcome.PENDING
    )
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        ordering = ["filed_on", "id"]
        verbose_name = _("行政复议、行政诉讼案件")
        verbose_name_plural = _("行政复议、行政诉讼案件")

    def __str__(self):
        return f"{self.application} {self.get_kind_display()}"

    def clean(self):
        decided = self.outcome != CaseOutcome.PENDING
        if decided != bool(self.decided_on):
            raise ValidationError(
                {"decided_on": _("已审结的案件须填写审结日期；尚未审结的案件不填。")}
            )
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            raise ValidationError({"decided_on": _("审结日期不能早于立案日期。")})
