from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import task_approved, task_submitted, workflow_approved, workflow_rejected

from disclosure.catalogue.models import DisclosureIndexPage

from . import notifications
from .placement import set_up_disclosure_root
from .publication import check_publication
from .walls import record_organisation_from_groups


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


@receiver(m2m_changed, sender=get_user_model().groups.through)
def record_organisation_on_joining_its_groups(
    sender, instance, action, reverse, pk_set, model, raw=False, **kwargs
):
    """Whatever joins a user to an organisation's role groups (the user admin, the demo, a
    script) records the organisation, so no staff user is left site-wide by accident."""
    if action != "post_add" or not pk_set:
        return
    users = model.objects.filter(pk__in=pk_set) if reverse else [instance]
    record_organisation_from_groups(users)
