"""Moderation's models: the review tasks of the disclosure workflow (RoleApprovalTask, the
保密审查 SecrecyReviewTask and its checklist), the organisation-scoped collections, the 撤稿申请
(WithdrawalRequest, its 撤稿方式 and status) and the sensitive words submission screens for
(SensitiveWord). The role groups the tasks use are the catalogue's (OrganisationRole)."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState, get_default_page_content_type
from wagtail.signals import task_submitted

from disclosure.catalogue.roots import organisation_id_of_page, pages_of_organisation_q
from disclosure.catalogue.staff_roles import (
    holds_role,
    organisation_ids_where,
    role_members,
)
from gongkai.accounts.roles import Role
from gongkai.bounded_patterns import bounded, nested_quantifier


class OrganisationCollection(models.Model):
    """The collection that holds one organisation's documents and images; its role groups hold
    their document and image permissions on this collection only."""

    organisation = models.OneToOneField(
        "catalogue.Organisation",
        verbose_name=_("公开主体"),
        on_delete=models.CASCADE,
        related_name="attachment_collection",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("文件夹"),
        on_delete=models.CASCADE,
        related_name="organisation_link",
    )

    class Meta:
        verbose_name = _("机构附件文件夹")
        verbose_name_plural = _("机构附件文件夹")

    def __str__(self):
        return self.collection.name


def task_states_of_pages_q(pages):
    """A filter on task states for those of runs on `pages` (a page queryset): a run names
    its page by text (WorkflowState.object_id), so the page ids are cast to match."""
    return Q(
        workflow_state__base_content_type=get_default_page_content_type(),
        workflow_state__object_id__in=pages.annotate(
            id_text=Cast("pk", output_field=CharField())
        ).values("id_text"),
    )


def user_holds_role(user, page, role):
    """Whether `user` holds `role` in the organisation that owns `page`."""
    return holds_role(user, organisation_id_of_page(page), role)


def administers_page(user, page):
    """Authority over a page beyond its review (强制发布, deciding a 撤稿, lifting its view
    restriction, deleting what is not one's own draft) is publish permission on it: superusers
    and the 管理员 of the page's organisation (the one role group holding `publish_page`). The
    site-wide 管理员 group runs the platform (users, groups, site-wide objects; it sees every
    organisation, staff_roles.sees_every_organisation) and holds no page permission, so no
    authority over an organisation's content either (docs/moderation.md, "Who administers a
    page")."""
    return page.permissions_for_user(user).can_publish()


class RoleApprovalTask(Task):
    """A review step taken by the page's own organisation's group for one role.

    Four-eyes rule: nobody approves or sends back a revision they wrote themselves, and nobody
    acts at two steps of one run (三审, `refusal`).
    """

    role = models.CharField(_("审核角色"), max_length=20, choices=Role)

    admin_form_fields = [*Task.admin_form_fields, "role"]

    def may_act(self, task_state, user):
        """Whether `user` may approve or send back at `task_state`: one rule for the buttons,
        the 待我审核 list, the mails and the action itself. The step's role in the page's
        organisation, and no `refusal`."""
        obj = task_state.workflow_state.content_object
        return user_holds_role(user, obj, self.role) and self.refusal(task_state, user) is None

    def refusal(self, task_state, user):
        """Why `user` may not act at `task_state` even holding its role, or None.

        Four-eyes is judged against the revision submitted to this step, not the page's latest
        one: a colleague's correction saved during the review does not change who may decide on
        the text this step reviews. 三审: each step of one run (its WorkflowState) is taken by a
        different person, so one who holds several roles of a small office cannot approve an
        item through every step alone."""
        other_step = self.step_approved_by(task_state, user)
        return _refusal_text(task_state, user, other_step and other_step.task.name)

    def step_approved_by(self, task_state, user):
        """Another step of `task_state`'s run that `user` approved (None: none)."""
        return (
            _other_steps_approved_by(user)
            .filter(workflow_state_id=task_state.workflow_state_id)
            .exclude(task_id=task_state.task_id)
            .select_related("task")
            .first()
        )

    def held_back(self, obj, user):
        """The `refusal` of `user` at `obj`'s current step when this is that step and `user`
        holds its role (so the screens say why no action is offered); None otherwise."""
        task_state = obj.current_workflow_task_state
        if task_state is None or task_state.task_id != self.pk:
            return None
        if not user_holds_role(user, obj, self.role):
            return None
        return self.refusal(task_state, user)

    def get_task_states_held_back_from(self, user):
        """(task state, reason) of this step's items where `user`, holding the role, may not act
        because they took another step of the same run: the 待我审核 panel lists them with the
        reason instead of buttons. The steps of _held_by_role_q with another step taken, read
        in one query with that step's name."""
        held_by_role = self._held_by_role_q(user)
        if held_by_role is None:
            return []
        approved_elsewhere = _steps_of_the_run_approved_by(user)
        states = (
            self.task_states.filter(held_by_role, status=TaskState.STATUS_IN_PROGRESS)
            .annotate(other_step=Subquery(approved_elsewhere.values("task__name")[:1]))
            .filter(other_step__isnull=False)
            .select_related("workflow_state", "revision", "task")
        )
        return [(state, _refusal_text(state, user, state.other_step)) for state in states]

    def reviewers(self, task_state, role_holders):
        """Of `role_holders` (the step's role in the page's organisation), those who may act at
        `task_state`: the ones its mails ask and remind, by the same rule as the buttons."""
        return [user for user in role_holders if self.may_act(task_state, user)]

    def may_review(self, obj, user):
        """may_act at `obj`'s current step, when that step is this task."""
        task_state = obj.current_workflow_task_state
        if task_state is None or task_state.task_id != self.pk:
            return False
        return self.may_act(task_state, user)

    def user_can_access_editor(self, obj, user):
        return user_holds_role(user, obj, self.role)

    def locked_for_user(self, obj, user):
        return not user_holds_role(user, obj, self.role)

    def user_can_lock(self, obj, user):
        return user_holds_role(user, obj, self.role)

    def start(self, workflow_state, user=None):
        """Start on the run's revision (runs.py), not simply the latest one; when an earlier
        step has not approved that revision, the run returns to that step instead."""
        from .revisions.runs import run_revision

        first = workflow_state.get_next_task()
        if first is not None and first.pk != self.pk:
            return first.specific.start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.revision = run_revision(workflow_state)
        task_state.task = self
        task_state.save()
        task_submitted.send(
            sender=task_state.specific.__class__, instance=task_state.specific, user=user
        )
        return task_state

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        return self.offered_actions()

    def offered_actions(self):
        """What get_actions offers where may_review holds (the 待我审核 panel asks for its rows,
        whose states it selected by may_act)."""
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("通过"), False),
            ("approve", _("附意见通过"), True),
        ]

    def get_form_for_action(self, action):
        from .forms import ReviewCommentForm, SendBackForm

        return SendBackForm if action == "reject" else ReviewCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The editor's action menu posts the modal's data unvalidated; validate it here.
        # Approving from the page editor may first save the reviewer's own edits as a newer
        # revision; that one returns the run to review (runs.py), this step decides its own.
        if not self.may_act(task_state, user) or action_name not in {"approve", "reject"}:
            refusal = self.refusal(task_state, user)
            raise PermissionDenied(refusal or _("您不能对本稿件执行此审核操作。"))
        form = self.get_form_for_action(action_name)(data=kwargs)
        if not form.is_valid():
            raise PermissionDenied("；".join(e for errs in form.errors.values() for e in errs))
        return self.apply_action(task_state, user, action_name, form.cleaned_data)

    def apply_action(self, task_state, user, action_name, data):
        if action_name == "approve":
            task_state.approve(user=user, comment=data.get("comment", ""))
        elif action_name == "reject":
            task_state.reject(user=user, comment=data["comment"])
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """may_act as one query (the 待我审核 panel and Wagtail's workflow reports filter by it in
        SQL): the running states of this step on pages of the organisations where `user` holds
        its role, less those whose revision `user` wrote and those of runs where `user` approved
        another step (refusal)."""
        held_by_role = self._held_by_role_q(user)
        if held_by_role is None:
            return TaskState.objects.none()
        approved_elsewhere = _steps_of_the_run_approved_by(user)
        return (
            self.task_states.filter(held_by_role, status=TaskState.STATUS_IN_PROGRESS)
            .exclude(revision__user_id=user.pk)
            .exclude(Exists(approved_elsewhere))
        )

    def _held_by_role_q(self, user):
        """A filter on task states for those whose page lies in an organisation where `user`
        holds this step's role (user_holds_role), or None where it holds it nowhere. Disclosure
        roots never nest (their parent is the home page), so the pages at or below an
        organisation's roots are exactly those organisation_id_of_page gives it. A run names
        its page by text (WorkflowState.object_id): the page ids are cast to match."""
        organisation_ids = organisation_ids_where(user, self.role)
        if not user.is_authenticated or not user.is_active or not organisation_ids:
            return None
        return task_states_of_pages_q(
            Page.objects.filter(pages_of_organisation_q(organisation_ids))
        )

    @classmethod
    def get_description(cls):
        return _(
            "由稿件所属机构中该角色的成员审核；本人撰写的版本不能由本人审核，"
            "同一送审的各审核环节须由不同人员完成。"
        )

    class Meta:
        verbose_name = _("机构角色审核")
        verbose_name_plural = _("机构角色审核")


def _other_steps_approved_by(user):
    """The approved task states `user` finished, the earliest first: the 三审 rule's steps
    taken (RoleApprovalTask.step_approved_by)."""
    return TaskState.objects.filter(status=TaskState.STATUS_APPROVED, finished_by=user).order_by(
        "started_at"
    )


def _steps_of_the_run_approved_by(user):
    """For a subquery over task states: the other steps of the outer state's run `user`
    approved (step_approved_by of each outer state)."""
    return (
        _other_steps_approved_by(user)
        .filter(workflow_state_id=OuterRef("workflow_state_id"))
        .exclude(task_id=OuterRef("task_id"))
    )


def _refusal_text(task_state, user, other_step_name):
    """RoleApprovalTask.refusal's answer, given the name of another step of the run `user`
    approved (None: none)."""
    revision_user_id = task_state.revision.user_id if task_state.revision_id else None
    if revision_user_id is not None and revision_user_id == user.pk:
        return _("此版本由您本人撰写，不能由您本人审核。")
    if other_step_name is not None:
        return _("您已审核过本次送审的“%(step)s”，同一送审的各审核环节须由不同人员完成。") % {
            "step": other_step_name
        }
    return None


class SecrecyReviewTaskState(TaskState):
    """A secrecy review, with the reviewer's signed checklist answers."""

    checklist = models.JSONField(_("保密审查清单"), default=dict, blank=True)
    signed_by_name = models.CharField(_("签字人"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查记录")


class SecrecyReviewTask(RoleApprovalTask):
    """保密审查: approving requires every item of the statutory checklist to be affirmed."""

    task_state_class = SecrecyReviewTaskState

    def get_form_for_action(self, action):
        from .forms import SecrecyChecklistForm

        if action == "approve":
            return SecrecyChecklistForm
        return super().get_form_for_action(action)

    def offered_actions(self):
        return [("reject", _("退回修改"), True), ("approve", _("填写保密审查清单并通过"), True)]

    def apply_action(self, task_state, user, action_name, data):
        if action_name == "approve":
            from .forms import SecrecyChecklistForm

            # approve() saves every field of the instance it is called on: sign the specific one.
            task_state = task_state.specific
            task_state.checklist = SecrecyChecklistForm.signed_answers(data)
            task_state.signed_by_name = user.get_full_name() or user.get_username()
        return super().apply_action(task_state, user, action_name, data)

    @classmethod
    def get_description(cls):
        return _("保密审查员逐项确认保密审查清单后方可通过。")

    class Meta:
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")


class WithdrawalAction(models.TextChoices):
    UNPUBLISH = "unpublish", _("撤下（取消发布）")
    DELETE = "delete", _("删除")
    MOVE = "move", _("移动")


class WithdrawalStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("未批准")


class WithdrawalRequest(models.Model):
    """撤稿: taking published information down (unpublish, delete or move) needs a reason and
    the approval of the organisation's leader, who may not be the one asking."""

    page = models.ForeignKey(
        Page, verbose_name=_("稿件"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_title = models.CharField(_("稿件标题"), max_length=255)
    action = models.CharField(_("撤稿方式"), max_length=10, choices=WithdrawalAction)
    destination = models.ForeignKey(
        Page,
        verbose_name=_("移至栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("撤稿理由"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=WithdrawalStatus, default=WithdrawalStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decision_comment = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("撤稿申请")
        verbose_name_plural = _("撤稿申请")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.get_action_display()}：{self.page_title}"

    def may_decide(self, user):
        """Leaders of the page's organisation (or its administrators), never the requester."""
        if (
            self.status != WithdrawalStatus.PENDING
            or self.page is None
            or user.pk == self.requested_by_id
        ):
            return False
        return self.decides_for_page(user)

    def may_follow(self, user):
        """Who may read the request once decided (the link in its mails stays good): whoever
        asked or decided, and those who could have decided it."""
        if user.pk in {self.requested_by_id, self.decided_by_id}:
            return True
        return self.page is not None and self.decides_for_page(user)

    def decides_for_page(self, user):
        return user_holds_role(user, self.page, Role.LEADERS) or administers_page(user, self.page)

    def deciders(self):
        """Who may decide this request: the members of the page organisation's 分管领导 and
        管理员 groups that may_decide admits (never the requester). The request's mail asks them,
        by the same rule as the decision form (as RoleApprovalTask.reviewers for a step)."""
        organisation_id = None if self.page is None else organisation_id_of_page(self.page)
        if organisation_id is None:
            return []
        holders = role_members(organisation_id, [Role.LEADERS, Role.ADMINISTRATORS])
        return [user for user in holders if self.may_decide(user)]


class SensitiveWordLevel(models.TextChoices):
    """An error-level hit blocks submission; a warning-level hit is shown to the reviewers."""

    ERROR = "error", _("禁止（阻止提交）")
    WARNING = "warning", _("提示（提醒审核人）")


class MatchesPattern:
    """An entry of a word list the sensitive-word scan reads (sensitive.py): its `pattern` is
    literal text or, with `is_regex`, a regular expression, matched ignoring case."""

    def compiled(self):
        """Bounded in time (gongkai/bounded_patterns.py): the scan runs in requests and workers."""
        source = self.pattern if self.is_regex else re.escape(self.pattern)
        return bounded(source)

    def clean(self):
        super().clean()
        if self.is_regex:
            try:
                re.compile(self.pattern)
            except re.error as error:
                raise ValidationError(
                    {"pattern": _("正则表达式有误：%(error)s") % {"error": error}}
                ) from error
            if nested_quantifier(self.pattern):
                raise ValidationError(
                    {
                        "pattern": _(
                            "正则表达式含有嵌套的量词（如“(红+)+”），匹配时可能耗尽处理器时间；"
                            "请改写，例如“红+”。"
                        )
                    }
                )
            if bounded(self.pattern, ignore_case=False).search(""):
                raise ValidationError({"pattern": _("正则表达式不能匹配空文本。")})


class SensitiveWord(MatchesPattern, models.Model):
    """One entry of the administrators' sensitive-word list, checked at submission."""

    pattern = models.CharField(
        _("敏感词或正则表达式"),
        max_length=200,
        help_text=_("勾选“正则表达式”时按正则匹配，否则按原文匹配（不区分大小写）。"),
    )
    is_regex = models.BooleanField(_("正则表达式"), default=False)
    category = models.CharField(
        _("类别"), max_length=50, help_text=_("例如：涉密、个人信息、不当用语。")
    )
    level = models.CharField(
        _("级别"), max_length=10, choices=SensitiveWordLevel, default=SensitiveWordLevel.WARNING
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["level", "category", "pattern"]
        constraints = [
            models.UniqueConstraint(fields=["pattern", "is_regex"], name="unique_sensitive_word")
        ]

    def __str__(self):
        return f"{self.pattern}（{self.category}）"


class DefaultWorkflow(models.Model):
    """The one row naming the review workflow every new disclosure root gets (placement): found
    by this row, never by its name, which site administrators may change; it cannot be deleted
    or disabled while the row names it."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+", verbose_name=_("工作流")
    )

    class Meta:
        verbose_name = _("默认审核工作流")
        verbose_name_plural = _("默认审核工作流")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="one_default_workflow")
        ]

    def __str__(self):
        return str(self.workflow)
