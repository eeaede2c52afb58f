from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    name = "gongkai.languages"
    verbose_name = _("语言与无障碍")

    def ready(self):
        from gongkai.page_cache import every_page_reads

        from .display import DISPLAY_PARAMETERS
        from .locales import ensure_content_locales_after_migrate
        from .patches import (
            admin_labels,
            draft_titles,
            live_translation_drafts,
            locale_lookup,
            localize_dates,
            model_names,
            sync_without_publishing,
            translation_buttons,
            translation_report_labels,
        )
        from .permission_names import name_permissions_in_chinese

        post_migrate.connect(ensure_content_locales_after_migrate, dispatch_uid="content_locales")
        locale_lookup.apply()
        # Names the admin shows that come from code rather than catalogues.
        model_names.apply()
        admin_labels.apply()
        translation_report_labels.apply()
        localize_dates.apply()
        translation_buttons.apply()
        # 同步翻译的页面 offers no 立即发布: translations are published through the review.
        sync_without_publishing.apply()
        # Updating a live translation saves a draft revision, not the live row.
        live_translation_drafts.apply()
        # Editing a live translation's title changes no title the admin shows as live.
        draft_titles.apply()
        post_migrate.connect(name_permissions_in_chinese, dispatch_uid="zh_permissions")
        every_page_reads(*DISPLAY_PARAMETERS)  # the page cache stores ?text=2 and ?contrast=1
