"""Review mail through Celery, reminders and scheduled publishing from beat."""

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models import TaskState

from disclosure.moderation.publishing.withdrawal import request_withdrawal
from disclosure.moderation.tasks import publish_scheduled, send_review_reminders
from tests.fixtures import DEMO_PER_MODULE

from .helpers import FULL_CHECKLIST, act, draft_item, fresh, submit

pytestmark = DEMO_PER_MODULE


def sent(outbox):
    """Every mail sent: ours only, Wagtail's own workflow mails are switched off."""
    return sorted((message.subject, sorted(message.to)) for message in outbox)


def test_mail_on_submit_approve_reject_and_withdrawal(
    office, column, django_capture_on_commit_callbacks
):
    users = office["users"]
    page = draft_item(column, users["editor"], title="通知测试稿")
    with django_capture_on_commit_callbacks(execute=True):
        submit(page, users["editor"])
    assert sent(mail.outbox) == [("待初审：通知测试稿", ["reviewer@example.invalid"])]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, users["reviewer"], "approve")
    assert sent(mail.outbox) == [
        ("初审通过：通知测试稿", ["editor@example.invalid"]),
        ("待保密审查：通知测试稿", ["secrecy@example.invalid"]),
    ]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, users["secrecy"], "reject", comment="涉及个人电话号码。")
    assert sent(mail.outbox) == [("稿件被退回：通知测试稿", ["editor@example.invalid"])]
    assert any("涉及个人电话号码。" in message.body for message in mail.outbox)

    fresh(page).current_workflow_state.resume(user=users["editor"])
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(page, users["leader"], "approve")
    assert sent(mail.outbox) == [
        ("审核完成：通知测试稿", ["editor@example.invalid"]),
        ("终审通过：通知测试稿", ["editor@example.invalid"]),
    ]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_withdrawal(fresh(page), users["editor"], "unpublish", "内容已过时，申请撤下。")
    # Whoever may decide it: the site's 管理员, the township's 分管领导 and its own 管理员
    # (the demo's manager; WithdrawalRequest.deciders).
    assert sent(mail.outbox) == [
        (
            "撤稿申请：通知测试稿",
            ["admin@example.invalid", "leader@example.invalid", "manager@example.invalid"],
        )
    ]


def test_reminders_for_items_waiting_too_long(office, column, django_capture_on_commit_callbacks):
    users = office["users"]
    waiting = draft_item(column, users["editor"], title="久等的稿件")
    submit(waiting, users["editor"])
    submit(draft_item(column, users["editor"], title="刚提交的稿件"), users["editor"])
    TaskState.objects.filter(workflow_state__object_id=str(waiting.pk)).update(
        started_at=timezone.now() - timedelta(days=30)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders() == 1
    assert sent(mail.outbox) == [("审核提醒：久等的稿件", ["reviewer@example.invalid"])]


def test_scheduled_items_go_live_from_beat(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"], title="定时发布的稿件")
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    assert not fresh(page).live
    # An hour later: the approved revision's time has come.
    past = timezone.now() - timedelta(minutes=1)
    revision = fresh(page).revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = past.isoformat()
    # The clock cannot move in a test: the approved time is moved back in the database, as
    # an hour passing would leave it (a save would be a rewrite of a reviewed revision).
    type(revision).objects.filter(pk=revision.pk).update(
        content=revision.content, approved_go_live_at=past
    )
    publish_scheduled.delay()
    assert fresh(page).live


def test_beat_runs_reminders_and_scheduled_publishing():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"moderation.send_review_reminders", "moderation.publish_scheduled"} <= tasks


def test_review_mail_links_to_the_configured_address(
    office, column, settings, django_capture_on_commit_callbacks
):
    """Not to port 8000 whatever PORT is: the link starts with WAGTAILADMIN_BASE_URL."""
    settings.WAGTAILADMIN_BASE_URL = "http://portal.example.invalid:8153/"
    users = office["users"]
    page = draft_item(column, users["editor"], title="地址测试稿")
    with django_capture_on_commit_callbacks(execute=True):
        submit(page, users["editor"])
    (message,) = [m for m in mail.outbox if "地址测试稿" in m.subject]
    assert f"http://portal.example.invalid:8153/admin/pages/{page.pk}/edit/" in message.body
    assert ":8000" not in message.body


def test_a_step_asks_only_those_who_may_act_not_the_author_of_its_revision(
    office, column, django_capture_on_commit_callbacks
):
    users = office["users"]
    page = draft_item(column, users["reviewer"], title="初审人自己写的稿")
    with django_capture_on_commit_callbacks(execute=True):
        submit(page, users["reviewer"])
    asked = [to for subject, to in sent(mail.outbox) if subject.startswith("待初审")]
    assert ["reviewer@example.invalid"] not in asked
