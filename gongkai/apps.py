from django.apps import AppConfig


class GongkaiConfig(AppConfig):
    name = "gongkai"
    verbose_name = "政府信息公开平台"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks  # noqa: F401  (registers the system checks)
        from .page_cache import page_published as published
        from .page_cache import page_removed, site_changed, site_object_changed

        page_published.connect(published, dispatch_uid="gongkai-page-cache-published")
        page_unpublished.connect(page_removed, dispatch_uid="gongkai-page-cache-unpublished")
        post_delete.connect(page_removed, sender=Page, dispatch_uid="gongkai-page-cache-delete")
        post_page_move.connect(site_changed, dispatch_uid="gongkai-page-cache-moved")
        # A page made private (or public again) must not be answered from the cache.
        for signal in (post_save, post_delete):
            signal.connect(
                site_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"gongkai-page-cache-restriction-{signal is post_save}",
            )
        for signal in (post_save, post_delete):
            signal.connect(
                site_object_changed,
                dispatch_uid=f"gongkai-page-cache-site-objects-{signal is post_save}",
            )
