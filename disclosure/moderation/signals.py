from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from .files.attachment_lock import refuse_change, refuse_save
from .mail import notifications
from .organisations.membership import refuse_joining, refuse_leaving, refuse_organisation_change
from .organisations.organisation_collections import rename_organisation_collection
from .organisations.placement import set_up_disclosure_root
from .organisations.walls import record_organisation_from_groups
from .publishing.view_restrictions import on_delete, on_groups_added, on_save
from .review.who_may_cancel import record_cancellation


def set_up_new_disclosure_root(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_disclosure_root(instance)


def rename_the_organisations_collection(sender, instance, created, raw=False, **kwargs):
    # The collection is named after the organisation so staff recognise it in choosers (its
    # groups follow the name too: the catalogue's organisation_groups.rename_groups_of_renamed).
    if not created and not raw:
        rename_organisation_collection(instance)


def tell_the_step(sender, instance, user=None, **kwargs):
    notifications.step_started(instance)


def tell_the_author_of_the_approval(sender, instance, user=None, **kwargs):
    notifications.step_approved(instance, user)


def tell_the_author_it_was_sent_back(sender, instance, user=None, **kwargs):
    notifications.sent_back(instance, user)


def record_a_cancellation_by_another(sender, instance, user=None, **kwargs):
    record_cancellation(instance, user)


def tell_the_author_it_passed(sender, instance, user=None, **kwargs):
    notifications.published(instance)


def record_organisation_on_joining_its_groups(
    sender, instance, action, reverse, pk_set, model, raw=False, **kwargs
):
    """Whatever joins a user to an organisation's role groups (the user admin, the demo, a
    script) is refused when they are another organisation's than the user's, and records the
    organisation of a user that had none, so no staff user is left site-wide by accident."""
    if not pk_set:
        return
    if action == "pre_add":
        joining = {pk: {instance.pk} for pk in pk_set} if reverse else {instance.pk: pk_set}
        for user_id, group_ids in joining.items():
            refuse_joining(user_id, group_ids)
    elif action == "post_add":
        users = model.objects.filter(pk__in=pk_set) if reverse else [instance]
        record_organisation_from_groups(users)


def refuse_an_organisation_other_than_the_role_groups(sender, instance, raw=False, **kwargs):
    if not raw:
        refuse_organisation_change(instance)


def refuse_leaving_an_organisation_while_in_its_role_groups(
    sender, instance, origin=None, **kwargs
):
    refuse_leaving(instance, origin)


def refuse_attachment_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw:
        refuse_save(instance, update_fields)


def refuse_attachment_delete(sender, instance, **kwargs):
    refuse_change(instance)


def refuse_retagging_used_attachments(sender, instance, action, **kwargs):
    # Tags are a generic relation (taggit), so the sender is the tag model, not the attachment.
    attachment_models = (get_document_model(), get_image_model())
    if action.startswith("pre_") and isinstance(instance, attachment_models):
        refuse_change(instance)


def judge_a_changed_view_restriction(sender, instance, raw=False, **kwargs):
    on_save(instance, raw=raw)


def judge_a_lifted_view_restriction(sender, instance, origin=None, **kwargs):
    on_delete(instance, origin=origin)


def judge_groups_admitted_by_a_view_restriction(sender, instance, action, pk_set, **kwargs):
    if action != "pre_add":
        return
    if isinstance(instance, PageViewRestriction):
        on_groups_added(instance, pk_set)
        return
    # From the group's side (group.pageviewrestriction_set.add): each restriction admits it.
    for restriction in PageViewRestriction.objects.filter(pk__in=pk_set or ()):
        on_groups_added(restriction, {instance.pk})
