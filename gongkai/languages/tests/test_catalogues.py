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


def test_makemessages_would_change_nothing(tmp_path, settings, monkeypatch):
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(settings.BASE_DIR)
    update_catalogues(locale_dir=copy)
    for language in LANGUAGES:
        before, after = (
            entries(catalogue_path(LOCALE, language)),
            entries(catalogue_path(copy, language)),
        )
        added = sorted(set(after) - set(before))[:5]
        removed = sorted(set(before) - set(after))[:5]
        assert before == after, f"{language}: run `make messages` (new: {added}, gone: {removed})"
        assert (
            catalogue_path(LOCALE, language, "mo").read_bytes()
            == catalogue_path(copy, language, "mo").read_bytes()
        ), f"{language}: the .mo is stale; run `make messages`"


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
