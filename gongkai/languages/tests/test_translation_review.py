"""The translation editor on a disclosure page submits the translation for review
(disclosure/moderation/patches/translation_review.py), offers no 取消发布 where the takedown goes
through a 撤稿申请, and editing a live translation's title does not list it as published
(patches/draft_titles.py).

wagtail-localize's editor offered 发布 only to those who may publish, and its publication was
refused by the review guard (a bare 没有权限 on the admin's home page); an editor saw no button
at all, so a translation could not be submitted. Its title string, saved at each edit, was
written into the live page's draft_title, which the admin lists as the page's name beside 已发布.

A page locked for the translator refuses every change wagtail-localize's views make to its
translation (disclosure/moderation/patches/translation_locks.py); the editor only greyed its fields.
"""

import html
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
import wagtail_localize
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.moderation.tests.helpers import act

from .helpers import review_role_users, translate

ENGLISH_TITLE = "Notice on waste sorting"


@pytest.fixture
def roles(township):
    return review_role_users(township["organisation"])


def synced_translation(english):
    source = TranslationSource.objects.get(object_id=english.translation_key)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=english.locale, defaults={"enabled": True}
    )
    return translation


@pytest.fixture
def live_english(document):
    """The document's live English version, edited in the translation editor."""
    english = translate(document)
    assert english.live
    return synced_translation(english), english


def fresh(page):
    return DisclosureDocumentPage.objects.get(pk=page.pk)


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def props(response):
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert found, "the translation editor is shown"
    return json.loads(html.unescape(found.group(1)))


def edit_title(client, translation, value):
    """What the editor's JavaScript sends when the translator types the title."""
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def submit(client, page):
    # wagtail-localize publishes on commit when asked to: a publication would run here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(editor_url(page), {"action": "publish"})


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_an_editor_is_offered_submission_for_review(client, live_english, roles):
    _translation, english = live_english
    client.force_login(roles["editors"])
    response = client.get(editor_url(english))
    assert response.status_code == 200
    perms = props(response)["perms"]
    assert perms["canPublish"] is True  # the React editor's primary action, shown
    assert perms["canUnpublish"] is False
    # The action's label, "Publish in " + the language in the React editor, says 提交审核.
    assert 'django.catalog["Publish in "] = "提交审核：' in response.text


def test_submitting_saves_a_draft_and_starts_the_review(client, live_english, roles):
    translation, english = live_english
    live_revision, live_title = english.live_revision_id, english.title
    client.force_login(roles["editors"])
    assert edit_title(client, translation, ENGLISH_TITLE).status_code in (200, 201)

    response = submit(client, english)

    assert response.status_code == 302
    assert response.url == editor_url(english)
    assert messages_of(response)[0] == (
        "success",
        f"已提交审核：译文“{ENGLISH_TITLE}”须经审核后发布。",
    )
    page = fresh(english)
    # Nothing published: the live row is as it was; the translation is a draft in review.
    assert page.live and page.live_revision_id == live_revision and page.title == live_title
    assert page.has_unpublished_changes
    draft = page.latest_revision
    assert draft.user == roles["editors"]
    assert draft.as_object().title == ENGLISH_TITLE
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == roles["editors"]
    assert state.current_task_state.revision == draft
    assert page.get_workflow() == state.workflow
    # The editor, back on the page, sees it in review, not 没有权限.
    again = client.get(response.url)
    assert again.status_code == 200
    assert props(again)["perms"]["canPublish"] is False  # in review: nothing to submit


def test_a_user_who_may_not_submit_is_told_why_on_the_editor(client, live_english, roles):
    _translation, english = live_english
    english.get_workflow().start(english, roles["editors"])
    revisions = english.revisions.count()
    client.force_login(roles["editors"])

    response = submit(client, english)

    assert response.status_code == 302
    assert response.url == editor_url(english)
    assert messages_of(response) == [
        ("error", "译文未提交：该页面正在审核中，待本轮审核结束后再提交。已填写的译文均已保存。")
    ]
    assert fresh(english).revisions.count() == revisions


def test_unpublish_and_delete_are_not_offered_where_they_are_refused(client, live_english):
    """A published disclosure page is taken down through a 撤稿申请, even by a superuser."""
    _translation, english = live_english
    admin = get_user_model().objects.create_superuser("admin", "a@example.cn", "x")
    client.force_login(admin)
    perms = props(client.get(editor_url(english)))["perms"]
    assert perms["canUnpublish"] is False
    assert perms["canDelete"] is False
    assert perms["canPublish"] is True


def test_a_withdrawal_request_is_offered_where_unpublishing_is_refused(client, live_english, roles):
    """A translator takes a published translation down as the page editor does: 申请撤稿, the
    withdrawal request's form, in place of the 取消发布 the review refuses."""
    _translation, english = live_english
    client.force_login(roles["editors"])
    response = client.get(editor_url(english))
    assert props(response)["perms"]["canUnpublish"] is False  # what wagtail-localize renders
    url = reverse("moderation:request_withdrawal", args=[english.pk])
    assert "props.perms.canUnpublish = true;" in response.text
    assert f'props.links.unpublishUrl = "{url}";' in response.text.replace("\\u002D", "-")
    assert 'django.catalog["Unpublish"] = "申请撤稿"' in response.text
    assert client.get(url).status_code == 200


def test_no_withdrawal_request_is_offered_before_publication(client, roles, document):
    english = translate(document, publish=False)
    assert not english.live
    client.force_login(roles["editors"])
    response = client.get(editor_url(english))
    assert "props.perms.canUnpublish = true;" not in response.text


def test_conversion_to_an_alias_is_not_offered_where_it_is_refused(client, live_english, roles):
    """Turning a live translation back into an alias would put the source's text live
    without review (guards.alias_conversion_refusal): the editor's props lose the link."""
    _translation, english = live_english
    client.force_login(roles["editors"])
    response = client.get(editor_url(english))
    assert props(response)["links"]["convertToAliasUrl"]  # what wagtail-localize renders
    assert "props.links.convertToAliasUrl = null;" in response.text  # removed before React reads


def test_a_locked_page_sent_back_is_refused_for_its_lock(client, live_english, roles):
    _translation, english = live_english
    english.get_workflow().start(english, roles["editors"])
    act(english, roles["reviewers"], "reject", comment="请补全译文。")
    assert fresh(english).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    english.locked, english.locked_by = True, roles["reviewers"]
    english.save(update_fields=["locked", "locked_by"])
    client.force_login(roles["editors"])

    response = submit(client, english)

    assert messages_of(response) == [
        ("error", "译文未提交：该页面已被锁定，解锁后才能提交审核。已填写的译文均已保存。")
    ]


def test_a_submission_with_untranslated_strings_warns(client, live_english, roles):
    """As wagtail-localize warns on publishing: the reviewers would read those in Chinese."""
    translation, english = live_english
    client.force_login(roles["editors"])
    edit_title(client, translation, ENGLISH_TITLE)  # the rest left untranslated

    response = submit(client, english)

    assert [level for level, _text in messages_of(response)] == ["success", "warning"]
    assert "译文尚有未翻译的内容" in messages_of(response)[1][1]
    assert fresh(english).current_workflow_state is not None


def test_a_whole_translation_is_submitted_without_a_warning(client, live_english, roles):
    translation, english = live_english
    client.force_login(roles["editors"])
    for segment in StringSegment.objects.filter(source=translation.source):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = f"English {segment.pk}"
        client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )

    response = submit(client, english)

    assert [level for level, _text in messages_of(response)] == ["success"]


def test_editing_a_live_translation_s_title_leaves_the_titles_the_admin_shows(
    client, live_english, roles, township
):
    translation, english = live_english
    live_title = english.title
    client.force_login(roles["editors"])

    assert edit_title(client, translation, ENGLISH_TITLE).status_code in (200, 201)

    page = fresh(english)
    assert (page.title, page.draft_title) == (live_title, live_title)
    assert not page.has_unpublished_changes
    assert page.get_admin_display_title() == live_title
    listing = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert listing.status_code == 200
    assert ENGLISH_TITLE not in listing.text


def test_a_draft_translation_s_title_follows_the_editor(client, document, roles):
    """Not live: no public title to be mistaken for; wagtail-localize's behaviour stays."""
    english = translate(document, publish=False)
    translation = synced_translation(english)
    client.force_login(roles["editors"])

    edit_title(client, translation, ENGLISH_TITLE)
    assert fresh(english).draft_title == ENGLISH_TITLE
    edit_title_deleted = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.pk, edit_title_deleted.pk],
    )
    assert client.delete(url).status_code == 200
    assert fresh(english).draft_title == fresh(english).title


def test_the_react_editor_still_reads_what_the_patch_sets():
    """translation_review.py relies on the bundle's publish button (shown on perms.canPublish,
    labelled with "Publish in ") and its unpublish link (perms.canUnpublish)."""
    bundle = (
        Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"
    )
    text = bundle.read_text(encoding="utf-8")
    assert re.search(r'\w\.canPublish&&\w\.push\(.{0,200}value:"publish"', text)
    assert '("Publish in ")+' in text
    assert '("Publishing...")' in text
    assert re.search(r"\w\.canUnpublish&&\w\.push\(", text)
    assert re.search(r"\w\.convertToAliasUrl&&\w\.push\(", text)
    assert 'querySelector(".js-translation-editor")' in text
    assert "dataset.props" in text


def translation_changing_addresses(translation):
    """Every address of wagtail-localize's admin URLs about one translation, as its hook
    registers them (strings, overrides, PO files, machine translation, stopping, previews)."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace == "wagtail_localize" and "translation_id" in pattern.pattern.converters:
                yield pattern

    addresses = {}
    for pattern in walk(get_resolver().url_patterns, None):
        kwargs = {name: 1 for name in pattern.pattern.converters}
        kwargs.update(translation_id=translation.pk, **({"mode": "x"} if "mode" in kwargs else {}))
        addresses[pattern.name] = reverse(f"wagtail_localize:{pattern.name}", kwargs=kwargs)
    return addresses


def test_a_lock_stops_every_change_to_the_translation(client, live_english, roles):
    translation, english = live_english
    english.locked, english.locked_by = True, roles["reviewers"]
    english.save(update_fields=["locked", "locked_by"])
    strings = StringTranslation.objects.count()
    client.force_login(roles["editors"])

    addresses = translation_changing_addresses(translation)
    assert {"edit_string_translation", "edit_override", "upload_pofile", "machine_translate"} <= (
        addresses.keys()
    )
    for name, url in addresses.items():
        for method in (client.post, client.put, client.delete):
            refused = method(url)
            assert refused.status_code == 403, (name, method)
            assert "该页面已被锁定" in refused.json()["detail"]
    assert edit_title(client, translation, ENGLISH_TITLE).status_code == 403
    assert StringTranslation.objects.count() == strings
    assert Translation.objects.get(pk=translation.pk).enabled


def test_the_lock_holder_still_translates(client, live_english, roles):
    translation, english = live_english
    english.locked, english.locked_by = True, roles["editors"]
    english.save(update_fields=["locked", "locked_by"])
    client.force_login(roles["editors"])
    assert edit_title(client, translation, ENGLISH_TITLE).status_code in (200, 201)


def test_no_withdrawal_request_is_offered_while_the_translation_is_in_review(
    client, live_english, roles
):
    """The React editor makes its first action its main button: without 提交审核 (the page is
    in review) 申请撤稿 would be the main button a translator clicks next."""
    _translation, english = live_english
    english.get_workflow().start(english, roles["editors"])
    client.force_login(roles["editors"])
    response = client.get(editor_url(english))
    assert props(response)["perms"]["canPublish"] is False
    assert "props.perms.canUnpublish = true;" not in response.text
