from django.urls import reverse
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.models import WithdrawalRequest, WithdrawalStatus
from tests.fixtures import DEMO_PER_MODULE

from .helpers import fresh, published_item

pytestmark = DEMO_PER_MODULE


def ask(client, office, page, **data):
    client.force_login(office["users"]["editor"])
    return client.post(reverse("moderation:request_withdrawal", args=[page.pk]), data)


def decide(client, user, withdrawal, **data):
    client.force_login(user)
    return client.post(reverse("moderation:decide_withdrawal", args=[withdrawal.pk]), data)


def test_withdrawal_needs_a_reason(client, office, column):
    page = published_item(office, column)
    response = ask(client, office, page, action="unpublish", reason="   ")
    assert response.status_code == 200
    assert "撤稿必须填写理由" in response.content.decode()
    assert not WithdrawalRequest.objects.exists()


def test_leader_approves_an_unpublish_and_the_reason_is_logged(client, office, column):
    users = office["users"]
    page = published_item(office, column)
    ask(client, office, page, action="unpublish", reason="政策已废止，信息失效。")
    withdrawal = WithdrawalRequest.objects.get()
    assert fresh(page).live
    for role in ["editor", "reviewer", "secrecy", "outsider"]:
        response = decide(client, users[role], withdrawal, decision="approve")
        assert response.status_code in {302, 403}, role
        assert fresh(page).live, role
    decide(client, users["leader"], withdrawal, decision="approve", comment="同意")
    assert not fresh(page).live
    entry = PageLogEntry.objects.get(page=page, action="moderation.withdrawal_approved")
    assert entry.data["reason"] == "政策已废止，信息失效。"
    assert entry.user == users["leader"]


def test_refusing_a_withdrawal_needs_a_comment(client, office, column):
    users = office["users"]
    page = published_item(office, column)
    ask(client, office, page, action="delete", reason="重复发布")
    withdrawal = WithdrawalRequest.objects.get()
    decide(client, users["leader"], withdrawal, decision="refuse", comment="")
    assert WithdrawalRequest.objects.get().status == WithdrawalStatus.PENDING
    decide(client, users["leader"], withdrawal, decision="refuse", comment="不是重复件")
    assert WithdrawalRequest.objects.get().status == WithdrawalStatus.REFUSED
    assert fresh(page).live


def test_approved_delete_and_move_are_carried_out(client, office, column):
    users = office["users"]
    doomed = published_item(office, column)
    ask(client, office, doomed, action="delete", reason="误发的内部文件")
    decide(client, users["leader"], WithdrawalRequest.objects.get(), decision="approve")
    assert not Page.objects.filter(pk=doomed.pk).exists()

    moving = published_item(office, column)
    destination = office["root"].get_children().exclude(pk=column.pk).first()
    ask(client, office, moving, action="move", destination=destination.pk, reason="栏目放错")
    decide(
        client,
        users["leader"],
        WithdrawalRequest.objects.get(action="move"),
        decision="approve",
    )
    assert fresh(moving).get_parent().pk == destination.pk


def test_the_requester_cannot_approve_their_own_withdrawal(client, office, column):
    users = office["users"]
    page = published_item(office, column)
    client.force_login(users["admin"])
    client.post(
        reverse("moderation:request_withdrawal", args=[page.pk]),
        {"action": "unpublish", "reason": "管理员自己申请"},
    )
    withdrawal = WithdrawalRequest.objects.get()
    decide(client, users["admin"], withdrawal, decision="approve")
    assert fresh(page).live


def test_a_move_goes_only_where_the_item_may_stand(client, office, column):
    """An item moved under another item (or a report, or the 指南) would stay live at an
    address the catalogue does not show: the form offers only places the page may stand in,
    and the approval checks the place again (it may have changed since the request)."""
    users = office["users"]
    moving = published_item(office, column)
    other = DisclosureDocumentPageFactory(parent=column, title="另一条信息", slug="another-item")
    response = ask(client, office, moving, action="move", destination=other.pk, reason="放错")
    assert response.status_code == 200 and not WithdrawalRequest.objects.exists()
    refusal = response.content.decode()
    assert "本稿件不能移至所选位置" in refusal and "选择一个有效的选项" not in refusal
    offered = response.context["form"].fields["destination"].queryset
    assert other.pk not in set(offered.values_list("pk", flat=True))
    assert all(moving.specific.can_move_to(place) for place in offered)
    # A request that names such a place (made before, or by a script) is not carried out.
    withdrawal = WithdrawalRequest.objects.create(
        page=moving,
        page_title=moving.title,
        action="move",
        destination=other,
        reason="放错",
        requested_by=users["editor"],
    )
    response = decide(client, users["leader"], withdrawal, decision="approve")
    assert "本稿件不能放在所选位置" in response.content.decode()
    assert fresh(moving).get_parent().pk == column.pk
    assert WithdrawalRequest.objects.get(pk=withdrawal.pk).status == WithdrawalStatus.PENDING


def test_a_second_request_for_a_page_already_awaiting_a_decision_is_refused(client, office, column):
    page = published_item(office, column)
    ask(client, office, page, action="unpublish", reason="政策已废止，信息失效。")
    response = ask(client, office, page, action="delete", reason="重复发布的稿件")
    assert response.status_code == 200
    assert "已有一份待审核的撤稿申请" in response.content.decode()
    assert WithdrawalRequest.objects.count() == 1


def test_a_decided_request_says_who_decided_it_and_when_instead_of_refusing(client, office, column):
    users = office["users"]
    page = published_item(office, column)
    ask(client, office, page, action="unpublish", reason="政策已废止，信息失效。")
    withdrawal = WithdrawalRequest.objects.get()
    decide(client, users["leader"], withdrawal, decision="refuse", comment="仍然有效")
    for role in ["leader", "editor"]:
        client.force_login(users[role])
        response = client.get(reverse("moderation:decide_withdrawal", args=[withdrawal.pk]))
        assert response.status_code == 200, role
        text = response.content.decode()
        assert "未批准" in text and get_user_display_name(users["leader"]) in text, role
        assert "仍然有效" in text, role
        assert "提交审核结论" not in text, role
    client.force_login(users["outsider"])
    response = client.get(reverse("moderation:decide_withdrawal", args=[withdrawal.pk]))
    assert response.status_code in {302, 403, 404}


def test_the_request_form_names_the_page_by_the_title_the_public_reads(client, office, column):
    page = published_item(office, column)
    live_title = page.title
    page.title = "改过标题的草稿"
    page.save_revision(user=office["users"]["editor"])
    client.force_login(office["users"]["editor"])
    html = client.get(reverse("moderation:request_withdrawal", args=[page.pk])).content.decode()
    assert live_title in html
    assert "改过标题的草稿" not in html
