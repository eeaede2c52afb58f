"""主题分类: the grassroots disclosure domains, data that administrators edit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .organisations import english_name


class Domain(models.Model):
    name = models.CharField(_("名称"), max_length=50, unique=True)
    name_en = models.CharField(
        _("英文名称"),
        max_length=100,
        blank=True,
        help_text=_("英文页面（/en/）上显示的主题名称，留空时显示中文名称。"),
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)
    description = models.TextField(_("说明"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("sort_order"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def local_name(self):
        """The name in the language of the page being served (English on /en/ where given)."""
        return english_name(self.name_en, self.name)
