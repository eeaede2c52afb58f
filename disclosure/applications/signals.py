from django.db.models.signals import post_save
from django.dispatch import receiver

from disclosure.catalogue.models import Organisation

from .roles import ensure_organisation_handlers


@receiver(post_save, sender=Organisation)
def create_organisation_handlers(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_organisation_handlers(instance)
