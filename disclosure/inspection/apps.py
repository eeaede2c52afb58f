from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "disclosure.inspection"
    label = "inspection"
    verbose_name = "网站检查"

    def ready(self):
        from . import changes

        changes.connect()
