"""The explorer's 翻译此页面 and 同步已翻译页面 offers, read with the rows
(patches/translation_buttons.py): the same buttons as wagtail-localize's, without two
queries for each row."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation, TranslationSource

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from gongkai.languages.patches.translation_buttons import replacing, translation_rows

from .helpers import translate

NEXT = "/admin/pages/"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("translator", "t@example.cn", "x")


@pytest.fixture
def rows(township, document):
    """A translated page whose source is synchronised, one not translated, one with an
    English alias only (an alias is no translation: it is offered), and the column."""
    english = Locale.objects.get(language_code="en")
    translate(document)
    source, _ = TranslationSource.get_or_create_from_instance(document)
    Translation.objects.create(source=source, target_locale=english, enabled=True)
    untranslated = DisclosureDocumentPageFactory(parent=township["column"], title="未翻译")
    aliased = DisclosureDocumentPageFactory(parent=township["column"], title="英文版为别名")
    aliased.copy_for_translation(english, copy_parents=True, alias=True)
    return [document, untranslated, aliased, township["column"]]


def described(buttons):
    return [(str(b.label), b.url, b.priority, b.icon_name) for b in buttons]


def test_each_row_offers_what_wagtail_localize_offers(rows, superuser):
    ours = replacing(localize_hooks.page_listing_more_buttons)
    ids = [page.pk for page in rows]
    annotated = Page.objects.filter(pk__in=ids).annotate(**translation_rows(superuser))
    offered = {page.pk: described(ours(page, superuser, next_url=NEXT)) for page in annotated}
    theirs = {
        page.pk: described(localize_hooks.page_listing_more_buttons(page, superuser, next_url=NEXT))
        for page in Page.objects.filter(pk__in=ids)
    }
    assert offered == theirs
    document, untranslated, aliased, column = rows
    source = TranslationSource.objects.get_for_instance(document)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    urls = {pk: [url for _, url, *_ in buttons] for pk, buttons in offered.items()}
    assert urls[document.pk] == [f"{sync}?next=%2Fadmin%2Fpages%2F"]
    # The column's English version is an alias, made when the document was translated.
    for page in (untranslated, aliased, column):
        assert urls[page.pk] == [
            reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        ]


def test_an_editor_without_the_permission_is_offered_neither(rows):
    editor = get_user_model().objects.create_user("clerk", password="x")
    assert translation_rows(editor) == {}
    ours = replacing(localize_hooks.page_listing_more_buttons)
    page = Page.objects.annotate(
        **translation_rows(get_user_model().objects.create_superuser("root-2", "r@x.cn", "x"))
    ).get(pk=rows[1].pk)
    assert list(ours(page, editor, next_url=NEXT)) == []


def test_the_explorer_asks_as_often_for_twenty_rows_as_for_two(
    client, township, superuser, django_assert_max_num_queries
):
    client.force_login(superuser)
    column = township["column"]
    url = reverse("wagtailadmin_explore", args=[column.pk])
    counts = []
    for total in (2, 20):
        while column.get_children().count() < total:
            DisclosureDocumentPageFactory(parent=column, title=f"第{total}批")
        client.get(url)
        with django_assert_max_num_queries(1000) as queries:
            html = client.get(url).content.decode()
        counts.append(len(queries.captured_queries))
        assert html.count(
            reverse("wagtail_localize:submit_page_translation", args=[column.get_children()[0].pk])
        )
    assert counts[0] == counts[1], counts
