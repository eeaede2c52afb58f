"""Art. 26: information within the scope of proactive disclosure is published within 20 working
days of being formed or changed (自该政府信息形成或者变更之日起20个工作日内). The dashboard
lists the organisation's items whose deadline is near or past:

- an item never published counts from its 成文日期, or, without one, from the day it was
  created here (its first revision);
- a published item with unpublished changes counts from the first change made after its last
  publication: the first revision saved since whose content the public would read differently
  (a revision that only repeats the live text — an unchanged save, an autosave — changes
  nothing and starts no clock).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import CharField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, WorkflowState, get_default_page_content_type

from disclosure.catalogue.models import item_page_models
from disclosure.catalogue.publication_state import ever_published_q, was_ever_published
from disclosure.workdays.calendar import add_working_days, working_days_between

from ..organisations.walls import within_organisation
from ..revisions.content import public_text
from .status import moderation_status

ART26_WORKING_DAYS = 20
WRITTEN, CREATED, CHANGED = _("成文"), _("创建"), _("变更")

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
    counted_from: date
    basis: str  # 成文, 创建 or 变更
    due_on: date
    overdue: bool
    working_days_left: int

    @property
    def state(self):
        return moderation_status(self.page)


def art26_due_on(counted_from):
    return add_working_days(counted_from, ART26_WORKING_DAYS)


def _first_revision(after=None):
    """The time of a page's first revision (since `after`), as a subquery. Revisions name their
    object by text: the cast keeps the comparison valid on PostgreSQL."""
    revisions = Revision.objects.filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    if after is not None:
        revisions = revisions.filter(created_at__gt=OuterRef(after))
    return Subquery(revisions.order_by("created_at").values("created_at")[:1])


# How long an answer of _first_content_change is kept: it never goes stale (its key names every
# revision it read), so only the cache's room bounds it.
FIRST_CHANGE_SECONDS = 30 * 24 * 3600


def _first_change_key(page):
    """What _first_content_change reads, named: the live revision, the latest one and the time
    of the first revision since the last publication. Revisions are never rewritten and ids
    never reused, so an answer under this key holds as long as the key does."""
    return "art26-first-change:" + ":".join(
        str(part)
        for part in (
            page.pk,
            page.live_revision_id,
            page.latest_revision_id,
            page.first_change_at.isoformat(),
        )
    )


def _first_content_changes(pages):
    """{page pk: when the first revision since the last publication that changes the public
    content was saved, or None}, for the pages with revisions since their last publication.
    Each answer is read once per latest revision and kept in the cache: a dashboard load does
    not deserialise every item's revisions again."""
    keys = {page.pk: _first_change_key(page) for page in pages if page.first_change_at}
    known = cache.get_many(keys.values())
    answers = {}
    for page in pages:
        key = keys.get(page.pk)
        if key is None:
            continue
        if key in known:
            answers[page.pk] = known[key]
        else:
            answers[page.pk] = known[key] = _read_first_content_change(page)
            cache.set(key, answers[page.pk], FIRST_CHANGE_SECONDS)
    return answers


def _read_first_content_change(page):
    live = public_text(page)
    revisions = Revision.page_revisions.filter(
        object_id=str(page.pk), created_at__gte=page.first_change_at
    ).order_by("created_at", "pk")
    for revision in revisions.iterator():
        if public_text(revision.as_object()) != live:
            return revision.created_at
    return None


def _counted_from(page, first_changes):
    if not was_ever_published(page):
        if page.written_on:
            return page.written_on, WRITTEN
        created = page.first_revision_at
        return (timezone.localdate(created), CREATED) if created else (None, None)
    changed = first_changes.get(page.pk)
    return (timezone.localdate(changed), CHANGED) if changed else (None, None)


def unpublished_items_near_deadline(user, today=None):
    """The items of the user's organisation not yet (or not in their changed form) published
    and due within GONGKAI_MODERATION_ART26_WARN_DAYS working days, or overdue; the most urgent
    first."""
    today = today or timezone.localdate()
    warn_days = settings.GONGKAI_MODERATION_ART26_WARN_DAYS
    waiting = ~ever_published_q() | Q(live=True, has_unpublished_changes=True)
    items = []
    for model in item_page_models():
        pages = (
            model.objects.filter(within_organisation(user))
            .filter(waiting)
            .annotate(
                first_revision_at=_first_revision(),
                first_change_at=_first_revision(after="last_published_at"),
            )
            .prefetch_related(CURRENT_WORKFLOW_STATES)
            .annotate_approved_schedule()
        )
        pages = list(pages)
        first_changes = _first_content_changes([p for p in pages if was_ever_published(p)])
        for page in pages:
            counted_from, basis = _counted_from(page, first_changes)
            if counted_from is None:
                continue
            due_on = art26_due_on(counted_from)
            left = working_days_between(today, due_on)
            if due_on < today or left <= warn_days:
                items.append(DeadlineItem(page, counted_from, basis, due_on, due_on < today, left))
    return sorted(items, key=lambda item: item.due_on)
