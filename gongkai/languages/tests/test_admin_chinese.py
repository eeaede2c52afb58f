"""The admin in zh-hans speaks Chinese: every message of every installed app's catalogue has a
Chinese translation (Wagtail's own or ours, admin_messages.py) without English words
(admin_words.ALLOWED aside). Issue 17; the browser walk is tests/browser/test_chinese_admin.py."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation import trans_real

from gongkai.languages import admin_messages
from gongkai.languages.admin_words import latin_words

DOMAINS = {"django": admin_messages.DJANGO, "djangojs": admin_messages.DJANGOJS}


def english_catalogues(domain):
    """The English catalogue of each installed app that has one: the app's full list of
    messages (English is every framework's source language)."""
    for app in apps.get_app_configs():
        path = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            yield app.label, polib.pofile(str(path))


def chinese(catalogue, entry):
    if entry.msgid_plural:
        return [
            catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
            if entry.msgctxt
            else catalogue.ngettext(entry.msgid, entry.msgid_plural, count)
            for count in (1, 2)
        ]
    if entry.msgctxt:
        return [catalogue.pgettext(entry.msgctxt, entry.msgid)]
    return [catalogue.gettext(entry.msgid)]


def zh_catalogue(domain):
    if domain == "django":
        return trans_real.translation("zh-hans")
    return trans_real.DjangoTranslation("zh-hans", domain=domain)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_framework_message_has_chinese(domain):
    catalogue = zh_catalogue(domain)
    english = []
    for app_label, po in english_catalogues(domain):
        for entry in po:
            if entry.obsolete:
                continue
            words = [word for text in chinese(catalogue, entry) for word in latin_words(text)]
            if words:
                english.append((app_label, entry.msgid, words))
    assert english == [], (
        f"{len(english)} messages show English in zh-hans; add them to "
        f"gongkai/languages/admin_messages.py and run `make messages`: {english[:10]}"
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_override_is_a_message_of_an_installed_app(domain):
    """An override whose msgid has a typo (or left the framework) would never be used."""
    known = {
        admin_messages.Msg(entry.msgid, entry.msgid_plural or None, entry.msgctxt)
        for _app, po in english_catalogues(domain)
        for entry in po
    }
    assert sorted(set(DOMAINS[domain]) - known) == []


def test_overrides_have_no_english_of_their_own():
    for overrides in DOMAINS.values():
        for message, text in overrides.items():
            assert latin_words(text) == [], (message.msgid, text)


def test_the_leaders_button_reads_as_one_phrase():
    """The last step's approve button was "通过 和发布" (Wagtail's "%(label)s 和发布")."""
    with translation.override("zh-hans"):
        label = translation.gettext("%(label)s and Publish") % {"label": "通过"}
    assert label == "通过并发布"


@pytest.mark.parametrize(
    ("msgid", "values", "chinese"),
    [
        ("Sorry, you do not have permission to access this area.", {}, "对不起，您没有权限访问。"),
        ("%(time_period)s ago", {"time_period": "2分钟"}, "2分钟前"),
        ("Choose %(object)s", {"object": "主题分类"}, "选择主题分类"),
    ],
)
def test_framework_messages_have_no_space_inside_chinese(msgid, values, chinese):
    """Wagtail's Chinese read "对不起， 你没有权限访问。", "2 分钟 之前", "选择 主题分类"."""
    with translation.override("zh-hans"):
        assert translation.gettext(msgid) % values == chinese


def test_models_of_ours_have_chinese_plurals():
    ours = [model for model in apps.get_models() if model.__module__.startswith("disclosure")]
    assert ours
    with translation.override("zh-hans"):
        for model in apps.get_models():
            if model.__module__.startswith(("gongkai", "home", "disclosure", "search")):
                plural = str(model._meta.verbose_name_plural)
                assert latin_words(plural) == [], (model._meta.label, plural)


def test_every_model_has_a_chinese_name():
    """Model names head the group editor's permission table and name listings and choosers."""
    english = []
    with translation.override("zh-hans"):
        for model in apps.get_models():
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
                if latin_words(str(name)):
                    english.append((model._meta.label, str(name)))
    assert english == []


def test_every_permission_has_a_chinese_name(db):
    """Django names permissions "Can add …" in English when migrate creates them."""
    from django.contrib.auth.models import Permission

    english = [
        (permission.codename, permission.name)
        for permission in Permission.objects.all()
        if latin_words(permission.name)
    ]
    assert english == []
    assert Permission.objects.get(codename="add_application").name == "可添加政府信息公开申请"


def test_the_admin_names_neither_wagtail_nor_its_version(client, admin_client):
    """The settings menu ended with "Wagtail v8.0.1" and the sign-in screen read out
    "Wagtail": the framework's name, and its exact version to whoever signs in."""
    from wagtail import __version__

    dashboard = admin_client.get("/admin/").content.decode()
    assert __version__ not in dashboard and "Wagtail v" not in dashboard
    login = client.get("/admin/login/").content.decode()
    assert 'aria-label="Wagtail"' not in login
