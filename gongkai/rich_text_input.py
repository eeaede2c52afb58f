"""The rich-text editor's widget, installed for every rich-text field and block through
WAGTAILADMIN_RICH_TEXT_EDITORS (Wagtail's extension point for the editor widget).

Draftail posts its content as contentstate JSON, which Wagtail's widget converts to HTML while
the form reads the request; JSON that Draftail never sends (written by hand, cut short) raised
there, before any field was validated, and the editor's view answered 500. Here such input
becomes a value that fails the field's validation with a message, on a RichTextField as in a
StreamField's RichTextBlock, and nothing is saved.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea

UNREADABLE_MESSAGE = _(
    "正文内容无法读取（编辑器提交的数据格式不正确），未保存。请重新打开页面后再编辑。"
)

# What the contentstate exporter raises on JSON that is not contentstate: JSONDecodeError is a
# ValueError; a list, a number or blocks without their keys give the others; JSON nested past
# Python's recursion limit, or list items thousands of levels deep, a RecursionError (raised
# from deep inside the decoder or the exporter, and caught here once the stack has unwound).
CONVERSION_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError)


class UnreadableRichText:
    """Posted rich text that could not be converted. Every form field of a rich-text field or
    block is a CharField, whose first step is str(value): that step refuses it, so the error
    lands on the field (or the block) like any other validation error."""

    def __str__(self):
        raise ValidationError(UNREADABLE_MESSAGE, code="unreadable_rich_text")


class RichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except CONVERSION_ERRORS:
            return UnreadableRichText()

    def format_value(self, value):
        # The form shown again with the error opens the editor empty: what was posted cannot be
        # shown in it.
        if isinstance(value, UnreadableRichText):
            value = ""
        return super().format_value(value)
