"""StreamField blocks for the bodies of disclosure items."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(label=_("显示名称"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("附件")
        template = "catalogue/blocks/attachment.html"


class DocumentBodyBlock(blocks.StreamBlock):
    """Free text with tables and attachments: the body of most items."""

    heading = blocks.CharBlock(label=_("小标题"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("正文"))
    table = TableBlock(label=_("表格"))
    attachment = AttachmentBlock()

    class Meta:
        label = _("正文")


class LeaderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("姓名"))
    post = blocks.CharBlock(label=_("职务"))
    duties = blocks.TextBlock(label=_("分工"), required=False)

    class Meta:
        icon = "user"
        label = _("领导")


class InternalBodyBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("机构名称"))
    duties = blocks.TextBlock(label=_("主要职责"), required=False)
    phone = blocks.CharBlock(label=_("电话"), required=False)

    class Meta:
        icon = "group"
        label = _("内设机构")


class MaterialForm(models.TextChoices):
    ORIGINAL = "原件", _("原件")
    COPY = "复印件", _("复印件")
    ORIGINAL_AND_COPY = "原件及复印件", _("原件及复印件")


class MaterialBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("材料名称"))
    copies = blocks.IntegerBlock(label=_("份数"), min_value=1, default=1)
    form = blocks.ChoiceBlock(
        label=_("材料形式"),
        choices=MaterialForm.choices,
        default=MaterialForm.ORIGINAL,
    )
    notes = blocks.CharBlock(label=_("备注"), required=False)

    class Meta:
        icon = "doc-empty"
        label = _("申请材料")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("环节"))
    description = blocks.TextBlock(label=_("说明"), required=False)

    class Meta:
        icon = "arrow-right"
        label = _("办理步骤")


class ServiceItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("事项名称"))
    department = blocks.CharBlock(label=_("办理部门"))
    basis = blocks.TextBlock(label=_("办理依据"), required=False)
    time_limit = blocks.CharBlock(label=_("办理时限"), required=False)
    charged = blocks.BooleanBlock(label=_("是否收费"), required=False)
    location = blocks.CharBlock(label=_("办理地点"), required=False)
    guide = blocks.PageChooserBlock(
        label=_("办事指南"), page_type="catalogue.ServiceGuidePage", required=False
    )

    class Meta:
        icon = "list-ol"
        label = _("服务事项")
