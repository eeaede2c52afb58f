"""Where publishing happens: the one check every publication of a disclosure page passes.

Whatever path puts content live — the workflow's finish action, publish_scheduled, the admin API,
bulk actions, wagtail-localize, copies, aliases — ends in saving the page row with `live` set
(or in scheduling a revision). A `pre_save` receiver (signals.py) checks that save:

- a disclosure page that goes live, or whose live revision changes, may only take a revision
  that every step of a finished, approved review run on that page approved (runs.py);
- a live disclosure page's public content is not rewritten without a publication (wagtail-
  localize, for example, saves an updated translation straight into its live row);
- an alias of a disclosure page is created only while its original is live: an alias of a draft
  would go live with it, in a place no reviewer was shown (translation aliases excepted: they
  mirror the original in another locale's tree);
- an alias inside a disclosure tree is live only while its original is a live disclosure page
  (whose live content passed this check), and a live alias does not become a page of its own,
  but for a translation alias keeping the content its original published (its translation then
  goes live through review like any revision);
- scheduling a revision (定时发布) is publishing: the same rule applies to it;
- a revision a review step was given, or a page's live revision, is never rewritten in place
  (Wagtail's autosave overwrites the revision its tab saved last: a reviewer's correction, once
  signed, or the live text, would otherwise change under the signatures).

The sanctioned exceptions run inside `sanctioned_publication(...)`: 强制发布 by an administrator
(force_publish.py), the importer of already-published records and the demo loader. Each of them
logs what it publishes. A revision an administrator force-published stays publishable (so its
定时发布 goes ahead) because its log entry names it. A live page saved without any revision (only
code does that: fixtures, data migrations) is not checked.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry, Revision, TaskState

from disclosure.catalogue.roots import in_disclosure_tree

from ..revisions.content import STATE_FIELDS, public_content
from ..revisions.runs import approved_by_a_finished_run

REFUSAL = _(
    "政府信息只能发布经初审、保密审查和终审全部通过的版本；本次操作要发布或写入的内容未经完整审核，已拒绝。"
)
ALIAS_OF_UNPUBLISHED = _(
    "只能为已发布的政府信息创建别名：该页面尚未发布（或已撤下），别名会在它审核发布时一并上线，"
    "出现在审核人没有看到的位置。请待它审核发布后再创建别名，或复制为草稿后提交审核。"
)

# Logged by 强制发布 (force_publish.py), naming the revision it published: the one sanctioned
# publication the revision invariant reads back from the log (stored on log entries).
FORCE_PUBLISH_ACTION = "moderation.force_publish"
# Log entries of sanctioned publications that name the revision they published.
SANCTIONED_LOG_ACTIONS = (FORCE_PUBLISH_ACTION,)

_sanction = ContextVar("sanctioned_publication", default=None)


class UnreviewedPublication(PermissionDenied):
    """Raised where a disclosure page would publish content no finished review approved."""

    def __init__(self, message=REFUSAL):
        super().__init__(str(message))


@contextmanager
def sanctioned_publication(why):
    """Allow publishing outside review for the duration: only for 强制发布, the importer of
    already-published records and the demo loader, each of which logs what it publishes."""
    token = _sanction.set(why)
    try:
        yield
    finally:
        _sanction.reset(token)


def publication_is_sanctioned():
    return _sanction.get() is not None


def revision_may_go_live(revision):
    return (
        publication_is_sanctioned()
        or approved_by_a_finished_run(revision)
        or PageLogEntry.objects.filter(
            revision=revision, action__in=SANCTIONED_LOG_ACTIONS
        ).exists()
    )


def own_reviewed_revision(page):
    revision = page.live_revision
    return revision.object_id == str(page.pk) and revision_may_go_live(revision)


def is_translation_alias(page, original):
    """An alias wagtail-localize makes (copy_for_translation, tree synchronisation): the same
    page in another locale's tree, sharing the original's translation key."""
    return original.translation_key == page.translation_key and original.locale_id != page.locale_id


def check_alias_creation(page):
    """Refuse making `page` an alias of a disclosure page that is not live."""
    if page.alias_of_id is None or publication_is_sanctioned():
        return
    if page.pk and Page.objects.filter(pk=page.pk, alias_of_id=page.alias_of_id).exists():
        return  # already an alias of this original: an update, not a creation
    original = Page.objects.filter(pk=page.alias_of_id).first()
    if original is None or original.live or not in_disclosure_tree(original):
        return
    if not is_translation_alias(page, original):
        raise UnreviewedPublication(ALIAS_OF_UNPUBLISHED)


def keeps_what_its_original_published(page, original_id, update_fields):
    """A live translation alias becoming a page of its own with nothing but `alias_of`
    written: its row holds what its original published (Wagtail copies each publication into
    the original's aliases) and goes on showing it until a reviewed revision of its own is
    published. It is how a column whose item was translated first (which made the column an
    alias) gets a translation of its own (gongkai/languages/patches/live_translation_drafts.py).
    An alias in its original's own locale stays refused."""
    if update_fields is None or not set(update_fields) <= {"alias_of", "alias_of_id"}:
        return False
    original = Page.objects.filter(pk=original_id).first()
    return (
        original is not None
        and original.live
        and in_disclosure_tree(original)
        and is_translation_alias(page, original)
    )


def check_page_save(page, update_fields=None):
    """Refuse a save that would put unreviewed content live on a disclosure page."""
    if not page.live or publication_is_sanctioned():
        return
    if update_fields is not None and set(update_fields) <= STATE_FIELDS - {"live", "live_revision"}:
        return
    if not in_disclosure_tree(page):
        return
    if page.alias_of_id is not None:
        # An alias shows its original's live content: fine when that content passed this check,
        # i.e. the original is a live disclosure page.
        original = Page.objects.filter(pk=page.alias_of_id).first()
        if original is None or not original.live or not in_disclosure_tree(original):
            raise UnreviewedPublication()
        return
    stored = (
        Page.objects.filter(pk=page.pk).values("live", "live_revision_id", "alias_of_id").first()
        if page.pk
        else None
    )
    if stored is None:
        # A new page saved live with a revision is a copy kept live: no run can have approved
        # it. Only code creates a live page without any revision (fixtures, data migrations).
        if page.live_revision_id is not None:
            raise UnreviewedPublication()
        return
    if stored["alias_of_id"] is not None:
        if keeps_what_its_original_published(page, stored["alias_of_id"], update_fields):
            return
        # A live alias becoming a page of its own would publish under its own name, unreviewed.
        raise UnreviewedPublication()
    goes_live = not stored["live"] or stored["live_revision_id"] != page.live_revision_id
    if goes_live:
        if page.live_revision_id is None or not own_reviewed_revision(page):
            raise UnreviewedPublication()
        return
    if update_fields is not None and set(update_fields) <= STATE_FIELDS:
        return
    current = type(page).objects.get(pk=page.pk)
    if public_content(current) != public_content(page):
        raise UnreviewedPublication()


def check_scheduling(revision, update_fields=None):
    """定时发布 is publishing: only a revision that may go live is scheduled."""
    if revision.approved_go_live_at is None:
        return
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    if revision.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    page = Page.objects.filter(pk=revision.object_id).first()
    if page is not None and in_disclosure_tree(page) and not revision_may_go_live(revision):
        raise UnreviewedPublication()


def check_revision_rewrite(revision, update_fields=None):
    """A revision reviewers signed or the public reads keeps its text: a change is a new
    revision, which needs a review of its own."""
    if revision.pk is None or publication_is_sanctioned():
        return
    if update_fields is not None and "content" not in update_fields:
        return
    stored = Revision.objects.filter(pk=revision.pk).values_list("content", flat=True).first()
    if stored is None or stored == revision.content:
        return
    if (
        TaskState.objects.filter(revision_id=revision.pk).exists()
        or Page.objects.filter(live_revision_id=revision.pk).exists()
    ):
        raise UnreviewedPublication()


def check_publication(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        check_alias_creation(instance)
        check_page_save(instance, update_fields)
    elif isinstance(instance, Revision):
        check_revision_rewrite(instance, update_fields)
        check_scheduling(instance, update_fields)
