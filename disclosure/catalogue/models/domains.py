"""主题分类: the grassroots disclosure domains, data that administrators edit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Domain(models.Model):
    name = models.CharField(_("名称"), max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)
    description = models.TextField(_("说明"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("sort_order"), FieldPanel("description")]

    class Meta:
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
