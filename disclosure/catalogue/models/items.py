"""The item types of the catalogue (docs/catalogue.md, "Pages"), following the Regulation's
Art. 20 list (docs/domain.md)."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import blocks
from ..api_fields import PublicPageField
from ..panels import InterpretedPolicyStatusPanel
from ..visibility import public
from .attached import AttachedFilesMixin
from .guide_elements import KeyElementPanel, ServiceGuidePageForm
from .items_base import DisclosureItemPage, item_content_panels


class OrganisationFunctionPage(AttachedFilesMixin, DisclosureItemPage):
    """机构职能: functions, internal bodies, leaders and contacts."""

    functions = RichTextField(_("机关职能"))
    internal_bodies = StreamField(
        [("body", blocks.InternalBodyBlock())], verbose_name=_("机构设置"), blank=True
    )
    leaders = StreamField(
        [("leader", blocks.LeaderBlock())], verbose_name=_("领导信息"), blank=True
    )
    address = models.CharField(
        _("办公地址"), max_length=200, blank=True, help_text=_("留空则使用公开主体的信息。")
    )
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)

    content_panels = item_content_panels(
        FieldPanel("functions"),
        FieldPanel("internal_bodies"),
        FieldPanel("leaders"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("office_hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        FieldPanel("attachments"),
    )
    search_fields = [
        *DisclosureItemPage.search_fields,
        index.SearchField("functions"),
        index.SearchField("internal_bodies"),
        index.SearchField("leaders"),
        index.SearchField("attachments"),
    ]
    api_fields = [
        *DisclosureItemPage.api_fields,
        APIField("functions"),
        APIField("internal_bodies"),
        APIField("leaders"),
        APIField("contacts"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("机构职能")

    @property
    def contacts(self):
        """The page's own contact details, falling back to the organisation's."""
        organisation = self.organisation
        rows = [
            ("address", _("办公地址")),
            ("office_hours", _("办公时间")),
            ("phone", _("联系电话")),
            ("fax", _("传真")),
            ("email", _("电子邮箱")),
        ]
        return {
            str(label): getattr(self, name) or getattr(organisation, name, "")
            for name, label in rows
        }


class BudgetKind(models.TextChoices):
    BUDGET = "budget", _("预算")
    FINAL_ACCOUNTS = "final_accounts", _("决算")
    THREE_PUBLIC = "three_public", _("三公经费")


class BudgetPage(DisclosureItemPage):
    """预算决算: one year's budget, final accounts or “三公” expenses."""

    year = models.PositiveSmallIntegerField(_("年度"))
    kind = models.CharField(_("类别"), max_length=20, choices=BudgetKind.choices)
    body = StreamField(blocks.DocumentBodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = item_content_panels(
        FieldRowPanel([FieldPanel("year"), FieldPanel("kind")]), FieldPanel("body")
    )
    search_fields = [*DisclosureItemPage.search_fields, index.SearchField("body")]
    api_fields = [
        *DisclosureItemPage.api_fields,
        APIField("year"),
        APIField("kind"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("预算决算")

    def clean(self):
        super().clean()
        if self.year and not 1949 <= self.year <= 2100:
            raise ValidationError({"year": _("请填写四位数的年度，例如 2022。")})


class ServiceKind(models.TextChoices):
    LICENSING = "行政许可", _("行政许可")
    CONFIRMATION = "行政确认", _("行政确认")
    BENEFIT = "行政给付", _("行政给付")
    PUBLIC_SERVICE = "公共服务", _("公共服务")
    OTHER = "其他", _("其他")


class ServiceGuidePage(AttachedFilesMixin, DisclosureItemPage):
    """办事指南: one service's basis, conditions, materials, steps and time limits."""

    base_form_class = ServiceGuidePageForm

    item_name = models.CharField(_("事项名称"), max_length=200)
    item_type = models.CharField(
        _("事项类型"),
        max_length=20,
        choices=ServiceKind,
        default=ServiceKind.PUBLIC_SERVICE,
    )
    legal_basis = models.TextField(_("设定依据"), blank=True)
    conditions = models.TextField(_("受理条件"), blank=True)
    materials = StreamField(
        [("material", blocks.MaterialBlock())], verbose_name=_("申请材料"), blank=True
    )
    steps = StreamField([("step", blocks.StepBlock())], verbose_name=_("办理流程"), blank=True)
    statutory_time_limit = models.CharField(_("法定办结时限"), max_length=100, blank=True)
    promised_time_limit = models.CharField(_("承诺办结时限"), max_length=100, blank=True)
    fees = models.CharField(_("收费标准"), max_length=200, default="不收费")
    location = models.CharField(_("办理地点"), max_length=200, blank=True)
    service_hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    consultation_phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    supervision_phone = models.CharField(_("监督电话"), max_length=50, blank=True)
    online_url = models.URLField(_("网上办理地址"), blank=True)

    content_panels = item_content_panels(
        FieldRowPanel([KeyElementPanel("item_name"), FieldPanel("item_type")]),
        KeyElementPanel("legal_basis"),
        KeyElementPanel("conditions"),
        KeyElementPanel("materials"),
        KeyElementPanel("steps"),
        FieldRowPanel([FieldPanel("statutory_time_limit"), FieldPanel("promised_time_limit")]),
        FieldPanel("fees"),
        FieldRowPanel([KeyElementPanel("location"), KeyElementPanel("service_hours")]),
        FieldRowPanel([KeyElementPanel("consultation_phone"), FieldPanel("supervision_phone")]),
        FieldPanel("online_url"),
        FieldPanel("attachments"),
    )
    search_fields = [
        *DisclosureItemPage.search_fields,
        index.SearchField("item_name"),
        index.SearchField("legal_basis"),
        index.SearchField("conditions"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.SearchField("attachments"),
    ]
    api_fields = [
        *DisclosureItemPage.api_fields,
        *(
            APIField(name)
            for name in (
                "item_name",
                "item_type",
                "legal_basis",
                "conditions",
                "materials",
                "steps",
                "statutory_time_limit",
                "promised_time_limit",
                "fees",
                "location",
                "service_hours",
                "consultation_phone",
                "supervision_phone",
                "online_url",
                "attachments",
            )
        ),
    ]

    class Meta:
        verbose_name = _("办事指南")


class ServiceItemListPage(RoutablePageMixin, AttachedFilesMixin, DisclosureItemPage):
    """便民服务事项清单: a table of services, each optionally linked to its guide."""

    intro = RichTextField(_("说明"), blank=True)
    # Required, and Wagtail defers a required field's check for a draft (FieldPanel's
    # defer_required_on_fields): a draft, autosaved ones included, may be empty; submitting
    # and publishing an empty list are refused on the field.
    items = StreamField([("item", blocks.ServiceItemBlock())], verbose_name=_("服务事项"))

    content_panels = item_content_panels(
        FieldPanel("intro"), FieldPanel("items"), FieldPanel("attachments")
    )
    search_fields = [
        *DisclosureItemPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("items"),
        index.SearchField("attachments"),
    ]
    api_fields = [
        *DisclosureItemPage.api_fields,
        APIField("intro"),
        APIField("items"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("便民服务事项清单")

    @cached_property
    def public_guide_ids(self):
        """The ids of the linked 办事指南 the public may see (catalogue/visibility.py): a
        draft, restricted guide, or one below a column taken down gets no link (a 404 or a
        login form). One query for the whole list."""
        ids = {block.value["guide"].pk for block in self.items if block.value.get("guide")}
        if not ids:
            return set()
        return set(public(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))

    @path("")
    def list_view(self, request):
        return self.render(request)

    @path("xlsx/", name="xlsx")
    def xlsx_view(self, request):
        from ..exports import service_items_xlsx_response

        return service_items_xlsx_response(self)


class PolicyKind(models.TextChoices):
    NORMATIVE = "normative", _("规范性文件")
    DOCUMENT = "document", _("其他文件")
    INTERPRETATION = "interpretation", _("政策解读")


class PolicyDocumentPage(DisclosureItemPage):
    """规范性文件 and other documents; a 政策解读 names the document it explains."""

    kind = models.CharField(
        _("文件类别"), max_length=20, choices=PolicyKind.choices, default=PolicyKind.NORMATIVE
    )
    interpreted_policy = models.ForeignKey(
        "self",
        verbose_name=_("所解读的文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        limit_choices_to={"kind__in": [PolicyKind.NORMATIVE, PolicyKind.DOCUMENT]},
    )
    body = StreamField(blocks.DocumentBodyBlock(), verbose_name=_("正文"))

    content_panels = item_content_panels(
        FieldPanel("kind"),
        FieldPanel("interpreted_policy"),
        InterpretedPolicyStatusPanel(),
        FieldPanel("body"),
    )
    search_fields = [*DisclosureItemPage.search_fields, index.SearchField("body")]
    api_fields = [
        *DisclosureItemPage.api_fields,
        APIField("kind"),
        APIField("interpreted_policy", serializer=PublicPageField("public_interpreted_policy")),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("政策文件")

    def clean(self):
        super().clean()
        if self.kind == PolicyKind.INTERPRETATION and not self.interpreted_policy_id:
            raise ValidationError({"interpreted_policy": _("政策解读必须关联所解读的文件。")})
        if self.kind != PolicyKind.INTERPRETATION and self.interpreted_policy_id:
            raise ValidationError({"interpreted_policy": _("只有政策解读才能关联被解读的文件。")})
        if self.interpreted_policy_id and self.interpreted_policy_id == self.pk:
            raise ValidationError({"interpreted_policy": _("文件不能解读它自己。")})

    def public_interpreted_policy(self):
        """The explained document while anyone may read it: naming a draft, a withdrawn
        document or one behind a view restriction (its own or its alias source's) would
        disclose what the office has not published."""
        from ..visibility import public

        if not self.interpreted_policy_id:
            return None
        policies = PolicyDocumentPage.objects.filter(pk=self.interpreted_policy_id)
        return public(policies).first()

    def live_interpretations(self):
        # Only those anyone may read: a restricted interpretation's title is not public.
        from ..visibility import public

        return public(self.interpretations.all()).order_by("-published_on")


class DisclosureDocumentPage(DisclosureItemPage):
    """Any other item of Art. 20/21 of the Regulation."""

    body = StreamField(blocks.DocumentBodyBlock(), verbose_name=_("正文"))

    content_panels = item_content_panels(FieldPanel("body"))
    search_fields = [*DisclosureItemPage.search_fields, index.SearchField("body")]
    api_fields = [*DisclosureItemPage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("公开信息")


# The item page classes, in the order of ITEM_PAGE_TYPES (pages.py writes them as labels, for
# the columns' subpage_types).
ITEM_PAGE_MODELS = [
    OrganisationFunctionPage,
    BudgetPage,
    ServiceGuidePage,
    ServiceItemListPage,
    PolicyDocumentPage,
    DisclosureDocumentPage,
]
