"""Form bases of Wagtail's document and image forms (settings WAGTAILDOCS_DOCUMENT_FORM_BASE,
WAGTAILIMAGES_IMAGE_FORM_BASE): every admin form that edits an existing file (edit, focal point,
multiple-upload update, replacing a file from an upload) refuses one that a live page uses.

The check runs in clean(), before Wagtail's document form deletes the old file from storage;
the models refuse the save too (attachment_lock.py), this only puts the message on the form.
"""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .attachment_lock import IN_USE_MESSAGE, may_change


class _RefusesAttachmentsInUse:
    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None and not may_change(self.instance):
            raise ValidationError(IN_USE_MESSAGE, code="attachment_in_use")
        return cleaned_data


class DocumentForm(_RefusesAttachmentsInUse, BaseDocumentForm):
    pass


class ImageForm(_RefusesAttachmentsInUse, BaseImageForm):
    pass
