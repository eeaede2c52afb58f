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

        from .admin_labels import label_the_admin_in_chinese
        from .permission_names import name_permissions_in_chinese

        label_the_admin_in_chinese()
        post_migrate.connect(name_permissions_in_chinese, dispatch_uid="zh_permissions")
