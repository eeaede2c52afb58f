"""An organisation's disclosure root and its catalogue columns."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from gongkai.aliases import with_source_language
from gongkai.languages.locales import source_language_only_children

from ..root_links import disclosure_root_links
from ..roots import disclosure_root_of
from .feeds import CatalogueFeed, latest_links
from .listing import ItemFilterForm, item_listing
from .organisations import Organisation
from .routing import PathRouteMixin
from .slugs import ReservedSlugMixin, ReservedSlugPageForm
from .tree import TreeNeighboursMixin

# Every item type a catalogue column may hold, in the order editors see them.
ITEM_PAGE_TYPES = [
    "catalogue.OrganisationFunctionPage",
    "catalogue.BudgetPage",
    "catalogue.ServiceGuidePage",
    "catalogue.ServiceItemListPage",
    "catalogue.PolicyDocumentPage",
    "catalogue.DisclosureDocumentPage",
]


def item_type_choices():
    """The item types a column may be limited to, named as editors know them; none first."""
    names = {model._meta.label: model._meta.verbose_name for model in get_page_models()}
    return [("", _("（不限）")), *((label, names[label]) for label in ITEM_PAGE_TYPES)]


class ColumnForm(ReservedSlugPageForm):
    # The choices are read from the page types when the form is built; on the model they
    # would be written into its migrations.
    item_type = forms.ChoiceField(
        label=_("栏目信息类型"),
        choices=item_type_choices,
        required=False,
        help_text=_("在本栏目下新建信息时只提供这一类型；不选则提供全部类型。"),
    )


FEED_SLUG = "rss"


class FeedRouteMixin(RoutablePageMixin):
    """``<page url>rss/``: the newest items below the page, as RSS."""

    # A child with one of these slugs would sit at the address of one of the page's routes.
    # Editors are refused them when they create, edit, copy or move a page (slugs.py); a live
    # child that has one anyway (made in code, imported) is still served: routing prefers the
    # published page to the route. A child that is not live never hides the route (a draft
    # called rss blanked the column's feed).
    reserved_child_slugs = frozenset({FEED_SLUG})

    def route(self, request, path_components):
        if (
            path_components
            and path_components[0] in self.reserved_child_slugs
            and self.get_children().live().filter(slug=path_components[0]).exists()
        ):
            return Page.route(self, request, path_components)
        return super().route(request, path_components)

    @path(f"{FEED_SLUG}/", name="rss")
    def rss_feed(self, request):
        return CatalogueFeed(self, self.feed_organisation())(request)

    def feed_organisation(self):
        root = disclosure_root_of(self)
        return root.organisation if root else ""


class DisclosureIndexPage(FeedRouteMixin, PathRouteMixin, Page):
    """One organisation's 政府信息公开 root: its guide, catalogue columns and reports."""

    # Not listed under 最新公开 (feeds.latest_links): it frames the catalogue, it is not news.
    frames_the_catalogue = True

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("公开主体"),
        on_delete=models.PROTECT,
        related_name="disclosure_roots",
    )
    intro = RichTextField(_("简介"), blank=True)

    # roots.py tells a root from any other page by it, without importing this module.
    is_disclosure_root = True

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = [
        "catalogue.DisclosureGuidePage",
        "catalogue.CategoryPage",
        "reports.AnnualReportIndexPage",
    ]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("政府信息公开（机构首页）")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An English alias of a Chinese column is named in Chinese (gongkai/aliases.py).
        context["categories"] = with_source_language(self.get_children().live().public()).specific()
        context["root_links"] = disclosure_root_links(self.organisation, request)
        context["latest"] = latest_links(self, request)
        # Most columns are kept in Chinese only: the English catalogue names them too.
        context["source_language_only"] = source_language_only_children(self, context["categories"])
        return context


class CategoryPage(ReservedSlugMixin, TreeNeighboursMixin, FeedRouteMixin, PathRouteMixin, Page):
    """A catalogue column: 机构职能, 预算决算, 办事指南, 便民服务事项清单, 规范性文件, …"""

    # Listed among the columns of the 指南 (DisclosureGuidePage.column_tree), as is every page
    # type that sets it (the annual reports' index).
    is_catalogue_column = True

    intro = RichTextField(_("栏目说明"), blank=True)
    # A column of 办事指南 offered every item type to whoever added an item to it, and a wrong
    # choice is only found when the form shows other fields.
    item_type = models.CharField(_("栏目信息类型"), max_length=60, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("item_type")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["catalogue.DisclosureIndexPage", "catalogue.CategoryPage"]
    subpage_types = ["catalogue.CategoryPage", *ITEM_PAGE_TYPES]

    class Meta:
        verbose_name = _("目录栏目")

    base_form_class = ColumnForm
    # What its listing reads (listing.item_listing): the page number and the filters.
    page_cache_parameters = ("page", *ItemFilterForm.base_fields)

    def clean(self):
        super().clean()
        if self.item_type and self.item_type not in ITEM_PAGE_TYPES:
            raise ValidationError({"item_type": _("没有这种信息类型。")})

    def takes(self, model):
        """Whether an item of page type `model` may be made or put in this column."""
        return not self.item_type or model._meta.label == self.item_type

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(item_listing(self, request))
        return context
