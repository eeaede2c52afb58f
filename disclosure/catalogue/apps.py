from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "disclosure.catalogue"
    label = "catalogue"
    verbose_name = "政府信息公开目录"

    def ready(self):
        from wagtail.signals import page_published

        from .index_numbers import on_page_published

        page_published.connect(on_page_published, dispatch_uid="catalogue_index_numbers")
