from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "disclosure.catalogue"
    label = "catalogue"
    verbose_name = "政府信息公开目录"
