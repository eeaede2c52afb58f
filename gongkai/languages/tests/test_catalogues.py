"""locale/ is complete: makemessages would change nothing, zh_Hans is filled, .mo are current."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

from gongkai.languages.catalogues import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    catalogue_path,
    entries,
    fill_source_language,
    untranslated,
    update_catalogues,
)

LOCALE = Path(settings.BASE_DIR) / "locale"


NOT_SOURCES = {"locale", ".git", ".venv", "node_modules", "var", "test-results"}


def test_makemessages_would_change_nothing(tmp_path, settings, monkeypatch):
    """Extracts into a copy of locale/, never into the checkout's own catalogues.

    makemessages writes beside the tree it scans, so it scans a tree of links to the sources
    next to the copy; the checkout's .po/.mo files stay as they are and are compared with it.
    """
    before_po = {lang: catalogue_path(LOCALE, lang).read_bytes() for lang in LANGUAGES}
    tree = tmp_path / "tree"
    tree.mkdir()
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in NOT_SOURCES:
            (tree / entry.name).symlink_to(entry)
    copy = tree / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(tree)
    update_catalogues(locale_dir=copy, symlinks=True)
    assert before_po == {lang: catalogue_path(LOCALE, lang).read_bytes() for lang in LANGUAGES}, (
        "the test wrote into the checkout's locale/"
    )
    for language in LANGUAGES:
        before, after = (
            entries(catalogue_path(LOCALE, language)),
            entries(catalogue_path(copy, language)),
        )
        added = sorted(set(after) - set(before))[:5]
        removed = sorted(set(before) - set(after))[:5]
        assert before == after, f"{language}: run `make messages` (new: {added}, gone: {removed})"
        # Compared without the header, whose POT-Creation-Date is the minute of the run.
        assert compiled(catalogue_path(LOCALE, language, "mo")) == compiled(
            catalogue_path(copy, language, "mo")
        ), f"{language}: the .mo is stale; run `make messages`"
    javascript = catalogue_path(LOCALE, SOURCE_LANGUAGE).with_name("djangojs.po")
    assert entries(javascript) == entries(copy / SOURCE_LANGUAGE / "LC_MESSAGES" / "djangojs.po")


def compiled(mo_path):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
        )
        for entry in polib.mofile(str(mo_path))
    }


def test_every_chinese_message_is_filled():
    assert untranslated(catalogue_path(LOCALE, SOURCE_LANGUAGE)) == []
    po = polib.pofile(str(catalogue_path(LOCALE, SOURCE_LANGUAGE)))
    assert fill_source_language(po) == 0


def test_every_english_message_is_translated():
    assert untranslated(catalogue_path(LOCALE, "en")) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_used(language):
    from django.utils import translation

    with translation.override("en" if language == "en" else "zh-hans"):
        text = translation.gettext("跳到正文")
    assert text == ("Skip to main content" if language == "en" else "跳到正文")


def test_a_library_string_in_a_copied_template_keeps_the_librarys_chinese():
    """A copy of a Wagtail template brings Wagtail's English msgids into our catalogue, which
    wins over Wagtail's: filling them with themselves would show English in the Chinese admin."""
    from django.utils import translation

    with translation.override("zh-hans"):
        assert translation.gettext("Edit schedule") == "编辑计划"
        assert translation.gettext("Save") == "保存"
