"""Wagtail's document and image bulk actions (delete, add tags, add to collection), replaced
by ones that leave out the files a live page uses for anyone below site administrator
(attachment_lock.py): those are listed as not permitted on the confirmation page, so a bulk
action never stops half-way. "Add to collection" saves each object instead of Wagtail's
QuerySet.update(), so the model guard sees the change too."""

from wagtail.documents.views.bulk_actions import add_tags as document_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_collection
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.views.bulk_actions import add_tags as image_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_collection
from wagtail.images.views.bulk_actions import delete as image_delete

from .attachment_lock import may_change


class _LeavesOutAttachmentsInUse:
    def check_perm(self, obj):
        return super().check_perm(obj) and may_change(obj, self.request.user)


class _SavesEachObject:
    @classmethod
    def execute_action(cls, objects, collection=None, **kwargs):
        if collection is None:
            return None
        for obj in objects:
            obj.collection = collection
            obj.save(update_fields=["collection"])
        return len(objects), 0


class DocumentDelete(_LeavesOutAttachmentsInUse, document_delete.DeleteBulkAction):
    pass


class DocumentAddTags(_LeavesOutAttachmentsInUse, document_tags.AddTagsBulkAction):
    pass


class DocumentAddToCollection(
    _SavesEachObject, _LeavesOutAttachmentsInUse, document_collection.AddToCollectionBulkAction
):
    pass


class ImageDelete(_LeavesOutAttachmentsInUse, image_delete.DeleteBulkAction):
    pass


class ImageAddTags(_LeavesOutAttachmentsInUse, image_tags.AddTagsBulkAction):
    pass


class ImageAddToCollection(
    _SavesEachObject, _LeavesOutAttachmentsInUse, image_collection.AddToCollectionBulkAction
):
    pass


BULK_ACTIONS = [
    DocumentDelete,
    DocumentAddTags,
    DocumentAddToCollection,
    ImageDelete,
    ImageAddTags,
    ImageAddToCollection,
]
