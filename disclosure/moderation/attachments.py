"""Attachments reach the public only through a published page.

An attachment added to a draft is uploaded before review; until a live page refers to it, the
document view answers 404 to everyone outside the admin. (nginx serves /media/documents/ only
internally, so the view is the one way in; see deploy/nginx/gongkai.conf.)
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


def referenced_by_a_live_page(document):
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).exists()


def may_download(document, user):
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    return referenced_by_a_live_page(document)
