"""An editor's own drafts that nobody else has seen: the ones she may throw away herself.

Wagtail 8 autosaves the create form as soon as it differs from its starting state (a POST that
asks for JSON): an editor who types a title and leaves the page has made a draft without meaning
to. That draft keeps its slug (title_slugs.py gives the next attempt `-2`) and shows on her
dashboard as a twin of the real item (issue 17). Both places offer to delete such a draft, but
only a draft that is

- never published (no address anyone has linked to, nothing to withdraw),
- hers (its owner: whoever's form made it),
- not in review and not sent back (a reviewer's work and the review record hang on it),

and only when Wagtail's own page permissions let her delete it.
"""

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models import Value as V
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Page, Revision, WorkflowState, get_default_page_content_type

from .publication_state import ever_published_q


def in_review_or_sent_back(pages):
    """Whether any page of the queryset `pages` has a review running or sent back."""
    ids = pages.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type(), object_id__in=ids)
        .exists()
    )


# The annotations `own_unreviewed_draft_rows` sets on each page of a listing: the answer, and
# whose question it answers.
OWN_DRAFT_ANNOTATION = "read_own_unreviewed_draft"
OWN_DRAFT_USER_ANNOTATION = "read_own_unreviewed_draft_user_id"


def is_own_unreviewed_draft(page, user):
    """`page` and every page under it (deleting it deletes them): never published, owned by
    `user`, not in review (see the module's text). The rule moderation's deletion.py enforces
    on every path that deletes a disclosure page. A page of a listing annotated for `user` by
    `own_unreviewed_draft_rows` answers from its annotation."""
    if getattr(page, OWN_DRAFT_USER_ANNOTATION, None) == user.pk:
        return getattr(page, OWN_DRAFT_ANNOTATION)
    pages = page.get_descendants(inclusive=True)
    return not (
        pages.exclude(owner_id=user.pk).exists()
        or pages.filter(ever_published_q()).exists()
        or in_review_or_sent_back(pages)
    )


def own_unreviewed_draft_rows(user):
    """For a queryset of pages (`.annotate(**own_unreviewed_draft_rows(user))`):
    is_own_unreviewed_draft(page, user) of each, read with the rows (a listing asks it of every
    row): the same three questions about the page's subtree, as subqueries."""
    subtree = Page.objects.filter(path__startswith=OuterRef("path"))
    subtree_ids = (
        Page.objects.filter(path__startswith=OuterRef(OuterRef("path")))
        .annotate(id_text=Cast("pk", output_field=CharField()))
        .values("id_text")
    )
    runs = WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(), object_id__in=subtree_ids
    )
    own_unreviewed = (
        ~Exists(subtree.exclude(owner_id=user.pk))
        & ~Exists(subtree.filter(ever_published_q()))
        & ~Exists(runs)
    )
    # A page without children is its whole subtree: its own columns and its own review answer,
    # on their indexes. The subtree's subqueries match paths by a pattern made from each row,
    # which no index serves: a scan of the page table per row (10 s for the 10th page of a
    # column of 10,000 items in a site of 100,000).
    own_runs = WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    own_unreviewed_leaf = Q(owner_id=user.pk) & ~ever_published_q() & ~Exists(own_runs)
    return {
        OWN_DRAFT_ANNOTATION: leaf_or_subtree(own_unreviewed_leaf, own_unreviewed),
        OWN_DRAFT_USER_ANNOTATION: V(user.pk),
    }


def leaf_or_subtree(leaf, subtree):
    """A row's answer: `leaf` (its own columns) when it has no children, else `subtree` (its
    subqueries), which the database then never runs for a leaf."""
    return Case(
        When(numchild=0, then=ExpressionWrapper(leaf, output_field=BooleanField())),
        default=ExpressionWrapper(subtree, output_field=BooleanField()),
        output_field=BooleanField(),
    )


def may_delete_own_draft(page, user):
    """Offer the delete link: her own draft, and Wagtail's permissions (which ask the same rule
    through moderation's deletion.py) let her delete it."""
    return is_own_unreviewed_draft(page, user) and page.permissions_for_user(user).can_delete()


def delete_url(page, back_to):
    """Wagtail's delete confirmation of `page`, returning to `back_to` afterwards."""
    return f"{reverse('wagtailadmin_pages:delete', args=(page.pk,))}?{urlencode({'next': back_to})}"


def first_revision_created_at():
    """For a queryset of pages: when each page's first revision was saved, i.e. when the page was
    made (Page has no creation time; a draft has a revision from its first save)."""
    revisions = Revision.objects.filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("created_at")
    return Subquery(revisions.values("created_at")[:1])


def created_at(page):
    """When `page` was made: its first revision's time (None for a page never saved as one)."""
    first = (
        Revision.objects.filter(
            base_content_type=get_default_page_content_type(), object_id=str(page.pk)
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return first
