"""Attachments reach the public only through a published page.

An attachment added to a draft is uploaded before review; until a live page refers to it, the
document view answers 404 to everyone outside the admin. (nginx serves /media/documents/ only
internally, so the view is the one way in; see deploy/nginx/gongkai.conf.)

Wagtail's reference index is extracted from a page's database row. For a live page that row is
the live content — the editor saves a live page's changes only as revisions — so a document
added in an unpublished next version is not referenced until that version is published. Pages
behind a view restriction (login, password, groups) do not make their attachments public.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


def referenced_by_a_public_page(document):
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in page_ids]).exists()


def may_download(document, user):
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    return referenced_by_a_public_page(document)
