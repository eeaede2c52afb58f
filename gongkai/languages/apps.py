from django.apps import AppConfig
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    name = "gongkai.languages"
    verbose_name = _("语言与无障碍")

    def ready(self):
        from wagtail.models import Locale

        from .locales import (
            cache_locale_lookups,
            ensure_content_locales_after_migrate,
            forget_locales,
        )

        post_migrate.connect(ensure_content_locales_after_migrate, dispatch_uid="content_locales")
        cache_locale_lookups()
        post_migrate.connect(forget_locales, dispatch_uid="forget_locales_after_migrate")
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_saved_locale")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_deleted_locale")
        setting_changed.connect(forget_locales, dispatch_uid="forget_locales_on_settings")
        give_plurals_their_singular()


# The project's own apps: their models are named in Chinese.
OWN_PACKAGES = ("gongkai", "home", "disclosure", "search")


def give_plurals_their_singular():
    """Chinese has no plural: a model of ours that names no verbose_name_plural would be listed
    as "公开信息s" (Django appends an "s"). Its plural is its name. Migrations read the options
    a model declares (`_meta.original_attrs`), so this changes no migration state."""
    from django.apps import apps

    for model in apps.get_models():
        options = model._meta
        if model.__module__.startswith(OWN_PACKAGES) and (
            "verbose_name_plural" not in options.original_attrs
        ):
            options.verbose_name_plural = options.verbose_name
