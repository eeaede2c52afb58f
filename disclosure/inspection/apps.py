from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "disclosure.inspection"
    label = "inspection"
    verbose_name = "网站检查"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .snapshots import refresh_after_publication

        for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
            signal.connect(refresh_after_publication, dispatch_uid=f"inspection-refresh-{name}")
