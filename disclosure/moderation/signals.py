from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import task_approved, task_submitted, workflow_approved, workflow_rejected

from disclosure.catalogue.models import DisclosureIndexPage

from . import notifications
from .placement import set_up_disclosure_root
from .publication import check_publication


@receiver(post_save, sender=DisclosureIndexPage)
def set_up_new_disclosure_root(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_disclosure_root(instance)


@receiver(task_submitted)
def tell_the_step(sender, instance, user=None, **kwargs):
    notifications.step_started(instance)


@receiver(task_approved)
def tell_the_author_of_the_approval(sender, instance, user=None, **kwargs):
    notifications.step_approved(instance, user)


@receiver(workflow_rejected)
def tell_the_author_it_was_sent_back(sender, instance, user=None, **kwargs):
    notifications.sent_back(instance, user)


@receiver(workflow_approved)
def tell_the_author_it_passed(sender, instance, user=None, **kwargs):
    notifications.published(instance)


# Every model's saves: the check itself returns at once for anything but pages and revisions.
pre_save.connect(check_publication, dispatch_uid="moderation.check_publication")
