"""An administrator's publication outside the workflow: only with a written reason, logged."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..models import administers_page
from .publication import FORCE_PUBLISH_ACTION, sanctioned_publication

MIN_REASON_LENGTH = 10


class ForcePublishForm(forms.Form):
    reason = forms.CharField(
        label=_("强制发布理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": _("强制发布必须填写理由。"),
            "min_length": _("理由至少 %(limit_value)d 个字，请写明为何不经审核发布。"),
        },
    )


def may_force_publish(page, user):
    return administers_page(user, page)


@transaction.atomic
def force_publish(page, user, reason):
    """Publish the latest revision of `page` as `user`, recording the reason; a review in
    progress is cancelled with the same reason so its history says why it ended."""
    if not may_force_publish(page, user):
        raise PermissionDenied(_("只有管理员可以强制发布。"))
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise PermissionDenied(_("强制发布必须填写理由。"))
    revision = page.get_latest_revision() or page.save_revision(user=user)
    log(
        instance=page,
        action=FORCE_PUBLISH_ACTION,
        user=user,
        data={"reason": reason, "revision_id": revision.pk},
        revision=revision,
    )
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    with sanctioned_publication(FORCE_PUBLISH_ACTION):
        revision.publish(user=user, skip_permission_checks=True)
    return revision
