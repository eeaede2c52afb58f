from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "disclosure.catalogue"
    label = "catalogue"
    verbose_name = "政府信息公开目录"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published, page_unpublished, pre_page_move

        from . import guide_index
        from .index_numbers import on_page_published
        from .models import Organisation
        from .models.slugs import refuse_a_move_onto_a_route
        from .patches import alias_restrictions

        alias_restrictions.apply()
        page_published.connect(on_page_published, dispatch_uid="catalogue_index_numbers")
        post_save.connect(
            guide_index.on_organisation_saved, sender=Organisation, dispatch_uid="guide_org"
        )
        page_published.connect(guide_index.on_column_changed, dispatch_uid="guide_published")
        page_unpublished.connect(guide_index.on_column_changed, dispatch_uid="guide_unpublished")
        pre_page_move.connect(refuse_a_move_onto_a_route, dispatch_uid="catalogue_reserved_slugs")
