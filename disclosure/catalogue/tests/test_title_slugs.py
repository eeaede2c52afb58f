"""Slugs from titles, never blocking an editor (issue 17: an autosaved abandoned attempt made the
second attempt fail with a slug conflict on a hidden tab)."""

import pytest
from django.urls import reverse
from django.utils.text import slugify

from disclosure.catalogue.models import CategoryPage, ServiceGuidePage
from disclosure.catalogue.title_slugs import free_slug, pinyin_slug
from disclosure.moderation.tests.helpers import edit_form_data, fresh, new_service_guide
from disclosure.moderation.tests.offices import build_office
from tests.factories import publish_fixture

TITLE = "办事指南：老年人优待证办理"
SLUG = "ban-shi-zhi-nan-lao-nian-ren-you-dai-zheng-ban-li"


@pytest.fixture
def office(db):
    return build_office()


@pytest.fixture
def editor_client(client, office):
    client.force_login(office["users"]["editor"])
    return client


def column_of(office):
    return office["columns"][0]


def create_url(column):
    return reverse("wagtailadmin_pages:add", args=("catalogue", "serviceguidepage", column.pk))


def as_the_editor_types(page, **extra):
    """The create form as the browser posts it: Wagtail's sync has copied the Chinese title
    into the slug."""
    return edit_form_data(page, slug=slugify(page.title, allow_unicode=True), **extra)


def autosave(client, url, data):
    """Wagtail 8's autosave posts the form in the background and asks for JSON."""
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.json()["success"], response.content
    return response.json()


def test_pinyin_slug():
    assert pinyin_slug(TITLE) == SLUG
    assert pinyin_slug("重庆银行ABC网点") == "chong-qing-yin-hang-abc-wang-dian"
    assert pinyin_slug("2024年度预算") == "2024-nian-du-yu-suan"
    long = pinyin_slug("关于进一步加强和改进农村危房改造工作的实施意见的通知及其附件说明")
    assert len(long) <= 60 and not long.endswith("-")
    assert pinyin_slug(long.replace("-", "")[:5] + "x").isascii()


def test_free_slug_skips_siblings_and_the_feed(office):
    column = column_of(office)
    assert free_slug(column, "rss") == "rss-2"  # the column's feed answers at rss/
    column.add_child(instance=CategoryPage(title="甲", slug="jia"))
    fresh(column).add_child(instance=CategoryPage(title="甲", slug="jia-2"))
    assert free_slug(column, "jia") == "jia-3"


def test_create_abandon_recreate(editor_client, office):
    column = column_of(office)
    url = create_url(column)
    first = autosave(editor_client, url, as_the_editor_types(new_service_guide(None)))
    abandoned = ServiceGuidePage.objects.get(pk=first["pk"])
    assert (abandoned.slug, abandoned.live) == (SLUG, False)

    # The editor comes back later and makes the item again from the start, then submits it.
    response = editor_client.post(
        url, as_the_editor_types(new_service_guide(None), **{"action-submit": "提交审核"})
    )
    assert response.status_code == 302, response.context["form"].errors
    made = ServiceGuidePage.objects.exclude(pk=abandoned.pk).get(title=TITLE)
    assert made.slug == f"{SLUG}-2"
    assert made.workflow_in_progress


def test_an_empty_slug_is_derived_not_refused(editor_client, office):
    response = editor_client.post(
        create_url(column_of(office)),
        edit_form_data(new_service_guide(None), slug="", **{"action-submit": "提交审核"}),
    )
    assert response.status_code == 302
    assert ServiceGuidePage.objects.get().slug == SLUG


def test_the_second_attempt_autosaves_too(editor_client, office):
    column = column_of(office)
    url = create_url(column)
    autosave(editor_client, url, as_the_editor_types(new_service_guide(None)))
    second = autosave(editor_client, url, as_the_editor_types(new_service_guide(None)))
    assert ServiceGuidePage.objects.get(pk=second["pk"]).slug == f"{SLUG}-2"


def test_slug_follows_the_title_until_publication(editor_client, office):
    column = column_of(office)
    # Autosave fires while the title is still being typed.
    partial = new_service_guide(None)
    partial.title = "办事指南"
    saved = autosave(editor_client, create_url(column), as_the_editor_types(partial))
    page = ServiceGuidePage.objects.get(pk=saved["pk"])
    assert page.slug == "ban-shi-zhi-nan"
    # The hydrated edit form keeps posting the slug the server gave (Wagtail's sync stops once
    # slug and title differ), with the title typed to the end.
    page.title = TITLE
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = editor_client.post(edit, edit_form_data(page, slug="ban-shi-zhi-nan"))
    assert response.status_code == 302
    assert fresh(page).get_latest_revision_as_object().slug == SLUG


def test_a_slug_the_editor_typed_is_kept(editor_client, office):
    column = column_of(office)
    data = edit_form_data(new_service_guide(None), slug="youdaizheng")
    assert editor_client.post(create_url(column), data).status_code == 302
    assert editor_client.post(create_url(column), data).status_code == 302
    assert sorted(ServiceGuidePage.objects.values_list("slug", flat=True)) == [
        "youdaizheng",
        "youdaizheng-2",
    ]


def test_a_published_page_keeps_its_address(editor_client, office):
    column = column_of(office)
    taken = column.add_child(instance=CategoryPage(title="占用", slug="zhan-yong"))
    page = new_service_guide(office["users"]["editor"])
    page.slug = "youdaizheng"
    fresh(column).add_child(instance=page)
    publish_fixture(page)
    page = fresh(page)
    page.title = "占用"  # a new title does not move a published page
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert editor_client.post(edit, edit_form_data(page)).status_code == 302
    assert fresh(page).get_latest_revision_as_object().slug == "youdaizheng"
    # An editor who deliberately takes a sibling's slug is told, in Chinese.
    response = editor_client.post(edit, edit_form_data(page, slug=taken.slug))
    assert response.status_code == 200
    errors = response.context["form"].errors["slug"]
    assert errors == ["缩略名“zhan-yong”已被同一上级页面下的其他页面使用。"]


def test_the_taken_address_notice_names_the_tab_as_the_editor_sees_it():
    """The notice sends the editor to the tab holding the address; Wagtail's tab is "Promote",
    shown in zh-hans as 推荐 (the notice once said 推广, a tab no editor could find)."""
    from django.utils import translation
    from django.utils.translation import gettext

    from disclosure.catalogue.wagtail_hooks import TAKEN_ADDRESS

    with translation.override("zh-hans"):
        tab = gettext("Promote")
        notice = str(TAKEN_ADDRESS) % {"taken": "jia", "address": "/xxgk/jia-2/"}
    assert f"“{tab}”标签页" in notice


# ------------------------------------------- the draft that holds the address is named (issue 17)


def notices_after(response):
    return [str(message) for message in response.context["messages"]]


def test_the_notice_names_my_abandoned_draft_and_deleting_it_frees_the_address(
    editor_client, office
):
    column = column_of(office)
    url = create_url(column)
    first = autosave(editor_client, url, as_the_editor_types(new_service_guide(None)))
    abandoned = ServiceGuidePage.objects.get(pk=first["pk"])

    response = editor_client.post(url, as_the_editor_types(new_service_guide(None)), follow=True)
    made = ServiceGuidePage.objects.exclude(pk=abandoned.pk).get(title=TITLE)
    assert made.slug == f"{SLUG}-2"
    edit = reverse("wagtailadmin_pages:edit", args=(made.pk,))
    delete = reverse("wagtailadmin_pages:delete", args=(abandoned.pk,))
    (notice,) = [text for text in notices_after(response) if SLUG in text]
    assert "您之前未提交的草稿“办事指南：老年人优待证办理”" in notice and "从未发布" in notice
    assert f'href="{delete}?next={edit.replace("/", "%2F")}"' in notice
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(abandoned.pk,))}"' in notice
    html = response.content.decode()
    assert "删除那份草稿</a>" in html  # shown as a link, not as escaped markup

    # The editor follows the link and confirms; Wagtail's delete view sends her back.
    response = editor_client.post(f"{delete}?next={edit}")
    assert response.status_code == 302 and response["Location"] == edit
    assert not ServiceGuidePage.objects.filter(pk=abandoned.pk).exists()
    # The next save takes the address the abandoned draft held, and nothing is said.
    response = editor_client.post(edit, edit_form_data(fresh(made)), follow=True)
    assert fresh(made).get_latest_revision_as_object().slug == SLUG
    assert not [text for text in notices_after(response) if SLUG in text]


def test_a_draft_in_review_or_someone_elses_is_not_offered_for_deletion(
    editor_client, client, office
):
    column = column_of(office)
    url = create_url(column)
    submitted = editor_client.post(
        url, as_the_editor_types(new_service_guide(None), **{"action-submit": "提交审核"})
    )
    assert submitted.status_code == 302
    in_review = ServiceGuidePage.objects.get(title=TITLE)
    assert in_review.workflow_in_progress

    response = editor_client.post(url, as_the_editor_types(new_service_guide(None)), follow=True)
    (notice,) = [text for text in notices_after(response) if SLUG in text]
    assert "已被同一栏目下的其他页面使用" in notice and "删除" not in notice

    # Another editor's draft holds it: she is told the address, not offered his draft.
    other = office["users"]["admin"]
    client.force_login(other)
    response = client.post(url, as_the_editor_types(new_service_guide(None)), follow=True)
    (notice,) = [text for text in notices_after(response) if SLUG in text]
    assert "已被同一栏目下的其他页面使用" in notice and "删除" not in notice


def test_the_named_draft_cannot_put_markup_into_the_notice(editor_client, office):
    """The notice is HTML (its links); the draft's title in it is the editor's text, escaped."""
    url = create_url(column_of(office))
    guide = new_service_guide(None)
    guide.title = '<img src=x onerror="alert(1)">优待证'
    autosave(editor_client, url, as_the_editor_types(guide))
    response = editor_client.post(url, as_the_editor_types(guide), follow=True)
    (notice,) = [text for text in notices_after(response) if "您之前未提交的草稿" in text]
    assert "<img" not in notice and "&lt;img src=x" in notice
    assert "<img src=x" not in response.content.decode()
