"""The English catalogue writes English punctuation: a full-width comma, full stop, colon or
bracket in an English sentence reads as a typo (“Name：”, “(PDF，1 MB）”). Chinese quoted as
Chinese (an example of what a citizen types) keeps its own punctuation, and is listed here."""

import re
from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
FULL_WIDTH = re.compile(r"[，。：；（）！？、《》【】]")
# A full-width sign between Chinese characters is part of a quoted Chinese example.
QUOTED_CHINESE = re.compile(r"[\u4e00-\u9fff][，。：；、][\u4e00-\u9fff]")
# Strings that name a Chinese sign as the character a citizen types.
NAMES_A_CHINESE_SIGN = {
    "市民常打错的写法，例如“低报”。输入它们也能找到本组的内容，但搜索结果页不会把它们列为同时搜索的词。"
    "用逗号、顿号或空格分隔。",  # the enumeration comma 、 separates the words
}


def english_strings():
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            yield entry.msgid, text


def test_english_strings_use_english_punctuation():
    offending = [
        (msgid, text)
        for msgid, text in english_strings()
        if msgid not in NAMES_A_CHINESE_SIGN and FULL_WIDTH.search(QUOTED_CHINESE.sub("", text))
    ]
    assert offending == []


def test_the_scan_finds_full_width_signs():
    assert FULL_WIDTH.search(QUOTED_CHINESE.sub("", "Name：value"))
    assert FULL_WIDTH.search(QUOTED_CHINESE.sub("", "(PDF，1 MB）"))
    assert not FULL_WIDTH.search(QUOTED_CHINESE.sub("", "e.g. 低保，最低生活保障"))
