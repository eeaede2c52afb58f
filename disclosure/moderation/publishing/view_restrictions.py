"""Lifting or loosening a page's view restriction is a disclosure decision: the restricted text
becomes readable by people who could not read it, at once and without review.

So, whoever asks and whatever path leads there, a change of a PageViewRestriction that lets more
people read the page is
- allowed to whoever administers the page (models.administers_page: a superuser, an
  administrator of the page's organisation) only with a written reason, as for 强制发布: the
  reason is logged (`moderation.lift_view_restriction`, in the audit export) and the
  organisation's reviewers, 保密审查 and leaders are told by mail;
- refused to everyone else, the site-wide 管理员 group included (it holds no page authority);
- free outside a request (migrations, the demo loader, an operator's command).
Adding or tightening a restriction stays free: the readers after it are among those before.

Enforced where the effect happens: the model signals on PageViewRestriction (pre_save of an
existing row, pre_delete of a restriction itself but not of one going with its page, and the
groups it admits: m2m_changed), connected in signals.py. The privacy dialog (page_privacy.py)
asks for the reason and hands it here with `lifting_with_reason`.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction

from ..files.attachment_lock import acting_user
from ..mail import notifications
from ..models import administers_page
from .force_publish import MIN_REASON_LENGTH

LOG_ACTION = "moderation.lift_view_restriction"

REFUSED = _("只有管理员可以取消或放宽页面的访问限制。")
# Formatted when shown, in the reader's language (a lazy string's % would format it at import).
REASON_NEEDED = lazy(
    lambda: (
        gettext("取消或放宽访问限制必须填写理由（至少 %(limit)d 个字）。")
        % {"limit": MIN_REASON_LENGTH}
    ),
    str,
)()

_reason = ContextVar("gongkai_view_restriction_reason", default="")


class LiftRefused(PermissionDenied):
    pass


@contextmanager
def lifting_with_reason(reason):
    """The changes of view restrictions made inside are made for `reason`."""
    token = _reason.set((reason or "").strip())
    try:
        yield
    finally:
        _reason.reset(token)


@dataclass(frozen=True)
class Readers:
    """Who a restriction lets read: its type, password and groups (None: no restriction)."""

    restriction_type: str
    password: str = ""
    groups: frozenset = frozenset()

    @classmethod
    def of(cls, restriction, groups=None):
        if groups is None:
            groups = restriction.groups.values_list("pk", flat=True) if restriction.pk else ()
        return cls(restriction.restriction_type, restriction.password or "", frozenset(groups))

    def includes(self, other):
        """Whether everyone `other` lets read may read under self too (other is no looser)."""
        if self.restriction_type == PageViewRestriction.NONE:
            return True
        if other.restriction_type == PageViewRestriction.NONE:
            return False
        if self.restriction_type == PageViewRestriction.LOGIN:
            return other.restriction_type in {PageViewRestriction.LOGIN, PageViewRestriction.GROUPS}
        if self.restriction_type == PageViewRestriction.GROUPS:
            return other.restriction_type == PageViewRestriction.GROUPS and (
                other.groups <= self.groups
            )
        return other.restriction_type == PageViewRestriction.PASSWORD and (
            other.password == self.password
        )


NO_RESTRICTION = Readers(PageViewRestriction.NONE)


def may_lift(page, user):
    """Whether `user` may lift or loosen a restriction of `page` (always with a reason)."""
    return administers_page(user, page)


def check_change(restriction, before, after):
    """Refuse, or log and announce, a change of `restriction` from readers `before` to
    `after`, made by the acting user."""
    if before.includes(after):
        return
    user = acting_user()
    if user is None:
        return
    page = restriction.page
    if not may_lift(page, user):
        raise LiftRefused(REFUSED)
    reason = _reason.get()
    if len(reason) < MIN_REASON_LENGTH:
        raise LiftRefused(REASON_NEEDED)
    log(
        instance=page,
        action=LOG_ACTION,
        user=user,
        data={
            "reason": reason,
            "before": before.restriction_type,
            "after": after.restriction_type,
        },
    )
    notifications.view_restriction_lifted(page, user, reason)


# The readers a restriction had before its last save, kept on the instance for the groups set
# right after it (the privacy dialog saves the type first, then the groups: one change to judge
# whole); None when that save was a loosening judged already.
_BEFORE = "_gongkai_readers_before"


def on_save(instance, raw=False):
    if raw or instance.pk is None:
        return  # a new restriction only narrows who may read (every restriction must pass)
    stored = PageViewRestriction.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    before = Readers.of(stored)
    # The groups are written after the row: judge the type and password now, the groups then.
    after = Readers.of(instance, groups=before.groups)
    check_change(instance, before, after)
    setattr(instance, _BEFORE, None if not before.includes(after) else before)


def on_delete(instance, origin=None):
    # Deleting the page deletes its restrictions with it: nothing becomes readable.
    if not isinstance(origin, PageViewRestriction | QuerySet):
        return
    if isinstance(origin, QuerySet) and origin.model is not PageViewRestriction:
        return
    # As stored: Wagtail's privacy form has set the instance's type to "none" before deleting.
    stored = PageViewRestriction.objects.filter(pk=instance.pk).first()
    if stored is not None:
        check_change(stored, Readers.of(stored), NO_RESTRICTION)


def on_groups_added(instance, pk_set):
    if instance.restriction_type != PageViewRestriction.GROUPS or not pk_set:
        return
    current = Readers.of(instance)
    before = instance.__dict__.pop(_BEFORE, current)
    if before is None:
        return  # the save just before was judged (and logged) whole already
    after = Readers(current.restriction_type, current.password, current.groups | set(pk_set))
    check_change(instance, before, after)
