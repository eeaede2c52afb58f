"""What an object's content refers to (pages, documents, images), read as Wagtail's reference
index reads it, without writing anything to the index.

Wagtail offers no public way to do that: `ReferenceIndex.create_or_update_for_object` writes
rows, and a page's links must be known for an unsaved revision (moderation's attachment lock),
before the index is updated (the page cache) and for the search document of a page being
indexed. This module is the one place that calls Wagtail's private methods for it:

- `ReferenceIndex._extract_references_from_object(obj)`: yields `(content_type_id, object_id as
  str, model_path, content_path)` for every foreign key, every field with `extract_references`
  (StreamField, RichTextField) and, recursively, every child relation of a ClusterableModel;
- `ReferenceIndex._get_base_content_type(model)`: the content type those tuples name a model
  by (the model holding the primary key, `Page` for every page type).

Checked against wagtail 8.0.1. `RELIES_ON` records the fingerprints of both methods' source;
gongkai/tests/test_content_references.py fails when the installed Wagtail differs, and when a
module outside this one calls a private method of ReferenceIndex.
"""

from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from gongkai.patching import Patch

RELIES_ON = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.models.reference_index.ReferenceIndex._extract_references_from_object": (
            "8a6b01b696f6afab"
        ),
        "wagtail.models.reference_index.ReferenceIndex._get_base_content_type": (
            "c9ef851a236a2c70"
        ),
    },
)


def base_content_type(model_or_object):
    """The content type the reference index names a model by (`Page` for every page type)."""
    return ReferenceIndex._get_base_content_type(model_or_object)


def references_of(obj):
    """{(content type id, object id as str)} of everything `obj`'s content refers to."""
    return {
        (content_type_id, object_id)
        for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(
            obj
        )
    }


def referenced_ids(obj, model):
    """The primary keys (ints) of the `model` objects `obj`'s content refers to (a page's links
    to other pages: `model=Page`; its documents: the document model)."""
    wanted = base_content_type(model).pk
    return {
        int(object_id)
        for content_type_id, object_id in references_of(obj)
        if content_type_id == wanted and str(object_id).isdigit()
    }


def refers_to(obj, target):
    """Whether `obj`'s content refers to the saved object `target`."""
    return (base_content_type(target).pk, str(target.pk)) in references_of(obj)


def page_published(instance, **kwargs):
    """Signal receiver: write the published page's rows of the reference index in the
    publication's transaction. Wagtail writes them in a task run after the commit; until a
    worker has run it, nothing reading the index knows what the page now shows: its
    attachments answer 404 (moderation/files/attachments.py), and withdrawing a page it links
    to leaves its cached copy (page_cache.py)."""
    if ReferenceIndex.is_indexed(type(instance)):
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)


def page_ids_referring_to(target):
    """The ids (ints) of the pages whose content refers to the saved object `target` (a
    document's or an image's pages), as the reference index holds them."""
    object_ids = ReferenceIndex.objects.filter(
        base_content_type=base_content_type(Page),
        to_content_type=base_content_type(target),
        to_object_id=str(target.pk),
    ).values_list("object_id", flat=True)
    return {int(object_id) for object_id in object_ids if str(object_id).isdigit()}


def references_from_pages(pages, models):
    """The reference index's rows from the pages of `pages` (a queryset, read as a subquery)
    to objects of `models` (Page, the document model, the image model): their `object_id`
    (the page's key) and `to_object_id` are strings, as the index stores keys."""
    page_keys = pages.annotate(key=Cast("pk", CharField())).values("key")
    return ReferenceIndex.objects.filter(
        base_content_type=base_content_type(Page),
        object_id__in=page_keys,
        to_content_type__in=[base_content_type(model) for model in models],
    )
