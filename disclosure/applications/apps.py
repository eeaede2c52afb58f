from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "disclosure.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self):
        from django.db.models.signals import post_save

        from disclosure.catalogue.models import Organisation

        from .roles import create_handlers_of_new_organisation

        post_save.connect(
            create_handlers_of_new_organisation,
            sender=Organisation,
            dispatch_uid="applications-create-handlers-of-new-organisation",
        )
