"""Form bases of Wagtail's document and image forms (settings WAGTAILDOCS_DOCUMENT_FORM_BASE,
WAGTAILIMAGES_IMAGE_FORM_BASE): every admin form that edits an existing file (edit, focal point,
multiple-upload update, replacing a file from an upload) refuses one that a live page uses, and
every upload goes into a collection the uploader may add to.

The check runs in clean(), before Wagtail's document form deletes the old file from storage;
the models refuse the save too (attachment_lock.py), this only puts the message on the form.
"""

from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm

from disclosure.catalogue.attachments import AttachmentForm

from .attachment_lock import IN_USE_MESSAGE, may_change


class _UploadsIntoTheOnlyCollection:
    """Wagtail hides the collection field when the user may add to one collection only, and
    the model's default is then the root collection, where an organisation's staff hold
    nothing: a new file goes into the one collection the user may add to instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and "collection" not in self.fields:
            self.instance.collection = self.collections.first()


class _RefusesAttachmentsInUse:
    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and not may_change(self.instance):
            raise ValidationError(IN_USE_MESSAGE, code="attachment_in_use")
        return cleaned_data


class DocumentForm(_UploadsIntoTheOnlyCollection, _RefusesAttachmentsInUse, AttachmentForm):
    pass


class ImageForm(_UploadsIntoTheOnlyCollection, _RefusesAttachmentsInUse, BaseImageForm):
    pass
