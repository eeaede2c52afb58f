from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "站内搜索"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model
        from wagtail.signals import page_published, page_unpublished

        from disclosure.catalogue.index_numbers import index_number_written
        from disclosure.catalogue.models import Organisation
        from gongkai.tasks import django_task_ran
        from search import guide_index, signals

        page_unpublished.connect(signals.remove_unpublished_page, dispatch_uid="search-unpublished")
        post_save.connect(
            signals.extract_on_save, sender=get_document_model(), dispatch_uid="search-extract"
        )
        index_number_written.connect(
            signals.reindex_numbered_item, dispatch_uid="search-index-number"
        )
        django_task_ran.connect(signals.stamp_index_update, dispatch_uid="search-task-stamps")
        post_save.connect(
            guide_index.on_organisation_saved,
            sender=Organisation,
            dispatch_uid="search-guide-organisation",
        )
        page_published.connect(
            guide_index.on_column_changed, dispatch_uid="search-guide-column-published"
        )
        page_unpublished.connect(
            guide_index.on_column_changed, dispatch_uid="search-guide-column-unpublished"
        )
