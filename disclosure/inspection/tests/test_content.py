"""Planted content defects: a guide without materials, a policy without interpretation, a broken
internal link, an attachment whose file is gone, a serious misstatement."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from disclosure.catalogue.models.guide_elements import missing_guide_elements
from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    PolicyDocumentPageFactory,
    ServiceGuidePageFactory,
)
from disclosure.inspection.models import Misstatement
from disclosure.moderation.tests.helpers import draft_item, edit_form_data, fresh
from tests.factories import DocumentFactory

from .helpers import COMPLETE_GUIDE, result


def test_a_guide_without_materials_is_a_veto(office):
    guides = office["columns"][0]
    complete = ServiceGuidePageFactory(parent=guides, **COMPLETE_GUIDE)
    assert missing_guide_elements(complete) == []
    assert result("guide_elements", office["township"]).status == "pass"
    lacking = ServiceGuidePageFactory(
        parent=guides, title="无材料的指南", **{**COMPLETE_GUIDE, "materials": [], "location": " "}
    )
    found = result("guide_elements", office["township"])
    assert found.status == "veto"
    assert [(f.page_id, f.detail) for f in found.findings] == [
        (lacking.pk, "办事指南缺少要素：办理材料、办理地点")
    ]
    assert result("guide_elements", office["county"]).status == "pass"


def test_a_policy_without_interpretation_and_the_ratio(office):
    notices = office["columns"][1]
    explained = PolicyDocumentPageFactory(parent=notices, title="已解读的办法", kind="normative")
    PolicyDocumentPageFactory(
        parent=notices, title="解读", kind="interpretation", interpreted_policy=explained
    )
    alone = PolicyDocumentPageFactory(parent=notices, title="未解读的办法", kind="normative")
    found = result("interpretations", office["township"])
    assert [f.page_id for f in found.findings] == [alone.pk]
    assert found.numbers == {"normative": 2, "interpreted": 1, "ratio": 0.5}
    assert found.status == "warn"


def test_a_link_to_a_deleted_page_is_broken(office):
    notices = office["columns"][1]
    target = DisclosureDocumentPageFactory(parent=notices, title="被链接的通知")
    linking = DisclosureDocumentPageFactory(
        parent=notices,
        title="链接其他页面的通知",
        body=[("paragraph", RichText(f'<p><a linktype="page" id="{target.pk}">见此</a></p>'))],
    )
    assert result("broken_links", office["township"]).findings == []
    target.delete()
    found = result("broken_links", office["township"])
    assert [f.page_id for f in found.findings] == [linking.pk]
    assert found.numbers["internal_broken"] == 1


def test_an_attachment_whose_file_is_gone_is_a_veto(office):
    document = DocumentFactory(title="申请表")
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][1],
        title="附申请表的通知",
        body=[("attachment", {"document": document, "title": "申请表"})],
    )
    assert result("attachments", office["township"]).status == "pass"
    document.file.storage.delete(document.file.name)
    found = result("attachments", office["township"])
    assert found.status == "veto" and [f.page_id for f in found.findings] == [page.pk]
    assert "申请表" in found.findings[0].detail


@pytest.mark.parametrize("where", ["title", "body"])
def test_a_live_misstatement_is_a_veto(office, where):
    text = "中华人民共合国政府信息公开条例"
    fields = {"title": text} if where == "title" else {"body": [("paragraph", f"<p>{text}</p>")]}
    page = DisclosureDocumentPageFactory(parent=office["columns"][1], **fields)
    found = result("misstatements", office["township"])
    assert found.status == "veto" and [f.page_id for f in found.findings] == [page.pk]
    assert "“中华人民共合国”应为“中华人民共和国”" in found.findings[0].detail
    Misstatement.objects.filter(pattern="中华人民共合国").delete()
    assert result("misstatements", office["township"]).status == "pass"


def test_submission_refuses_a_misstatement(client, office):
    editor = office["users"]["editor"]
    page = draft_item(office["columns"][0], editor)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, title="台湾国旅游办事指南", **{"action-submit": "1"}),
        follow=True,
    )
    assert not fresh(page).workflow_in_progress
    html = response.content.decode()
    assert "未能提交审核" in html and "严重表述错误" in html


def test_taiwan_as_a_country_is_a_misstatement_its_parties_and_airports_are_not(office):
    column = office["columns"][1]
    wrong = DisclosureDocumentPageFactory(parent=column, title="台湾国旅游须知")
    for title in ("台湾国民党当局的有关情况", "台湾国际空间问题"):
        DisclosureDocumentPageFactory(parent=column, title=title)
    found = result("misstatements", office["township"])
    assert [f.page_id for f in found.findings] == [wrong.pk]


def test_an_alias_of_a_policy_or_an_interpretation_is_not_another_document(office):
    notices, guides = office["columns"][1], office["columns"][0]
    explained = PolicyDocumentPageFactory(parent=notices, title="已解读的办法", kind="normative")
    interpretation = PolicyDocumentPageFactory(
        parent=notices, title="解读", kind="interpretation", interpreted_policy=explained
    )
    alone = PolicyDocumentPageFactory(parent=notices, title="未解读的办法", kind="normative")
    for page in (explained, interpretation, alone):
        alias = page.create_alias(parent=guides, update_slug=f"{page.slug}-alias")
        assert alias.live and alias.alias_of_id == page.pk
    found = result("interpretations", office["township"])
    assert found.numbers == {"normative": 2, "interpreted": 1, "ratio": 0.5}
    assert [f.page_id for f in found.findings] == [alone.pk]


def _column_taken_down(office):
    """A column of the township that is not live: the pages below it are 404 for visitors,
    whatever their own flag (catalogue/visibility.py)."""
    return CategoryPageFactory(parent=office["root"], title="已撤下的栏目", slug="down", live=False)


def test_a_link_to_a_live_page_under_a_column_taken_down_is_broken(office):
    target = DisclosureDocumentPageFactory(parent=_column_taken_down(office), title="栏目下的通知")
    assert Page.objects.get(pk=target.pk).live
    linking = DisclosureDocumentPageFactory(
        parent=office["columns"][1],
        title="链接其他页面的通知",
        body=[("paragraph", RichText(f'<p><a linktype="page" id="{target.pk}">见此</a></p>'))],
    )
    found = result("broken_links", office["township"])
    assert [f.page_id for f in found.findings] == [linking.pk]
    assert found.numbers["internal_broken"] == 1


@pytest.mark.parametrize("hidden_by", ["column taken down", "view restriction"])
def test_an_interpretation_the_public_cannot_see_does_not_count(office, hidden_by):
    """The policy page lists only its public interpretations: a hidden one is no link."""
    notices = office["columns"][1]
    policy = PolicyDocumentPageFactory(parent=notices, title="未公开解读的办法", kind="normative")
    if hidden_by == "column taken down":
        parent = _column_taken_down(office)
    else:
        parent = CategoryPageFactory(parent=office["root"], title="内部栏目", slug="internal")
        PageViewRestriction.objects.create(page=parent, restriction_type="login")
    PolicyDocumentPageFactory(
        parent=parent, title="解读", kind="interpretation", interpreted_policy=policy
    )
    found = result("interpretations", office["township"])
    assert policy.pk in [f.page_id for f in found.findings]
    assert found.numbers["interpreted"] == 0
