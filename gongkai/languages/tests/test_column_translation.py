"""A column whose item was translated first is an English alias of the Chinese column
(gongkai/aliases.py). Translating the column itself makes it a page of its own keeping the
content the Chinese column published; its translation waits in review (try-out F1: the
translator landed on 没有权限 and nothing was saved)."""

import pytest
from wagtail.models import Page, PageLogEntry

from disclosure.moderation.publishing.publication import UnreviewedPublication
from disclosure.moderation.revisions.content import public_content
from disclosure.moderation.tests.helpers import FULL_CHECKLIST, act

from .helpers import review_role_users, translate


@pytest.fixture
def column_alias(township, document):
    translate(document)  # the item first: its column becomes an English alias
    return Page.objects.get(locale__language_code="en", alias_of=township["column"]).specific


def test_translating_the_column_keeps_its_live_content_and_drafts_the_translation(
    township, column_alias
):
    users = review_role_users(township["organisation"])
    live_before = public_content(column_alias)

    english = translate(township["column"], publish=False, user=users["editors"])

    assert english.pk == column_alias.pk
    assert english.alias_of_id is None and english.live
    assert public_content(english) == live_before  # what the Chinese column published
    assert english.has_unpublished_changes
    assert english.latest_revision.user == users["editors"]
    assert PageLogEntry.objects.filter(page=english, action="wagtail.convert_alias").exists()
    # the translated item below it is still served
    assert english.get_children().live().count() == 1


def test_the_column_translation_goes_live_through_review(township, column_alias):
    users = review_role_users(township["organisation"])
    english = translate(township["column"], publish=False, user=users["editors"])
    draft = english.latest_revision
    with pytest.raises(UnreviewedPublication):
        draft.publish()  # nobody reviewed it
    english.get_workflow().start(english, users["editors"])
    act(english, users["reviewers"], "approve")
    act(english, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(english, users["leaders"], "approve")
    english = Page.objects.get(pk=english.pk)
    assert english.live and english.live_revision_id == draft.pk
    assert not english.has_unpublished_changes


def test_an_alias_in_its_original_locale_still_does_not_become_a_page_of_its_own(
    township, document
):
    from wagtail.actions.create_alias import CreatePageAliasAction

    alias = CreatePageAliasAction(
        document, parent=township["root"], update_slug="alias-of-document"
    ).execute()
    alias.alias_of_id = None
    with pytest.raises(UnreviewedPublication):
        alias.save(update_fields=["alias_of_id"], clean=False)
