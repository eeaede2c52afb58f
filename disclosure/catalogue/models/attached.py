"""附件 of the item types whose own fields leave no place for a file (办事指南, 机构职能,
便民服务事项清单, the annual report): a list of the same attachment block that the bodies of
预算决算, 政策文件 and 公开信息 use, shown to the public in the page's metadata area.

The files are Wagtail documents linked from a StreamField of the page, so every rule about
attachments applies unchanged: the reference index sees them, the public may download one only
while a live page's live content links it (`disclosure.moderation.files.attachments`), search
indexes their text and the sensitive-word scan reads it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from ..blocks import AttachmentBlock


class AttachedFilesMixin(models.Model):
    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        verbose_name=_("附件"),
        blank=True,
        help_text=_("申请表格、办事材料等文件，可填写显示名称；页面发布后公众才能下载。"),
    )

    class Meta:
        abstract = True
