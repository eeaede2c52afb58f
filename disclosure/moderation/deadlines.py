"""Art. 26: information within the scope of proactive disclosure is published within 20 working
days of being formed (成文日期). The dashboard lists the organisation's unpublished items whose
deadline is near or past."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import WorkflowState, get_page_models

from disclosure.workdays.calendar import add_working_days, working_days_between

from .models import OrganisationRole
from .status import moderation_status

ART26_WORKING_DAYS = 20

# What PageQuerySet.prefetch_workflow_states does, but through the relation keyed on the
# specific content type: a queryset of one page type is not flagged as specific, so Wagtail's
# method would look through the base-type relation and find nothing.
CURRENT_WORKFLOW_STATES = Prefetch(
    "_specific_workflow_states",
    queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
    to_attr="_current_workflow_states",
)


@dataclass
class DeadlineItem:
    page: object
    due_on: date
    overdue: bool
    working_days_left: int

    @property
    def state(self):
        return moderation_status(self.page)


def art26_due_on(written_on):
    return add_working_days(written_on, ART26_WORKING_DAYS)


def item_page_models():
    from disclosure.catalogue.models import DisclosureItemPage

    return [model for model in get_page_models() if issubclass(model, DisclosureItemPage)]


def unpublished_items_near_deadline(user, today=None):
    """The never-published items of the user's organisations due within
    GONGKAI_MODERATION_ART26_WARN_DAYS working days, or overdue; the most urgent first."""
    from disclosure.catalogue.models import DisclosureIndexPage

    today = today or timezone.localdate()
    warn_days = settings.GONGKAI_MODERATION_ART26_WARN_DAYS
    organisations = OrganisationRole.objects.filter(group__user=user).values("organisation_id")
    roots = list(DisclosureIndexPage.objects.filter(organisation_id__in=organisations))
    if user.is_superuser:
        roots = list(DisclosureIndexPage.objects.all())
    items = []
    for model in item_page_models():
        for root in roots:
            pages = (
                model.objects.descendant_of(root)
                .filter(first_published_at__isnull=True, written_on__isnull=False)
                .prefetch_related(CURRENT_WORKFLOW_STATES)
                .annotate_approved_schedule()
            )
            for page in pages:
                due_on = art26_due_on(page.written_on)
                left = working_days_between(today, due_on)
                if due_on < today or left <= warn_days:
                    items.append(DeadlineItem(page, due_on, due_on < today, left))
    return sorted(items, key=lambda item: item.due_on)
