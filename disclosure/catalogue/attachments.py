"""Attachments (Wagtail documents): only the types offices publish, up to a size limit, each
file's content of the format its extension names (file_contents.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .file_contents import check_content, extension_of


def allowed_extensions():
    return [ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS]


def validate_attachment(uploaded):
    extension = extension_of(uploaded.name)
    if extension not in allowed_extensions():
        raise ValidationError(
            _("不支持“%(ext)s”类型的附件。允许的类型：%(allowed)s。"),
            code="attachment_type",
            params={"ext": extension or _("无扩展名"), "allowed": "、".join(allowed_extensions())},
        )
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if limit and uploaded.size > limit:
        raise ValidationError(
            _("附件大小 %(size)s 超过上限 %(limit)s。"),
            code="attachment_size",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    check_content(uploaded)


class AttachmentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a new upload needs checking; editing a document's title keeps its file.
        if uploaded and hasattr(uploaded, "content_type"):
            validate_attachment(uploaded)
        return uploaded

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension again, on the instance's old file when
        # clean_file refused the new one: its message would name an empty extension after ours.
        refused = self.errors.get("file")
        own_messages = refused.copy() if refused else None
        super()._post_clean()
        if own_messages:
            self.errors["file"] = own_messages
