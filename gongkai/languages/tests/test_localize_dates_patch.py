"""wagtail-localize writes its dates as 2026-11-30, not with the C locale's English month names,
and on Beijing's calendar, not UTC's (gongkai/languages/patches/localize_dates.py)."""

import datetime
import html
import json
import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .helpers import translate

# 01:00 on 1 December in Beijing, still 30 November in UTC.
BEFORE_DAWN = datetime.datetime(2026, 11, 30, 17, 0, tzinfo=datetime.UTC)


def test_a_translated_strings_comment_has_no_english_month():
    translation = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0)),
    )
    with override("zh-hans"):
        assert translation.get_comment() == "手工翻译于 2026-11-30"


def test_a_string_translated_before_dawn_is_dated_on_beijings_day():
    translation = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=BEFORE_DAWN
    )
    with override("zh-hans"):
        assert translation.get_comment() == "手工翻译于 2026-12-01"


def test_the_editor_dates_a_publication_before_dawn_on_beijings_day(client, document):
    english = translate(document)
    source = TranslationSource.objects.get(object_id=english.translation_key)
    Translation.objects.get_or_create(
        source=source, target_locale=english.locale, defaults={"enabled": True}
    )
    Revision.objects.filter(pk=english.live_revision_id).update(created_at=BEFORE_DAWN)
    client.force_login(get_user_model().objects.create_superuser("translator", "t@example.cn", "x"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert found, "the translation editor is shown"
    assert json.loads(html.unescape(found.group(1)))["object"]["lastPublishedDate"] == "2026-12-01"
