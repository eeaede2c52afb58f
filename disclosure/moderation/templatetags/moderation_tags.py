from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.widgets.button import ButtonWithDropdown
from wagtail.models import Page

from ..publishing.bulk_actions import withheld_page_bulk_actions
from ..publishing.withdrawal import pending_withdrawal_of
from ..review.sensitive import pending_attachments, scan, unreadable_attachments
from ..review.status import PUBLIC_STATES, moderation_status

register = template.Library()


@register.inclusion_tag("moderation/status_badge.html")
def moderation_badge(page):
    """The page's review state (草稿, 待初审, …, 已发布) as Wagtail's status tag."""
    label = moderation_status(page)
    return {"page": page, "label": label, "public": str(label) in PUBLIC_STATES}


@register.simple_tag
def moderation_state(page):
    """The name the badge shows (status.moderation_status), for headlines beside it."""
    return moderation_status(page)


@register.inclusion_tag("moderation/sensitive_link.html")
def sensitive_scan_link(page):
    """On an item under review: how many listed words it contains, linking to the marked text."""
    if page is None or page.current_workflow_state is None:
        return {"show": False}
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision else page
    hits = scan(candidate)
    return {
        "show": True,
        "page": page,
        "hits": hits,
        "errors": sum(h.blocks_submission for h in hits),
        # Attachments whose text the scan could not read: reviewers must open them.
        "unchecked": len(unreadable_attachments(candidate)) + len(pending_attachments(candidate)),
    }


@register.inclusion_tag("moderation/withdrawal_notice.html")
def withdrawal_notice(page, user):
    """On a page with a pending 撤稿申请: a link to the decision for whoever may decide it, the
    request's state for everyone else (the requester included)."""
    withdrawal = pending_withdrawal_of(page) if page is not None and page.pk else None
    return {
        "withdrawal": withdrawal,
        "may_decide": withdrawal is not None and withdrawal.may_decide(user),
    }


@register.inclusion_tag("moderation/held_back_notice.html")
def held_back_notice(page, user):
    """At a step whose role `user` holds but where the review rules refuse them (their own
    revision, or another step of the same run taken already): why the action menu offers no
    审核 action (RoleApprovalTask.refusal)."""
    task = page.current_workflow_task if page is not None and page.pk else None
    held_back = getattr(task.specific, "held_back", None) if task is not None else None
    return {"reason": held_back(page, user) if held_back else None}


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def offered_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons (`bulk_action_choices`) of a listing, less the page bulk
    actions its reader may not carry out there (publishing/bulk_actions.py). Used by the
    listing footer (wagtailadmin/bulk_actions/footer.html) for every model; only pages lose
    any."""
    buttons = bulk_action_choices(context, app_label, model_name)["buttons"]
    if not (app_label == Page._meta.app_label and model_name == Page._meta.model_name):
        return {"buttons": buttons}
    withheld = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action_type])
        for action_type in withheld_page_bulk_actions(
            context["request"].user, context.get("parent_page")
        )
    }
    offered = []
    for button in buttons:
        if isinstance(button, ButtonWithDropdown):  # “更多”: the fifth action onwards
            button.buttons = [item for item in button.buttons if item.url not in withheld]
            if not button.buttons:
                continue
        elif button.url in withheld:
            continue
        offered.append(button)
    return {"buttons": offered}
