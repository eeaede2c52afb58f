"""wagtail-localize offers 转换成页面别名 (“Convert to alias page”) in a translation's editor.
Converting syncs the translation with its source page and makes it as live as the source: on a
disclosure page that publishes text no review run approved for this page, and
publication.check_page_save refuses it, whoever asks (管理员 too). So the editor does not offer
it there (wagtail_hooks.hide_direct_publishing); where nothing of the translation or its source
is live, converting publishes nothing and stays offered."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from disclosure.moderation.publishing.publication import sanctioned_publication

from .helpers import draft_item, fresh, published_item

CONVERT = "localize-convert-to-alias"


def english_of(page, user, publish):
    """The page's English translation as “翻译此页面” makes it (a Translation record, which the
    menu item looks for), published before this review when `publish`, its syncing then
    stopped (“停止同步翻译”): the page is edited in Wagtail's own editor again, whose action
    menu wagtail-localize adds the conversion to."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    with (
        sanctioned_publication("test: the translation published before"),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        translation.save_target(user=user, publish=publish)
    translation.enabled = False
    translation.save(update_fields=["enabled"])
    return fresh(
        Page.objects.get(translation_key=page.translation_key, locale=translation.target_locale)
    )


def offered(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    menu = response.context["action_menu"]
    names = {item.name for item in [menu.default_item, *menu.menu_items] if item}
    return CONVERT in names


@pytest.fixture
def live_translation(small_office):
    item = published_item(small_office, small_office["columns"][0])
    return english_of(item, small_office["users"]["admin"], publish=True)


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_a_live_translation_does_not_offer_the_conversion(
    client, small_office, live_translation, role
):
    assert not offered(client, small_office["users"][role], live_translation)


def test_the_conversion_it_no_longer_offers_is_refused_even_to_an_administrator(
    client, small_office, live_translation
):
    client.force_login(small_office["users"]["admin"])
    url = reverse("wagtail_localize:convert_to_alias", args=[live_translation.pk])
    response = client.post(url, follow=True)
    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert Page.objects.get(pk=live_translation.pk).alias_of_id is None


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_a_translation_of_a_draft_offers_the_conversion(client, small_office, role):
    users = small_office["users"]
    item = draft_item(small_office["columns"][0], users["editor"])
    draft = english_of(item, users["editor"], publish=False)
    assert not draft.live
    assert offered(client, users[role], draft)
