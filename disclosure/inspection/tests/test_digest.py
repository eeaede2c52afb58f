"""The weekly digest recognises a finding from week to week by its indicator and page (and the
link or word within it), not by its text: a problem that grows is reported as worse, one that
shrinks as better, never as one fixed and one new."""

import pytest
from django.core import mail

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.inspection import digest
from disclosure.inspection.models import InspectionSnapshot
from disclosure.inspection.results import Finding, Result
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role
from gongkai.mail import MAIL_TASK
from gongkai.outbox import not_started
from tests.factories import UserFactory

from .helpers import COMPLETE_GUIDE


def stale_column(detail, upcoming=False):
    finding = Finding(7, "工作动态", detail, upcoming=upcoming)
    return [Result("stale_columns", "栏目不更新", "veto", 5, "", findings=[finding])]


def test_a_warning_that_becomes_a_failure_is_worse_not_fixed_and_new():
    before = digest.findings_of(stale_column("3 天后将超期未更新", upcoming=True))
    after = digest.findings_of(stale_column("已超过 14 天未更新"))
    changed = digest.changes(before, after)
    assert changed["new"] == [] and changed["fixed"] == [] and changed["improved"] == []
    assert changed["worsened"] == [
        "栏目不更新：工作动态（已超过 14 天未更新）；上周：3 天后将超期未更新"
    ]
    assert digest.changes(after, before)["improved"] and not digest.changes(after, before)["new"]
    assert digest.changes(after, after) == {"new": [], "worsened": [], "improved": [], "fixed": []}


def test_two_broken_links_on_one_page_are_two_findings():
    links = [Finding(7, "通知", "链接的页面（#3）不存在", subject="page:3")]
    links.append(Finding(7, "通知", "链接的页面（#4）不存在", subject="page:4"))
    before = digest.findings_of([Result("broken_links", "链接", "deduction", 0, "", links)])
    after = digest.findings_of([Result("broken_links", "链接", "deduction", 0, "", links[1:])])
    changed = digest.changes(before, after)
    assert changed["fixed"] == ["链接：通知（链接的页面（#3）不存在）"] and changed["new"] == []


def test_a_snapshot_of_the_old_format_is_not_compared_line_by_line():
    old = {"findings": {"stale_columns|7|已超过 14 天": "栏目不更新：工作动态（已超过 14 天）"}}
    changed = digest.changes(old, digest.findings_of(stale_column("已超过 14 天")))
    assert changed["fixed"] == [] and len(changed["new"]) == 1


@pytest.fixture
def administrator(office):
    return UserFactory(
        username="township-admin",
        email="admin@township.invalid",
        groups=[ensure_organisation_roles(office["township"])[Role.ADMINISTRATORS]],
    )


def weekly_mail(administrator, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        digest.send_weekly_digests()
    (sent,) = [m for m in mail.outbox if administrator.email in m.to]
    return sent


def section(body, heading):
    return body.split(heading)[1].split("\n\n")[0]


def test_a_guide_missing_more_elements_is_reported_worse_then_better(
    office, administrator, django_capture_on_commit_callbacks
):
    guide = ServiceGuidePageFactory(
        parent=office["columns"][0],
        title="老年人优待证办理指南",
        **{**COMPLETE_GUIDE, "location": ""},
    )
    first = weekly_mail(administrator, django_capture_on_commit_callbacks)
    assert "老年人优待证办理指南" in section(first.body, "本周新发现的问题")

    ServiceGuidePage.objects.filter(pk=guide.pk).update(service_hours="")
    worse = weekly_mail(administrator, django_capture_on_commit_callbacks)
    assert "加重 1 个" in worse.subject and "已整改 0 个" in worse.subject
    assert "老年人优待证办理指南" in section(worse.body, "本周加重的问题")
    assert "老年人优待证办理指南" not in section(worse.body, "本周新发现的问题")
    assert "老年人优待证办理指南" not in section(worse.body, "本周已整改的问题")
    assert "上周：办事指南缺少要素：办理地点" in worse.body

    ServiceGuidePage.objects.filter(pk=guide.pk).update(location="友谊镇便民服务中心")
    better = weekly_mail(administrator, django_capture_on_commit_callbacks)
    assert "老年人优待证办理指南" in section(better.body, "本周减轻的问题")
    assert "已整改 0 个" in better.subject
    assert InspectionSnapshot.objects.filter(organisation=office["township"]).count() == 3


def test_the_digest_is_sent_by_the_projects_one_mail_task(
    office, administrator, django_capture_on_commit_callbacks
):
    """The digest's mail goes through gongkai.mail like every other mail; its earlier names
    stay registered for what was queued before (gongkai/tests/test_mail.py)."""
    with django_capture_on_commit_callbacks(execute=False):
        assert digest.send_weekly_digests() == 1
    (queued,) = not_started(MAIL_TASK)
    assert queued.args[0] == [administrator.email]
    assert not not_started(digest.send_digest_mail).exists()
    assert not not_started("moderation.send_review_mail").exists()
