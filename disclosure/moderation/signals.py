from django.db.models.signals import post_save
from django.dispatch import receiver

from disclosure.catalogue.models import DisclosureIndexPage

from .placement import set_up_disclosure_root


@receiver(post_save, sender=DisclosureIndexPage)
def set_up_new_disclosure_root(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_disclosure_root(instance)
