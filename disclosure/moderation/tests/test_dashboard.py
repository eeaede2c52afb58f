"""Dashboard: awaiting my review, my items in review, and the Art. 26 publication deadline."""

import re
from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState

from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.organisations.walls import within_organisation
from disclosure.moderation.review.dashboard import my_drafts, sent_back_to
from disclosure.moderation.review.deadlines import art26_due_on, unpublished_items_near_deadline
from disclosure.workdays.calendar import add_working_days, working_days_between
from tests.factories import publish_fixture

from .helpers import FULL_CHECKLIST, act, fresh, home_of, panel, submit


def document(column, author, title, written_on):
    return DisclosureDocumentPageFactory(
        parent=column, title=title, written_on=written_on, live=False, owner=author
    )


def test_deadline_is_twenty_working_days_after_writing(db):
    written = date(2024, 9, 27)  # National Day (1–7 October) inside
    assert art26_due_on(written) == date(2024, 10, 30)  # 9-29 and 10-12 are worked
    assert working_days_between(written, art26_due_on(written)) == 20


def test_dashboard_panels(client, office):
    users = office["users"]
    column = CategoryPage.objects.descendant_of(office["root"]).first()
    today = timezone.localdate()
    overdue = document(column, users["editor"], "逾期未公开的通知", date(2020, 1, 6))
    document(column, users["editor"], "刚成文的通知", today)
    near_written = date(2026, 3, 2)
    near = document(column, users["editor"], "即将到期的通知", near_written)
    submit(near, users["editor"])

    in_three_days = add_working_days(near_written, 17)
    listed = unpublished_items_near_deadline(users["reviewer"], today=in_three_days)
    near_item = next(item for item in listed if item.page.pk == near.pk)
    assert (near_item.working_days_left, near_item.overdue) == (3, False)
    assert str(near_item.state) == "待初审"
    assert unpublished_items_near_deadline(office["users"]["outsider"], today=in_three_days) == []

    client.force_login(users["reviewer"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "逾期未公开的通知" in home and "已逾期" in home
    assert "刚成文的通知" not in home
    assert "即将到期的通知" in home  # overdue by now, and awaiting this reviewer
    assert overdue.title in home
    client.force_login(users["editor"])
    assert "即将到期的通知" in client.get(reverse("wagtailadmin_home")).content.decode()


# ------------------------------------------------------------------ each role's panels (issue 17)


def test_editor_sees_drafts_and_what_was_sent_back_with_the_reason(client, small_office):
    users, (guides, notices) = small_office["users"], small_office["columns"]
    document(guides, users["editor"], "未提交的草稿", None)
    sent_back = document(notices, users["editor"], "被退回的通知", None)
    submit(sent_back, users["editor"])
    act(sent_back, users["reviewer"], "reject", comment="请写明办理地点。")
    under_review = document(notices, users["editor"], "审核中的通知", None)
    submit(under_review, users["editor"])

    html = home_of(client, users["editor"])
    drafts = panel(html, "my-drafts")
    assert "未提交的草稿" in drafts
    assert "被退回的通知" not in drafts and "审核中的通知" not in drafts
    returned = panel(html, "sent-back-to-me")
    assert "被退回的通知" in returned and "请写明办理地点。" in returned and "初审" in returned
    assert "审核中的通知" not in returned
    # The reviewer wrote nothing of these, and has no review waiting.
    reviewer_home = home_of(client, users["reviewer"])
    assert "my-drafts" not in reviewer_home and "sent-back-to-me" not in reviewer_home


def test_reviewers_see_what_waits_for_them_oldest_first_with_working_days(client, small_office):
    users, (guides, notices) = small_office["users"], small_office["columns"]
    newer = document(guides, users["editor"], "昨天提交的指南", None)
    older = document(notices, users["editor"], "上周提交的通知", None)
    for page in (newer, older):
        submit(page, users["editor"])
    today = timezone.localdate()
    a_month_ago = today - timedelta(days=30)
    started = timezone.make_aware(datetime.combine(a_month_ago, time(10)))
    TaskState.objects.filter(pk=fresh(older).current_workflow_task_state.pk).update(
        started_at=started
    )

    waiting = panel(home_of(client, users["reviewer"]), "awaiting-my-review")
    assert waiting.index("上周提交的通知") < waiting.index("昨天提交的指南")
    assert f"{working_days_between(a_month_ago, today)} 个工作日" in waiting
    assert "0 个工作日" in waiting
    assert 'data-workflow-action-url="' in waiting  # approve and send back from here
    # The next steps see nothing yet; the editor has no review list.
    assert "上周提交的通知" not in panel(home_of(client, users["secrecy"]), "awaiting-my-review")
    assert "awaiting-my-review" not in home_of(client, users["editor"])

    act(older, users["reviewer"], "approve")
    secrecy = panel(home_of(client, users["secrecy"]), "awaiting-my-review")
    assert "上周提交的通知" in secrecy and "保密审查" in secrecy
    act(older, users["secrecy"], "approve", **FULL_CHECKLIST)
    assert "上周提交的通知" in panel(home_of(client, users["leader"]), "awaiting-my-review")


def test_art26_counts_from_creation_or_change(client, small_office):
    users, (guides, _notices) = small_office["users"], small_office["columns"]
    created = document(guides, users["editor"], "没有成文日期的通知", None)
    long_ago = timezone.now() - timedelta(days=60)
    Revision.objects.filter(object_id=str(created.pk)).update(created_at=long_ago)
    changed = document(guides, users["editor"], "已发布后修改的通知", date(2020, 1, 6))
    publish_fixture(changed, users["admin"])
    published_long_ago = timezone.now() - timedelta(days=90)
    Page.objects.filter(pk=changed.pk).update(last_published_at=published_long_ago)
    changed = fresh(changed)
    changed.title = "已发布后修改的通知（更正）"
    revision = changed.save_revision(user=users["editor"])
    Revision.objects.filter(pk=revision.pk).update(created_at=long_ago)

    listed = {item.page.pk: item for item in unpublished_items_near_deadline(users["editor"])}
    assert str(listed[created.pk].basis) == "创建" and listed[created.pk].overdue
    assert listed[created.pk].counted_from == timezone.localdate(long_ago)
    assert str(listed[changed.pk].basis) == "变更" and listed[changed.pk].overdue
    assert unpublished_items_near_deadline(users["outsider"]) == []
    assert "（变更）" in panel(home_of(client, users["editor"]), "art26")


def test_panels_stay_inside_the_organisation(client, small_office):
    """A county editor who once owned a township draft (or submitted a township item) sees
    neither in its panels: the lists are cut at the organisation's roots. (Wagtail's own
    "recent edits" and "in review" panels list what the user itself did.)"""
    users, (guides, notices) = small_office["users"], small_office["columns"]
    outsider = users["outsider"]
    document(guides, outsider, "县里人写在镇里的草稿", None)
    sent_back = document(notices, users["editor"], "镇里被退回的通知", None)
    submit(sent_back, outsider)
    act(sent_back, users["reviewer"], "reject", comment="不是本机关的信息。")

    assert list(my_drafts(outsider)) == [] and sent_back_to(outsider) == []
    html = home_of(client, outsider)
    assert "县里人写在镇里的草稿" not in panel(html, "my-drafts")
    assert "镇里被退回的通知" not in panel(html, "sent-back-to-me")
    # A site administrator without an organisation sees every organisation's pages.
    township_pages = Page.objects.filter(within_organisation(users["editor"]))
    assert set(Page.objects.filter(within_organisation(users["admin"]))) >= set(township_pages)
    assert (
        not Page.objects.filter(within_organisation(outsider))
        .filter(pk__in=township_pages)
        .exists()
    )


def test_twin_drafts_read_apart_and_only_my_unpublished_ones_can_be_deleted(client, small_office):
    """An autosaved, abandoned first attempt sits beside the real item with the same title
    (issue 17): the rows show address, state and creation time, and 删除 for a never-published
    draft of my own that nobody reviews."""
    users, (guides, notices) = small_office["users"], small_office["columns"]
    abandoned = document(guides, users["editor"], "同名的通知", None)
    real = document(guides, users["editor"], "同名的通知", None)
    published = document(notices, users["editor"], "已发布的通知", None)
    publish_fixture(published)
    published = fresh(published)
    published.title = "已发布的通知（修改中）"
    published.save_revision(user=users["editor"])
    theirs = document(notices, users["admin"], "管理员建的草稿", None)
    theirs.save_revision(user=users["editor"])  # I saved it last: listed, not mine to delete

    drafts = panel(home_of(client, users["editor"]), "my-drafts")
    assert drafts.count("未发布的草稿") == 3  # the twins and the administrator's draft
    for page in (abandoned, real):
        assert f"{page.slug}<" in drafts  # the address tells them apart
        delete = reverse("wagtailadmin_pages:delete", args=(page.pk,))
        assert f'href="{delete}?next=%2Fadmin%2F"' in drafts
    assert abandoned.slug != real.slug
    for page in (published, theirs):
        assert page.title in drafts or page.get_latest_revision_as_object().title in drafts
        assert reverse("wagtailadmin_pages:delete", args=(page.pk,)) not in drafts
    assert "已发布，有未提交的修改" in drafts
    created = timezone.localtime(
        Revision.objects.filter(object_id=str(real.pk)).earliest("created_at").created_at
    )
    assert created.strftime("%Y-%m-%d %H:%M") in drafts

    # Once submitted, it is in review: off 我的草稿, and Wagtail's delete is not offered anywhere.
    submit(real, users["editor"])
    drafts = panel(home_of(client, users["editor"]), "my-drafts")
    assert reverse("wagtailadmin_pages:delete", args=(real.pk,)) not in drafts

    # The link deletes it, and returns to the dashboard.
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=(abandoned.pk,)) + "?next=/admin/"
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Page.objects.filter(pk=abandoned.pk).exists()


def test_the_times_of_my_drafts_carry_their_labels(client, small_office):
    """Below 1200 px Wagtail lays a dashboard row out as a wrapped line without the table's
    headings (issue 17: two bare times at 768 px): each time cell names what it is."""
    users, (guides, _notices) = small_office["users"], small_office["columns"]
    draft = document(guides, users["editor"], "带时间的草稿", None)
    drafts = panel(home_of(client, users["editor"]), "my-drafts")
    row = drafts[drafts.index(draft.title) :].split("</tr>", 1)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    times = [cell for cell in cells if "<time" in cell]
    assert len(times) == 2, row
    for cell, label in zip(times, ("创建", "最后保存"), strict=True):
        assert re.search(rf'<span class="[^"]*">{label}</span>\s*<time datetime="[^"]+">', cell)


def test_a_later_step_tells_submission_from_arrival(client, small_office):
    """保密审查 and 分管领导 saw under 提交时间 when the item reached their step. The row now
    gives both: when the editor submitted it and when it reached this step."""
    users, (guides, _notices) = small_office["users"], small_office["columns"]
    item = document(guides, users["editor"], "经初审的指南", None)
    submit(item, users["editor"])
    submitted = timezone.make_aware(datetime(2026, 3, 2, 9, 15))
    Revision.objects.filter(pk=fresh(item).latest_revision_id).update(created_at=submitted)
    act(item, users["reviewer"], "approve")
    reached = timezone.localtime(fresh(item).current_workflow_task_state.started_at)

    row = panel(home_of(client, users["secrecy"]), "awaiting-my-review")
    assert re.search(r"<td data-submitted>\s*2026-03-02 09:15\s*</td>", row), row
    assert re.search(rf"<td data-reached>\s*{reached:%Y-%m-%d %H:%M}\s*</td>", row), row
    assert "到达本步骤" in row and "按到达本步骤的时间排列" in row
