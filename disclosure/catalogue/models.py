"""The disclosure catalogue (政府信息公开目录): organisations and their catalogue pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """An organ that discloses information: a county government, a department, a township."""

    name = models.CharField(_("机构全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    code = models.CharField(
        _("统一社会信用代码或组织机构代码"),
        max_length=18,
        blank=True,
        help_text=_("用于生成索引号。"),
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("office_hours"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("公开主体")
        verbose_name_plural = _("公开主体")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DisclosureIndexPage(Page):
    """One organisation's 政府信息公开 root: its guide, catalogue columns and reports."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("公开主体"),
        on_delete=models.PROTECT,
        related_name="disclosure_roots",
    )
    intro = RichTextField(_("简介"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["catalogue.CategoryPage", "reports.AnnualReportIndexPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("政府信息公开（机构首页）")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = self.get_children().live().public().specific()
        return context


class CategoryPage(Page):
    """A catalogue column: 机构职能, 预算决算, 办事指南, 便民服务事项清单, 规范性文件, …"""

    intro = RichTextField(_("栏目说明"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["catalogue.DisclosureIndexPage", "catalogue.CategoryPage"]
    subpage_types = ["catalogue.CategoryPage"]

    class Meta:
        verbose_name = _("目录栏目")
