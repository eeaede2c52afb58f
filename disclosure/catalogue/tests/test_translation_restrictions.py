"""A page the public may not see in one language is not visible in any: a view restriction
(password, login, groups) on a page, or on one of its ancestors, in one locale covers every
translation of it (same translation_key), wherever the translation sits in its own tree.

Every public path is tried: the served page, the column listing and its feeds, the
organisation's feed, search and its autocomplete, the sitemap, the public API (listing,
detail, find), the language switcher of the other version."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction

from disclosure.catalogue.visibility import unrestricted
from gongkai.languages.tests.helpers import translate
from tests.factories import publishing_as_fixture

from .factories import CategoryPageFactory

pytestmark = pytest.mark.django_db

# The translation keeps the source's words where nobody translated them (fallback).
SECRET = "内部会议纪要XYZ"


def _restrict(page, kind):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="内部人员"))
    return restriction


@pytest.fixture
def column(disclosure_root):
    column = CategoryPageFactory(parent=disclosure_root, title="工作动态", slug="work")
    return column


@pytest.fixture
def pair(make_document, column):
    """A Chinese document and its published English translation (its column and root too)."""
    chinese = make_document(title=SECRET, parent=column)
    english = translate(chinese)
    assert english.live and english.locale.language_code == "en"
    return chinese, english


def _public_paths(page, column):
    """Every public address that could show `page` (a page of `column`)."""
    root = column.get_parent()
    lang = "/en" if page.locale.language_code == "en" else ""
    return [
        column.url,
        f"{column.url}rss/",
        f"{root.url}rss/",
        f"{lang}/search/?q=XYZ",
        f"{lang}/search/autocomplete/?q=XYZ",
        "/sitemap.xml",
        "/api/v2/pages/?search=XYZ",
        f"/api/v2/pages/?type=catalogue.DisclosureDocumentPage&locale={page.locale.language_code}",
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/find/?html_path={page.url}",
    ]


def _assert_hidden(client, *pages):
    for page in pages:
        served = client.get(page.url)
        assert SECRET not in served.content.decode(), page.url
        assert served.status_code in (200, 302), served.status_code  # password form or login
        for url in _public_paths(page, page.get_parent()):
            response = client.get(url, follow=True)
            assert response.status_code in (200, 404), url
            assert SECRET not in response.content.decode(), url
        assert not Page.objects.live().public().filter(pk=page.pk).exists()
        assert not unrestricted(Page.objects.filter(pk=page.pk)).exists()
        assert page.get_view_restrictions().exists()
        assert Page.objects.get(pk=page.pk).get_view_restrictions().exists()


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_restriction_on_the_chinese_page_hides_its_english_translation(client, pair, kind):
    chinese, english = pair
    assert SECRET in client.get(english.url).content.decode()
    _restrict(chinese, kind)
    _assert_hidden(client, chinese, english)


@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_restriction_on_the_chinese_column_hides_the_english_page(client, pair, column, kind):
    chinese, english = pair
    _restrict(column, kind)
    _assert_hidden(client, chinese, english)


def test_a_restriction_on_the_english_page_hides_the_chinese_one(client, pair):
    chinese, english = pair
    _restrict(english, "login")
    _assert_hidden(client, chinese, english)


def test_a_translation_moved_elsewhere_stays_hidden(client, pair, column):
    """The translation no longer sits below the translation of the restricted column."""
    chinese, english = pair
    elsewhere = CategoryPageFactory(
        parent=english.get_parent().get_parent(), title="Elsewhere", slug="elsewhere"
    )
    english.move(elsewhere, pos="last-child")
    english.refresh_from_db()
    _restrict(column, "password")
    _assert_hidden(client, chinese, english)


def test_the_chinese_page_offers_no_link_to_a_hidden_english_version(client, pair):
    chinese, english = pair
    _restrict(english.get_parent(), "login")
    assert english.url not in client.get(chinese.url).content.decode()


def test_without_restrictions_both_versions_stay_public(client, pair):
    chinese, english = pair
    assert SECRET in client.get(english.url).content.decode()
    assert Page.objects.live().public().filter(pk__in=[chinese.pk, english.pk]).count() == 2
    assert unrestricted(Page.objects.filter(pk__in=[chinese.pk, english.pk])).count() == 2


def test_a_translation_made_after_the_restriction_is_hidden(client, make_document, column):
    chinese = make_document(title=SECRET, parent=column)
    _restrict(chinese, "password")
    english = translate(chinese)
    assert english.live
    _assert_hidden(client, chinese, english)


def test_updating_the_translation_neither_drops_the_restriction_nor_shows_the_page(client, pair):
    chinese, english = pair
    restriction = _restrict(chinese, "login")
    assert translate(chinese).pk == english.pk
    assert PageViewRestriction.objects.filter(pk=restriction.pk, page=chinese).exists()
    _assert_hidden(client, chinese, english)


def test_the_synchronised_alias_of_a_restricted_page_is_hidden(client, make_document, column):
    """wagtail-localize shows an untranslated page in another language as an alias of it."""
    chinese = make_document(title=SECRET, parent=column)
    _restrict(column, "password")
    english_locale = Locale.objects.get(language_code="en")
    with publishing_as_fixture():
        alias = chinese.copy_for_translation(english_locale, copy_parents=True, alias=True)
    alias = Page.objects.get(pk=alias.pk).specific
    assert alias.live and alias.alias_of_id == chinese.pk
    _assert_hidden(client, chinese, alias)
