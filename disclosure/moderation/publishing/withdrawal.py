"""撤稿: the review that stands between a published item and its unpublishing, deletion or move."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from disclosure.catalogue.roots import disclosure_root_of, in_disclosure_tree
from gongkai.aliases import foreign_content_language

from ..mail import notifications
from ..models import WithdrawalAction, WithdrawalRequest, WithdrawalStatus
from ..organisations.walls import within_organisation
from .guards import has_live_content

ALREADY_PENDING = _(
    "本稿件已有一份待审核的撤稿申请（%(action)s，%(requester)s 于 %(date)s 提交）："
    "请待分管领导审核后再申请，或请其不批准后重新申请。"
)
MOVE_REFUSED = _(
    "本稿件不能放在所选位置（只能移至可放置此类信息的栏目）：请不批准本申请，由申请人重新选择。"
)

# The log actions of a withdrawal request (stored on log entries).
WITHDRAWAL_REQUESTED = "moderation.withdrawal_requested"
WITHDRAWAL_APPROVED = "moderation.withdrawal_approved"
WITHDRAWAL_REFUSED = "moderation.withdrawal_refused"


class WithdrawalRequestForm(forms.Form):
    action = forms.ChoiceField(
        label=_("撤稿方式"),
        choices=WithdrawalAction,
        error_messages={"invalid_choice": _("请选择撤稿方式：撤下、删除或移动。")},
    )
    destination = forms.ModelChoiceField(
        label=_("移至栏目（仅移动时填写）"),
        queryset=Page.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _(
                "本稿件不能移至所选位置：请从列表中选择本机构可放置此类信息的栏目。"
            )
        },
    )
    reason = forms.CharField(
        label=_("撤稿理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("撤稿必须填写理由。")},
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        root = disclosure_root_of(page)
        candidates = (
            Page.objects.descendant_of(root, inclusive=True)
            .exclude(pk__in=Page.objects.descendant_of(page, inclusive=True))
            .exclude(pk=page.get_parent().pk)
        )
        # Only where the page may stand (a column, not an item, a report or the 指南).
        self.fields["destination"].queryset = Page.objects.filter(
            pk__in=[place.pk for place in candidates.specific() if may_move_to(page, place)]
        )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("撤稿必须填写理由。"))
        return reason

    def clean(self):
        data = super().clean()
        if data.get("action") == WithdrawalAction.MOVE and not data.get("destination"):
            self.add_error("destination", _("移动稿件须选择目标栏目。"))
        pending = pending_withdrawal_of(self.page)
        if pending is not None:
            raise ValidationError(already_pending(pending))
        return data


class WithdrawalDecision(models.TextChoices):
    APPROVE = "approve", _("批准撤稿")
    REFUSE = "refuse", _("不批准")


class WithdrawalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结论"),
        choices=WithdrawalDecision,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("审核意见"), widget=forms.Textarea, required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == WithdrawalDecision.REFUSE
            and not data.get("comment", "").strip()
        ):
            self.add_error("comment", _("不批准撤稿须填写意见。"))
        return data


def may_move_to(page, destination):
    """Whether `page` may stand under `destination` (its type's parent and subpage rules)."""
    return page.specific.can_move_to(destination.specific)


NO_CONTENT_OF_ITS_OWN = _(
    "该页面是另一语言原页在本语言网站的别名，没有自己的内容，不能单独撤稿："
    "请对原页或其下的译文页面申请撤稿。"
)


def may_request_withdrawal(page, user):
    return withdrawal_open_to(page.permissions_for_user(user))


def withdrawal_open_to(tester):
    """Whether the user of a page's permission tester may ask for the page's withdrawal. Not
    for an alias of a page in another language (gongkai/aliases.py): it has no content of its
    own, and withdrawing it took the translations below it off the English site while the
    leader read only the Chinese column's name; the original or the translations are withdrawn."""
    page = tester.page
    return (
        in_disclosure_tree(page)
        and foreign_content_language(page) is None
        and has_live_content(page)
        and tester.can_edit()
    )


def already_pending(withdrawal):
    """Why a second request for the same page is refused: two pending requests (撤下, then
    删除) would both be approved one after the other, the leader seeing only one of them."""
    return ALREADY_PENDING % {
        "action": withdrawal.get_action_display(),
        "requester": notifications.named(withdrawal.requested_by),
        "date": date_format(timezone.localtime(withdrawal.requested_at), "Y-m-d H:i"),
    }


def pending_withdrawal_of(page):
    """The 撤稿申请 of `page` still awaiting a decision (the oldest, should there be several)."""
    return (
        WithdrawalRequest.objects.filter(page=page, status=WithdrawalStatus.PENDING)
        .select_related("requested_by")
        .order_by("requested_at")
        .first()
    )


def withdrawals_to_decide(user):
    """The pending 撤稿申请 of `user`'s own organisation that `user` may decide, oldest first:
    what the 分管领导 (or an administrator who may publish there) has to act on."""
    pending = (
        WithdrawalRequest.objects.filter(status=WithdrawalStatus.PENDING)
        .filter(within_organisation(user, prefix="page__"))
        .select_related("page", "requested_by")
        .order_by("requested_at")
    )
    return [withdrawal for withdrawal in pending if withdrawal.may_decide(user)]


@transaction.atomic
def request_withdrawal(page, user, action, reason, destination=None):
    if not may_request_withdrawal(page, user):
        raise PermissionDenied(_("您不能对本稿件申请撤稿。"))
    if not reason.strip():
        raise PermissionDenied(_("撤稿必须填写理由。"))
    # The page's row lock orders two requests sent at once: the second sees the first.
    Page.objects.select_for_update().filter(pk=page.pk).first()
    pending = pending_withdrawal_of(page)
    if pending is not None:
        raise PermissionDenied(already_pending(pending))
    withdrawal = WithdrawalRequest.objects.create(
        page=page,
        page_title=page.title,
        action=action,
        destination=destination,
        reason=reason.strip(),
        requested_by=user,
    )
    log(
        instance=page,
        action=WITHDRAWAL_REQUESTED,
        user=user,
        data={"withdrawal_id": withdrawal.pk, "action": action, "reason": withdrawal.reason},
    )
    notifications.withdrawal_requested(withdrawal)
    return withdrawal


@transaction.atomic
def decide_withdrawal(withdrawal, user, approve, comment=""):
    if not withdrawal.may_decide(user):
        raise PermissionDenied(_("您不能审核这份撤稿申请。"))
    if not approve and not comment.strip():
        raise PermissionDenied(_("不批准撤稿须填写意见。"))
    page = withdrawal.page.specific
    withdrawal.status = WithdrawalStatus.APPROVED if approve else WithdrawalStatus.REFUSED
    withdrawal.decided_by = user
    withdrawal.decided_at = timezone.now()
    withdrawal.decision_comment = comment.strip()
    withdrawal.save()
    log(
        instance=page,
        action=WITHDRAWAL_APPROVED if approve else WITHDRAWAL_REFUSED,
        user=user,
        data={
            "withdrawal_id": withdrawal.pk,
            "action": withdrawal.action,
            "reason": withdrawal.reason,
            "comment": withdrawal.decision_comment,
            "requested_by": str(withdrawal.requested_by or ""),
        },
    )
    notifications.withdrawal_decided(withdrawal)
    if approve:
        _carry_out(withdrawal, page, user)
    return withdrawal


def _carry_out(withdrawal, page, user):
    # The review was the permission check; the deciding user is recorded as the actor.
    if withdrawal.action == WithdrawalAction.UNPUBLISH:
        UnpublishPageAction(page, user=user, include_descendants=True).execute(
            skip_permission_checks=True
        )
    elif withdrawal.action == WithdrawalAction.DELETE:
        DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    elif withdrawal.action == WithdrawalAction.MOVE:
        # Checked again: the place may have changed since the request (or a request made
        # otherwise than through the form names one the page may not stand in).
        if not may_move_to(page, withdrawal.destination):
            raise PermissionDenied(MOVE_REFUSED)
        MovePageAction(page, withdrawal.destination, pos="last-child", user=user).execute(
            skip_permission_checks=True
        )
