"""E-mail about review, sent once the transaction that caused it has committed, by the
project's one mail task (gongkai/mail.py, through the outbox: a broker outage delays a mail,
never loses it).

Who hears what: those who may act at a step when an item reaches it (submission, or the previous
step's approval: reviewers_of_step); the author when a step approves, when the item is sent back
(with the reason) and when it is published; those who may decide a withdrawal when it is
requested (its 分管领导 and 管理员 but the requester, WithdrawalRequest.deciders), the requester
when it is decided; the reviewers, 保密审查 and leaders when an administrator lifts or loosens a
page's view restriction (view_restrictions.py). Wagtail's own workflow mails are switched off
(wagtail_mail_off, patches/workflow_mails.py): these are the only review mails.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

from disclosure.catalogue.roots import organisation_id_of_page
from disclosure.catalogue.staff_roles import role_members
from gongkai.accounts.roles import Role
from gongkai.mail import mail_after_commit, mail_task_formerly_named
from gongkai.site_url import absolute


def role_members_of_page(page, role):
    """The active members of `role` in the organisation that owns `page` (none outside every
    organisation's disclosure root)."""
    organisation_id = organisation_id_of_page(page)
    if organisation_id is None:
        return []
    return list(role_members(organisation_id, [role]))


# Review's mail (and the inspection's digest, before it had a task of its own) was queued under
# this name: kept registered so that what waited in the outbox across an upgrade is still sent.
send_review_mail = mail_task_formerly_named("moderation.send_review_mail")


def notify(users, subject, body):
    """Queue one mail to every user with an address, after the current transaction commits."""
    mail_after_commit([user.email for user in users if user is not None], subject, body)


def named(user):
    """How a mail names a person: the full name, or the username when there is none."""
    return get_user_display_name(user) if user is not None else ""


def admin_link(page):
    return absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def reviewers_of_step(task_state):
    """Who a step's mails go to: its role holders in the page's organisation who may act there
    (never the author of the revision it reviews: four-eyes, RoleApprovalTask.may_act)."""
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    role = getattr(task, "role", None)
    if role is None or page is None:
        return []
    return task.reviewers(task_state, role_members_of_page(page, role))


def step_started(task_state):
    """An item reached a step: tell those who may decide it."""
    page = task_state.workflow_state.content_object
    if page is None:
        return
    notify(
        reviewers_of_step(task_state),
        _("待%(step)s：%(title)s") % {"step": task_state.task.name, "title": page.title},
        _("稿件“%(title)s”已提交%(step)s，请审核：%(link)s")
        % {"title": page.title, "step": task_state.task.name, "link": admin_link(page)},
    )


def step_approved(task_state, user):
    page = task_state.workflow_state.content_object
    notify(
        [task_state.workflow_state.requested_by],
        _("%(step)s通过：%(title)s") % {"step": task_state.task.name, "title": page.title},
        _("稿件“%(title)s”已由%(user)s通过%(step)s。%(comment)s")
        % {
            "title": page.title,
            "user": named(user),
            "step": task_state.task.name,
            "comment": task_state.comment or "",
        },
    )


def sent_back(workflow_state, user):
    page = workflow_state.content_object
    task_state = workflow_state.current_task_state
    notify(
        [workflow_state.requested_by],
        _("稿件被退回：%(title)s") % {"title": page.title},
        _(
            "稿件“%(title)s”在%(step)s被%(user)s退回。退回理由：%(comment)s\n修改后请重新提交：%(link)s"
        )
        % {
            "title": page.title,
            "step": task_state.task.name if task_state else "",
            "user": named(user),
            "comment": task_state.comment if task_state else "",
            "link": admin_link(page),
        },
    )


def cancelled_by_other(workflow_state, user):
    page = workflow_state.content_object
    notify(
        [workflow_state.requested_by],
        _("审核已被取消：%(title)s") % {"title": page.title},
        _(
            "您提交的稿件“%(title)s”的审核已由%(user)s取消，稿件回到草稿状态。如有疑问请与其联系：%(link)s"
        )
        % {"title": page.title, "user": named(user), "link": admin_link(page)},
    )


def published(workflow_state):
    page = workflow_state.content_object
    notify(
        [workflow_state.requested_by],
        _("审核完成：%(title)s") % {"title": page.title},
        _("稿件“%(title)s”已通过全部审核。") % {"title": page.title},
    )


def withdrawal_requested(withdrawal):
    notify(
        withdrawal.deciders(),
        _("撤稿申请：%(title)s") % {"title": withdrawal.page_title},
        _("%(user)s申请%(action)s“%(title)s”。理由：%(reason)s\n请审核：%(link)s")
        % {
            "user": named(withdrawal.requested_by),
            "action": withdrawal.get_action_display(),
            "title": withdrawal.page_title,
            "reason": withdrawal.reason,
            "link": absolute(reverse("moderation:decide_withdrawal", args=[withdrawal.pk])),
        },
    )


def withdrawal_decided(withdrawal):
    notify(
        [withdrawal.requested_by],
        _("撤稿申请%(status)s：%(title)s")
        % {"status": withdrawal.get_status_display(), "title": withdrawal.page_title},
        _("您对“%(title)s”的撤稿申请%(status)s（审核人：%(user)s）。意见：%(comment)s")
        % {
            "title": withdrawal.page_title,
            "status": withdrawal.get_status_display(),
            "user": named(withdrawal.decided_by),
            "comment": withdrawal.decision_comment,
        },
    )


def view_restriction_lifted(page, user, reason):
    """An organisation's 管理员 lifted or loosened a page's view restriction: those who review
    what the organisation discloses hear of it, with the reason."""
    reviewers = [
        member
        for role in (Role.REVIEWERS, Role.SECRECY, Role.LEADERS)
        for member in role_members_of_page(page, role)
    ]
    notify(
        reviewers,
        _("访问限制已放宽：%(title)s") % {"title": page.title},
        _(
            "%(user)s取消或放宽了页面“%(title)s”的访问限制，更多人现在可以看到其内容。理由：%(reason)s\n%(link)s"
        )
        % {"user": named(user), "title": page.title, "reason": reason, "link": admin_link(page)},
    )
