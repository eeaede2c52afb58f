"""Replaces `wagtail.models.i18n.LocaleManager.get_for_language` with a lookup answered from memory.

Why: Wagtail looks the active locale up (`Locale.get_active()` → `get_for_language`) on every
page it routes and in many template tags, one query each time. Locales are configuration
(settings plus `migrate`, see gongkai/languages/locales.py), so this process keeps the rows it
has read, by language code, and forgets them when a Locale is saved or deleted (the admin), the
database is migrated or flushed (tests), or the languages change in settings (tests).
Another database than "default" is always asked.

Checked against Wagtail 8.0.1: the original resolves the code with
`get_supported_content_language_variant` and gets the row; this does the same, once.
"""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.coreutils import get_supported_content_language_variant

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={"wagtail.models.i18n.LocaleManager.get_for_language": "db1af47bdacd6a87"},
)

# Locale rows, by language code, as this process has read them.
_locales_by_code = {}


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
    """Receiver too: a Locale saved or deleted, a database migrated or flushed, settings changed."""
    _locales_by_code.clear()


def apply():
    from wagtail.models import Locale
    from wagtail.models.i18n import LocaleManager

    LocaleManager.get_for_language = cached_get_for_language
    post_migrate.connect(forget_locales, dispatch_uid="forget_locales_after_migrate")
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_saved_locale")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_deleted_locale")
    setting_changed.connect(forget_locales, dispatch_uid="forget_locales_on_settings")
