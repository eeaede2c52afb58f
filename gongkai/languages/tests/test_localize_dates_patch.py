"""wagtail-localize writes its dates as 2026-11-30, not with the C locale's English month names
(gongkai/languages/patches/localize_dates.py)."""

import datetime

from django.utils import timezone
from django.utils.translation import override
from wagtail_localize.models import StringTranslation


def test_a_translated_strings_comment_has_no_english_month():
    translation = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0)),
    )
    with override("zh-hans"):
        assert translation.get_comment() == "手工翻译于 2026-11-30"
