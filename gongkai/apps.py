from django.apps import AppConfig


class GongkaiConfig(AppConfig):
    name = "gongkai"
    verbose_name = "政府信息公开平台"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks  # noqa: F401  (registers the system checks)
        from .page_cache import clear_page_cache, clear_page_cache_on_settings_change

        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(clear_page_cache, dispatch_uid=f"gongkai-page-cache-{name}")
        post_delete.connect(clear_page_cache, sender=Page, dispatch_uid="gongkai-page-cache-delete")
        # A page made private (or public again) must not be answered from the cache.
        for signal in (post_save, post_delete):
            signal.connect(
                clear_page_cache,
                sender=PageViewRestriction,
                dispatch_uid=f"gongkai-page-cache-restriction-{signal is post_save}",
            )
        post_save.connect(
            clear_page_cache_on_settings_change, dispatch_uid="gongkai-page-cache-settings"
        )
