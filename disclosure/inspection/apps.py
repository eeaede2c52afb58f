from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "disclosure.inspection"
    label = "inspection"
    verbose_name = "网站检查"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete
        from wagtail.documents import get_document_model
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import changes

        page_published.connect(changes.page_changed, dispatch_uid="inspection-changed-published")
        page_unpublished.connect(
            changes.page_changed, dispatch_uid="inspection-changed-unpublished"
        )
        pre_delete.connect(
            changes.page_changed, sender=Page, dispatch_uid="inspection-changed-deleted"
        )
        post_page_move.connect(changes.page_moved, dispatch_uid="inspection-changed-moved")
        for signal in (post_save, post_delete):
            signal.connect(
                changes.document_changed,
                sender=get_document_model(),
                dispatch_uid=f"inspection-changed-document-{signal is post_save}",
            )
            signal.connect(
                changes.model_saved_or_deleted,
                dispatch_uid=f"inspection-changed-data-{signal is post_save}",
            )
            signal.connect(
                changes.restriction_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"inspection-changed-restriction-{signal is post_save}",
            )
            signal.connect(
                changes.site_changed,
                sender=Site,
                dispatch_uid=f"inspection-changed-site-{signal is post_save}",
            )
