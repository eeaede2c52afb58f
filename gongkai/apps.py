from django.apps import AppConfig


class GongkaiConfig(AppConfig):
    name = "gongkai"
    verbose_name = "政府信息公开平台"

    def ready(self):
        from celery.signals import worker_init, worker_process_init
        from django.db.models.signals import post_delete, post_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks  # noqa: F401  (registers the system checks)
        from .content_references import page_published as references_published
        from .orphaned_pool import leave_if_orphaned, remember_the_worker
        from .page_cache import attachment_changed, page_removed, site_changed, site_object_changed
        from .page_cache import page_published as published

        worker_init.connect(remember_the_worker, dispatch_uid="gongkai-worker-pid")
        worker_process_init.connect(leave_if_orphaned, dispatch_uid="gongkai-orphaned-pool-process")
        page_published.connect(references_published, dispatch_uid="gongkai-references-published")
        page_published.connect(published, dispatch_uid="gongkai-page-cache-published")
        page_unpublished.connect(page_removed, dispatch_uid="gongkai-page-cache-unpublished")
        post_delete.connect(page_removed, sender=Page, dispatch_uid="gongkai-page-cache-delete")
        post_page_move.connect(site_changed, dispatch_uid="gongkai-page-cache-moved")
        # A page or collection made private (or public again) must not be answered from the
        # cache, nor a site whose root page, port or name changed (every page of it shows them).
        for signal in (post_save, post_delete):
            for model in (PageViewRestriction, CollectionViewRestriction, Site):
                signal.connect(
                    site_changed,
                    sender=model,
                    dispatch_uid=f"gongkai-page-cache-{model.__name__}-{signal is post_save}",
                )
            for attachment in (get_document_model(), get_image_model()):
                signal.connect(
                    attachment_changed,
                    sender=attachment,
                    dispatch_uid=f"gongkai-page-cache-{attachment.__name__}-{signal is post_save}",
                )
        for signal in (post_save, post_delete):
            signal.connect(
                site_object_changed,
                dispatch_uid=f"gongkai-page-cache-site-objects-{signal is post_save}",
            )
