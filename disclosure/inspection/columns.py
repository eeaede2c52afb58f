"""Columns against their cadence (栏目不更新), blank columns (空白栏目) and the home page's last
update (首页不更新).

A column's last update is the newest first publication of a live item below it. Its type
(models.ColumnType) says how long it may go without one; a column within WARNING_DAYS of that
is a warning before the veto (the editors' dashboard shows it, wagtail_hooks.py)."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import CadenceKind, ColumnSetting, ColumnType
from .results import Finding

WARNING_DAYS = 7


@dataclass
class ColumnState:
    column: object
    column_type: object
    last_update: object  # a date, or None: no item of the organisation's own
    # The column shows a live item, an alias of another page included (not blank).
    shows_items: bool = True
    # Some item of the organisation's own below it has no publication log entry
    # (publications.py): it shows, but proves no update.
    unlogged: bool = False

    @property
    def blank(self):
        return not self.shows_items and self.last_update is None

    @property
    def has_cadence(self):
        days = self.column_type.applied_cadence_days if self.column_type else None
        return bool(days) and self.column_type.kind != CadenceKind.STATIC

    @property
    def only_aliases(self):
        """It shows items, none of them the organisation's own publication: never updated."""
        return not self.blank and self.last_update is None

    def due_on(self):
        if self.last_update is None or not self.has_cadence:
            return None
        # A value stored past the form's limit (a script) must not end every inspection.
        return self.last_update + timedelta(days=self.column_type.applied_cadence_days)

    def days_left(self, today):
        due = self.due_on()
        return None if due is None else (due - today).days


class ColumnTypes:
    """Each column's type: named for it, else by a keyword of its title, else the default."""

    def __init__(self):
        self.types = list(ColumnType.objects.all())
        self.default = next((t for t in self.types if t.is_default), None)
        self.named = {
            setting.column_id: setting.column_type
            for setting in ColumnSetting.objects.select_related("column_type")
        }

    def of(self, column):
        if column.pk in self.named:
            return self.named[column.pk]
        for column_type in self.types:
            if any(word in column.title for word in column_type.keyword_list()):
                return column_type
        return self.default


def column_states(scope):
    types = ColumnTypes()
    states = []
    for column in scope.columns():
        newest = next((item for item in scope.items if item[0].startswith(column.path)), None)
        shows = any(path.startswith(column.path) for path in scope.shown_item_paths)
        unlogged = any(row[0].startswith(column.path) for row in scope.unlogged_items)
        states.append(
            ColumnState(column, types.of(column), newest[3] if newest else None, shows, unlogged)
        )
    return states


def _stale(state, today):
    if state.only_aliases and state.has_cadence:
        if state.unlogged:
            message = _("栏目类型“%(type)s”，栏目下本单位的信息发布记录缺失，无法证实更新时间")
        else:
            message = _("栏目类型“%(type)s”，栏目下只有引用其他页面的信息，没有本单位发布的信息")
        detail = message % {"type": state.column_type.name}
        return Finding(state.column.pk, state.column.title, detail)
    days_left = state.days_left(today)
    if days_left is None or days_left > WARNING_DAYS:
        return None
    # The cycle and the days since the last update are two numbers: an editor reads both.
    facts = {
        "type": state.column_type.name,
        "date": state.last_update,
        "cycle": state.column_type.applied_cadence_days,
        "idle": (today - state.last_update).days,
    }
    if days_left < 0:
        detail = (
            _(
                "栏目类型“%(type)s”，更新周期 %(cycle)s 天，"
                "已 %(idle)s 天未更新（最近更新 %(date)s），已超期"
            )
            % facts
        )
        return Finding(state.column.pk, state.column.title, detail)
    detail = _(
        "栏目类型“%(type)s”，更新周期 %(cycle)s 天，已 %(idle)s 天未更新（最近更新 %(date)s），"
        "%(left)s 天后（%(due)s）将超期"
    ) % {**facts, "left": days_left, "due": state.due_on()}
    return Finding(state.column.pk, state.column.title, detail, upcoming=True)


def stale_columns(states, kinds, today=None):
    today = today or timezone.localdate()
    findings = [
        _stale(state, today)
        for state in states
        if state.column_type is not None and state.column_type.kind in kinds
    ]
    return [finding for finding in findings if finding is not None]


def blank_columns(states):
    """A column without an item, and without a sub-column the public can open (one inspected
    itself: an empty one is the blank one). A sub-column behind a password or unpublished
    fills nothing; the states hold only the columns the public can open, so such a sub-column
    is not inspected either."""
    parents = {state.column.path[: -Page.steplen] for state in states}
    return [
        Finding(state.column.pk, state.column.title, _("栏目下没有已发布的信息"))
        for state in states
        if state.blank and state.column.path not in parents
    ]


def _hidden_root_detail(why):
    return _("公众无法访问信息公开目录：%(why)s，网站检查时无法找到本公开主体公开的信息") % {
        "why": why.label
    }


def home_not_updated(scope, period_days, today=None):
    """The organisation's disclosure root is its home page: something new within the period."""
    today = today or timezone.localdate()
    if not scope.roots:
        detail = _(
            "没有信息公开目录：未设置本公开主体的信息公开根页面，网站检查时无法找到其公开的信息"
        )
        return [Finding(None, scope.label, detail, decisive=True)]
    if not scope.public_roots:
        # A home page the public cannot open is no home page: as decisive as a missing one.
        return [_hidden_root_finding(root, scope, decisive=True) for root in scope.roots]
    # Another root the public cannot open: what is below it reaches no one (its items count
    # for nothing above), a warning the office must see.
    hidden = [
        _hidden_root_finding(root, scope, notice=True)
        for root in scope.roots
        if root.pk in scope.hidden_roots
    ]
    return _home_freshness(scope, period_days, today) + hidden


def _hidden_root_finding(root, scope, decisive=False, notice=False):
    why = scope.hidden_roots[root.pk]
    if decisive:
        detail = _hidden_root_detail(why)
    else:
        detail = _("公众无法访问这个信息公开目录：%(why)s，其下的信息不计入首页和栏目的更新") % {
            "why": why.label
        }
    return Finding(root.pk, root.title, detail, subject="hidden", decisive=decisive, notice=notice)


def _home_freshness(scope, period_days, today):
    newest = scope.items[0] if scope.items else None
    root = scope.public_roots[0]
    if newest is None and scope.unlogged_items:
        detail = _("首页下的信息发布记录缺失，无法证实更新时间")
        return [Finding(root.pk, root.title, detail)]
    if newest is None:
        return [Finding(root.pk, root.title, _("首页下没有已发布的信息"))]
    days_left = (newest[3] + timedelta(days=period_days) - today).days
    if days_left > WARNING_DAYS:
        return []
    if days_left < 0:
        detail = _(
            "最近一条信息“%(title)s”发布于 %(date)s，"
            "更新周期 %(days)s 天，已 %(idle)s 天未更新，已超期"
        ) % {
            "title": newest[2],
            "date": newest[3],
            "days": period_days,
            "idle": (today - newest[3]).days,
        }
        return [Finding(root.pk, root.title, detail)]
    detail = _("最近一条信息发布于 %(date)s，%(left)s 天后将超过 %(days)s 天未更新") % {
        "date": newest[3],
        "left": days_left,
        "days": period_days,
    }
    return [Finding(root.pk, root.title, detail, upcoming=True)]
