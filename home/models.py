"""The portal's front page and the site-wide settings administrators fill in without code."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from disclosure.catalogue.models.routing import PathRouteMixin
from disclosure.catalogue.roots import pages_below_q
from gongkai.site_settings import ReadOnlyForRequestsMixin


class HomePage(PathRouteMixin, Page):
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("主办机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("简介"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("intro")]
    subpage_types = ["catalogue.DisclosureIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("门户首页")

    def get_context(self, request, *args, **kwargs):
        from disclosure.catalogue.models import DisclosureIndexPage
        from disclosure.catalogue.models.feeds import latest_links

        context = super().get_context(request, *args, **kwargs)
        roots = list(
            DisclosureIndexPage.objects.child_of(self)
            .live()
            .public()
            .select_related("organisation")
        )
        # Every root's columns in one query (not one a root), shared out by their parent's path.
        columns = {root.path: [] for root in roots}
        below = Page.objects.filter(pages_below_q(columns), depth=self.depth + 2)
        for column in below.live().public():
            columns[column.path[: -Page.steplen]].append(column)
        context["catalogue"] = [(root, columns[root.path]) for root in roots]
        context["latest"] = latest_links(self, request)
        return context


site_id_code_validator = RegexValidator(
    r"^\d{10}$", _("政府网站标识码为 10 位数字（6 位行政区划代码 + 4 位顺序号）。")
)


conac_id_validator = RegexValidator(
    r"^[0-9A-Fa-f]{32}$", _("党政机关网站标识编号为 32 位字母和数字（0–9、A–F）。")
)


@register_setting(icon="site")
class SiteFooterSettings(ReadOnlyForRequestsMixin, BaseSiteSetting):
    """The footer every government site carries (《政府网站发展指引》)."""

    sponsor = models.CharField(_("主办单位"), max_length=100, blank=True)
    organiser = models.CharField(_("承办单位"), max_length=100, blank=True)
    organiser_en = models.CharField(
        _("承办单位英文名称"),
        max_length=200,
        blank=True,
        help_text=_("留空时英文页面显示中文名称。"),
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    address_en = models.CharField(
        _("英文地址"), max_length=200, blank=True, help_text=_("留空时英文页面显示中文地址。")
    )
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    icp_number = models.CharField(_("ICP 备案号"), max_length=50, blank=True)
    public_security_number = models.CharField(_("公安备案号"), max_length=50, blank=True)
    site_id_code = models.CharField(
        _("政府网站标识码"), max_length=10, blank=True, validators=[site_id_code_validator]
    )
    conac_id = models.CharField(
        _("党政机关网站标识编号"),
        max_length=32,
        blank=True,
        validators=[conac_id_validator],
        help_text=_(
            "开办者标识（党政机关网站标识）在中国机构编制网的注册编号：点击网站上的标识，"
            "打开的登记页面地址末尾的 32 位字符。"
        ),
    )
    # A demo or test site shows where the identifiers go without passing off made-up numbers
    # as registered ones: each is labelled 示例 and the SiteIDCode meta tag is left out.
    identifiers_are_samples = models.BooleanField(
        _("备案号和标识码为示例值"),
        default=False,
        help_text=_("演示站点使用。正式上线前填入真实的备案号和标识码，并取消勾选。"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("sponsor"), FieldPanel("organiser"), FieldPanel("organiser_en")],
            heading=_("主办与承办"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("public_security_number"),
                FieldPanel("site_id_code"),
                FieldPanel("conac_id"),
                FieldPanel("identifiers_are_samples"),
            ],
            heading=_("备案与标识"),
        ),
    ]

    class Meta:
        verbose_name = _("页脚与备案信息")
