"""The metadata every disclosed item carries (docs/domain.md, "The metadata block"), as an
abstract page."""

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gongkai.languages.fields import DeclaredTranslatableFields

from ..ancestors import public_column
from ..publication_state import published_before_this_site
from .domains import Domain
from .slugs import ReservedSlugMixin
from .tree import TreeNeighboursMixin

KEYWORD_SEPARATORS = re.compile(r"[\s,，、;；]+")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    ABOLISHED = "abolished", _("废止")


class PublicationDateSource(models.TextChoices):
    """Where an item's 发布日期 came from. Inspectors treat a date that is neither the
    system's first publication nor a recorded earlier publication as faked (伪造发稿日期)."""

    FIRST_PUBLICATION = "first_publication", _("本平台首次发布")
    OLD_SITE = "old_site", _("原网站发布日期（迁移导入）")
    DEMO = "demo", _("演示数据")


class PublicationDateDisplay(FieldPanel):
    """发布日期, shown and never edited: before the first publication it says when it is set."""

    def __init__(self, field_name="published_on", **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None:
            return _("首次发布时自动记录")
        return super().format_value_for_display(value)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            source = getattr(self.instance, "published_on_source", None)
            if source and source != PublicationDateSource.FIRST_PUBLICATION:
                # Not recorded here: say where it came from (an import: the old site's date).
                self.help_text = _("%(source)s，不能修改。") % {
                    "source": PublicationDateSource(source).label
                }


def item_content_panels(*body_panels):
    """Title, then the type's own fields, then the shared metadata."""
    return [*Page.content_panels, *body_panels, *DisclosureItemPage.metadata_panels]


class DisclosureItemPage(ReservedSlugMixin, TreeNeighboursMixin, Page):
    """Base of every catalogue item; the publishing organisation comes from the tree."""

    # Shown only on itself, its column, its languages and the pages linked with it
    # (gongkai/page_cache.py): publishing one leaves the rest of the cached site warm.
    page_cache_changes_show_site_wide = False
    # Read with the page when it is served (models/routing.py): every item shows its 主题分类.
    route_select_related = ("domain",)

    index_number = models.CharField(  # noqa: DJ001 (NULL = not yet published, as before)
        _("索引号"),
        max_length=100,
        null=True,
        blank=True,
        editable=False,
        # Not unique: a translation keeps its source's number. Serials come from one counter
        # per organisation and year (index_numbers.py), so no two items are ever given one.
        db_index=True,
        help_text=_("首次发布时自动生成。"),
    )
    domain = models.ForeignKey(
        Domain,
        verbose_name=_("主题分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(
        _("发布日期"), null=True, blank=True, help_text=_("首次发布时由系统记录，不能修改。")
    )
    published_on_source = models.CharField(
        _("发布日期来源"),
        max_length=20,
        choices=PublicationDateSource.choices,
        default=PublicationDateSource.FIRST_PUBLICATION,
        editable=False,
    )
    doc_number = models.CharField(
        _("文号"), max_length=100, blank=True, help_text=_("例如：友政发〔2022〕3号")
    )
    validity = models.CharField(
        _("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    effective_on = models.DateField(_("实施日期"), null=True, blank=True)
    abolished_on = models.DateField(_("废止日期"), null=True, blank=True)
    # The 2017 guideline: an abolished or expired document stays visible, marked as such; the
    # reader is sent on to what replaced it.
    replaced_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("替代文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("废止或失效后取代本文件的文件（可选），页面上显示其链接。"),
    )
    keywords = models.CharField(
        _("关键词"), max_length=200, blank=True, help_text=_("多个关键词用空格或逗号分隔。")
    )
    summary = models.TextField(_("内容概述"), blank=True)

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("domain"),
                FieldRowPanel([FieldPanel("written_on"), PublicationDateDisplay()]),
                FieldPanel("doc_number"),
                FieldRowPanel(
                    [
                        FieldPanel("validity"),
                        FieldPanel("effective_on"),
                        FieldPanel("abolished_on"),
                    ]
                ),
                FieldPanel("replaced_by"),
                FieldPanel("keywords"),
                FieldPanel("summary"),
            ],
            heading=_("公开属性（索引号在首次发布时自动生成）"),
        )
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("doc_number"),
        index.SearchField("index_number"),
        index.SearchField("keywords"),
        index.SearchField("organisation_name"),
        index.FilterField("published_on"),
        index.FilterField("validity"),
        index.FilterField("domain"),
    ]
    api_fields = [
        APIField("index_number"),
        APIField("domain_name"),
        APIField("organisation_name"),
        APIField("written_on"),
        APIField("published_on"),
        APIField("doc_number"),
        APIField("validity"),
        APIField("effective_on"),
        APIField("abolished_on"),
        APIField("keyword_list"),
        APIField("summary"),
    ]
    # A copy is new content: it gets its own number and its own first publication.
    exclude_fields_in_copy = ["index_number", "published_on", "published_on_source"]
    # Words are translated; what identifies the document is the same in every language. Each
    # item type's own fields (bodies, tables) follow wagtail-localize's defaults: text is
    # translated, numbers, dates, choices and links are synchronised.
    translatable_fields = DeclaredTranslatableFields(
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("keywords"),
        SynchronizedField("slug"),
        SynchronizedField("index_number", overridable=False),
        SynchronizedField("doc_number", overridable=False),
        SynchronizedField("validity", overridable=False),
        SynchronizedField("written_on", overridable=False),
        SynchronizedField("published_on", overridable=False),
        SynchronizedField("published_on_source", overridable=False),
        SynchronizedField("effective_on", overridable=False),
        SynchronizedField("abolished_on", overridable=False),
        SynchronizedField("replaced_by", overridable=False),
        SynchronizedField("domain"),
    )
    parent_page_types = ["catalogue.CategoryPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @classmethod
    def can_exist_under(cls, parent):
        """Under a column of its type (CategoryPage.item_type): Wagtail asks it before it
        offers a type to create, creates one, or moves or copies a page there."""
        return super().can_exist_under(parent) and parent.specific.takes(cls)

    @property
    def keyword_list(self):
        return [word for word in KEYWORD_SEPARATORS.split(self.keywords or "") if word]

    @property
    def organisation(self):
        root = self.disclosure_root
        return root.organisation if root else None

    @property
    def organisation_name(self):
        organisation = self.organisation
        return organisation.name if organisation else ""

    @property
    def domain_name(self):
        return self.domain.name if self.domain_id else ""

    @property
    def is_in_force(self):
        return self.validity == Validity.VALID

    @property
    def public_replacement(self):
        """The document that replaced this one, in the page's language where it has one, while
        anyone may read it (a draft's title is not public); None for a document in force."""
        from ..visibility import public

        if self.is_in_force or not self.replaced_by_id:
            return None
        found = public(Page.objects.filter(pk=self.replaced_by_id)).specific().first()
        if found is None:
            return None
        translated = found.get_translation_or_none(self.locale_id)
        return translated if translated is not None and translated.live else found

    def clean(self):
        super().clean()
        errors = {}
        if self.validity == Validity.ABOLISHED and not self.abolished_on:
            errors["abolished_on"] = _("有效性为“废止”时请填写废止日期。")
        if self.validity == Validity.VALID and self.abolished_on:
            errors["validity"] = _("已填写废止日期的文件不能标为“有效”。")
        if self.replaced_by_id and self.validity == Validity.VALID:
            errors["replaced_by"] = _("有效的文件没有替代文件：请先把有效性改为“废止”或“失效”。")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("替代文件不能是本文件。")
        if self.effective_on and self.abolished_on and self.abolished_on < self.effective_on:
            errors["abolished_on"] = _("废止日期不能早于实施日期。")
        if self.written_on and self.published_on and self.published_on < self.written_on:
            errors["published_on"] = _("发布日期不能早于成文日期。")
        # A document is written before anyone can publish it: a future 成文日期 is a typing
        # error (2030 for 2023) that review had to catch by eye (try-out).
        if self.written_on and self.written_on > timezone.localdate():
            errors["written_on"] = _("成文日期不能晚于今天。")
        if errors:
            raise ValidationError(errors)

    def backdate_first_publication(self, source):
        """An item the office published before it came to this site (an import, the demo) keeps
        its 发布日期 as its first publication, recorded as coming from `source`: listings,
        feeds and search sort and show it. Nothing else may set a 发布日期 (index_numbers.py
        gives every other item the day of its first publication here)."""
        if self.first_published_at is None and self.published_on:
            self.published_on_source = source
            self.first_published_at = published_before_this_site(self.published_on)

    @property
    def has_recorded_earlier_publication(self):
        return self.published_on_source != PublicationDateSource.FIRST_PUBLICATION

    def with_content_json(self, content):
        # The index number and the first publication date belong to the page, not to a
        # revision: an older or newer revision published later must keep them.
        obj = super().with_content_json(content)
        obj.index_number = self.index_number
        if obj.published_on is None:
            obj.published_on = self.published_on
            obj.published_on_source = self.published_on_source
        return obj

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The query that finds the organisation also serves the breadcrumb and column name;
        # a column that is not live is not named (ancestors.py).
        context["column"] = public_column(self)
        return context

    def get_template(self, request, *args, **kwargs):
        return [
            f"catalogue/items/{self._meta.model_name}.html",
            "catalogue/items/disclosure_item.html",
        ]


def item_page_models():
    """Every concrete item type, the apps' above the catalogue included (ITEM_PAGE_MODELS
    lists the catalogue's own): 主题分类, 有效性 and the dates live in each one's own table,
    which the Art. 26 deadlines and search's filters ask."""
    return [model for model in apps.get_models() if issubclass(model, DisclosureItemPage)]
