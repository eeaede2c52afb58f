from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "disclosure.catalogue"
    label = "catalogue"
    verbose_name = "政府信息公开目录"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published, pre_page_move

        from .index_numbers import on_page_published
        from .models import Organisation
        from .models.slugs import refuse_a_move_onto_a_route
        from .organisation_groups import rename_groups_of_renamed
        from .patches import alias_restrictions

        alias_restrictions.apply()
        page_published.connect(on_page_published, dispatch_uid="catalogue_index_numbers")
        pre_page_move.connect(refuse_a_move_onto_a_route, dispatch_uid="catalogue_reserved_slugs")
        post_save.connect(
            rename_groups_of_renamed, sender=Organisation, dispatch_uid="catalogue_group_names"
        )
