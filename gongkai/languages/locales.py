"""Content locales follow settings: one Locale row for each WAGTAIL_CONTENT_LANGUAGES entry.

Adding a language (e.g. a minority language) is configuration only: list it in
LANGUAGES/WAGTAIL_CONTENT_LANGUAGES and run `migrate`, which creates its Locale.
"""

from django.conf import settings
from django.utils.translation import to_locale
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

# Locale rows, by language code, as this process has read them. Locales are configuration
# (settings plus `migrate`), yet Wagtail looks the active one up on every page it routes.
_locales_by_code = {}


def ensure_content_locales():
    """Create the missing Locale rows; return the language codes that were added."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    added = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in existing]
    Locale.objects.bulk_create(Locale(language_code=code) for code in added)
    forget_locales()
    return added


def ensure_content_locales_after_migrate(sender, app_config=None, using="default", **kwargs):
    # Once, after wagtailcore's tables exist (post_migrate fires for every app).
    if app_config is not None and app_config.label == "wagtailcore":
        ensure_content_locales()


def language_tag(code):
    """BCP 47 tag for an HTML `lang`/`hreflang` attribute: zh-hans → zh-Hans, en → en."""
    return to_locale(code).replace("_", "-")


def cached_get_for_language(manager, language_code):
    """LocaleManager.get_for_language, answered from memory after the first time."""
    code = get_supported_content_language_variant(language_code)
    if manager.db != "default":
        return manager.get(language_code=code)
    locale = _locales_by_code.get(code)
    if locale is None:
        locale = _locales_by_code[code] = manager.get(language_code=code)
    return locale


def forget_locales(**kwargs):
    """Receiver too: a Locale saved or deleted (admin), a database flushed (tests' post_migrate),
    or the languages changed in settings (tests)."""
    _locales_by_code.clear()


def cache_locale_lookups():
    LocaleManager.get_for_language = cached_get_for_language
