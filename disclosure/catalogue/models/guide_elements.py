"""The key elements of a 办事指南, which a guide must give before it goes to review or to the
public. The 2019 inspection indicators veto a whole site for one guide that lacks one (服务不
实用), and the inspection (disclosure/inspection/content_checks.py) reads them from here. A
draft may lack them: Wagtail defers required fields when a draft is saved (autosave included),
and the editor fills them in later."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..blank import is_blank
from .slugs import ReservedSlugPageForm

# (field, the element's name as the indicators give it, the parts of a StreamField's block that
# make it present: a material is its name). 申请条件 is the guide's 受理条件, 联系电话 its 咨询电话.
GUIDE_ELEMENTS = [
    ("item_name", _("事项名称"), None),
    ("legal_basis", _("设定依据"), None),
    ("conditions", _("申请条件"), None),
    ("materials", _("办理材料"), ("name",)),
    ("location", _("办理地点"), None),
    ("service_hours", _("办理时间"), None),
    ("consultation_phone", _("联系电话"), None),
    ("steps", _("办理流程"), ("title", "description")),
]

MISSING = _("提交审核和发布前须填写“%(element)s”：网站检查时，缺少要素的办事指南判为单项否决。")


def missing_guide_elements(guide):
    return [
        str(label) for name, label, keys in GUIDE_ELEMENTS if is_blank(getattr(guide, name), keys)
    ]


class ServiceGuidePageForm(ReservedSlugPageForm):
    """提交审核 and 发布 refuse a guide that lacks a key element, with the message on the field;
    saving a draft does not (Wagtail's deferred validation)."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        for name, _label, keys in GUIDE_ELEMENTS:
            skip = name not in self.fields or name in self.errors
            if not skip and is_blank(cleaned_data.get(name), keys):
                # The form's own name of the field (受理条件, not the indicators' 申请条件): the
                # editor looks for the field the message names.
                self.add_error(name, MISSING % {"element": self.fields[name].label})
        return cleaned_data


class KeyElementPanel(FieldPanel):
    """A key element's field carries the required mark, as Wagtail's own fields a draft may
    leave empty do (the title): the editor saw the mark on 事项名称 only and learnt of the others
    from the refusal of 提交审核."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_required(self):
            return self.bound_field is not None
