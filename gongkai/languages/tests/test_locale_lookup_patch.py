"""The locale lookup patch (gongkai/languages/patches/locale_lookup.py) is in effect."""

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from gongkai.languages.patches.locale_lookup import cached_get_for_language, forget_locales


def test_wagtail_looks_locales_up_through_the_patch():
    assert LocaleManager.get_for_language is cached_get_for_language


def test_a_locale_is_read_once_then_answered_from_memory(db, django_assert_num_queries):
    forget_locales()  # an earlier test in this process may have read it already
    with django_assert_num_queries(1):
        english = Locale.objects.get_for_language("en")
    with django_assert_num_queries(0):
        assert Locale.objects.get_for_language("en") == english


def test_a_saved_locale_is_read_again(db, django_assert_num_queries):
    english = Locale.objects.get_for_language("en")
    english.save()
    with django_assert_num_queries(1):
        Locale.objects.get_for_language("en")
