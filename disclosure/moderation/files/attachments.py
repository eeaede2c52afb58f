"""Attachments reach the public only through a published page.

An attachment added to a draft is uploaded before review; until a live page refers to it, the
document view answers 404 to everyone outside the admin, and the public API (/api/v2/documents/)
does not list it. (nginx serves /media/documents/ only internally, so the view is the one way
to the file; see deploy/nginx/gongkai.conf.)

Wagtail's reference index is extracted from a page's database row. For a live page that row is
the live content — the editor saves a live page's changes only as revisions — so a document
added in an unpublished next version is not referenced until that version is published. Pages
behind a view restriction (login, password, groups) do not make their attachments public.
"""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, WorkflowState

from disclosure.catalogue.staff_roles import sees_every_organisation
from gongkai.content_references import page_ids_referring_to, references_from_pages, refers_to

from ..organisations.organisation_collections import own_collections


def _referenced_by(pages, model):
    """Keys of the `model` objects (documents or images) that the rows of `pages` refer to."""
    return references_from_pages(pages, [model]).values("to_object_id")


def _with_keys(model, keys):
    return model.objects.annotate(key=Cast("pk", CharField())).filter(key__in=keys)


def public_attachments(model):
    """The documents or images (`model`) that a public page's live content refers to (live,
    unrestricted, every ancestor live: `public()`, catalogue/visibility.py): what the public
    may download."""
    return _with_keys(model, _referenced_by(Page.objects.live().public(), model))


def is_public_attachment(model, pk):
    """Whether a public page's live content refers to the document or image `pk` of `model`:
    public_attachments' rule for one file, read from the reference index's rows to it (a few
    pages) rather than from every public page."""
    pages = page_ids_referring_to(model(pk=pk))
    return bool(pages) and Page.objects.live().public().filter(pk__in=pages).exists()


def public_documents():
    return public_attachments(get_document_model())


def used_by_live_pages(model):
    """The documents or images (`model`) that a live page's live content uses, behind a view
    restriction or not: these are content, changed only through a reviewed page revision."""
    return _with_keys(model, _referenced_by(Page.objects.live(), model))


def _signed_revisions():
    """The revisions whose text reviewers are signing or have signed without it being live yet:
    of each running review, the one its current step reviews and the page's latest (sent back
    too: a resubmission resumes at the step that sent it back); and every approved revision
    waiting for its publication time (定时发布), which goes live as the reviewers saw it."""
    states = WorkflowState.objects.active().select_related("current_task_state__revision")
    for state in states:
        if state.current_task_state and state.current_task_state.revision:
            yield state.current_task_state.revision
        latest = Revision.objects.filter(
            base_content_type_id=state.base_content_type_id, object_id=state.object_id
        ).order_by("-created_at", "-id")
        yield from latest[:1]
    yield from Revision.objects.filter(approved_go_live_at__isnull=False)


def _under_review(attachment):
    """Whether a revision reviewers are signing, or signed for a later publication, refers to
    `attachment`. The reference index only knows page rows, so those revisions are scanned
    here; there are few pages under review or scheduled at a time."""
    seen = set()
    for revision in _signed_revisions():
        if revision.pk in seen:
            continue
        seen.add(revision.pk)
        if refers_to(revision.as_object(), attachment):
            return True
    return False


def is_used_by_live_page(attachment):
    if attachment.pk is None:
        return False
    return used_by_live_pages(type(attachment)).filter(pk=attachment.pk).exists()


def is_content(attachment):
    """A file that is part of what the public sees or of what reviewers are signing: a live page
    uses it, or a page under review or approved for a later publication links it."""
    return is_used_by_live_page(attachment) or (
        attachment.pk is not None and _under_review(attachment)
    )


def visible_attachments(model, user):
    """The documents or images (`model`) `user` may see, choose and download: every one for
    whoever sees every organisation (a site administrator); other staff their own
    organisation's (its collections, and any collection their groups hold a permission on)
    and, like the public, those a live public page uses. Another organisation's unpublished
    files stay behind its wall."""
    if sees_every_organisation(user):
        return model.objects.all()
    public = public_attachments(model).values("pk")
    if not (user.is_authenticated and user.is_active):
        return model.objects.filter(pk__in=public)
    return model.objects.filter(Q(collection__in=own_collections(model, user)) | Q(pk__in=public))


def may_download(document, user):
    return visible_attachments(type(document), user).filter(pk=document.pk).exists()
