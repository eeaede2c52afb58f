"""政府信息公开指南: one per organisation, with the contents Art. 12 of the Regulation asks for.

What the system already knows (the catalogue's columns, the 主题分类, the index-number pattern,
the office's address, hours, phone, fax and e-mail) is generated, so the guide never drifts from
the catalogue; the office writes only what the system cannot know.
"""

import html

from django.contrib.humanize.templatetags.humanize import ordinal
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..root_links import disclosure_root_links
from ..roots import disclosure_root_of
from .domains import Domain
from .organisations import Organisation
from .slugs import ReservedSlugMixin

INDEX_PART_MEANINGS = {
    "year": _("信息发布的年份"),
}


def serial_meaning(number):
    """What the serial part of an index number means, with its place in the year as an ordinal
    of the page's language (humanize: 第1 in Chinese; 1st, 2nd, 3rd, 11th in English, where a
    bare "%(number)sth" said "1th")."""
    return _("本机关当年发布信息的顺序号（这里是当年%(ordinal)s条）") % {"ordinal": ordinal(number)}


def index_example(organisation):
    """An index number the organisation's pattern makes, and what each piece of it means, in
    words a citizen reads (the pattern itself, `{code}/{year}-{serial:05d}`, is for editors)."""
    parts = organisation.index_number_parts(timezone.localdate().year, 1)
    explained = []
    for text, field in parts:
        if field == "code":
            meaning = (
                _("本机关的统一社会信用代码") if len(text) == 18 else _("本机关的组织机构代码")
            )
        elif field == "serial":
            meaning = serial_meaning(1)
        elif field:
            meaning = INDEX_PART_MEANINGS[field]
        else:
            continue
        explained.append((text, meaning))
    return {"number": "".join(text for text, _field in parts), "parts": explained}


# The guide's body, shared by the page and the index (generated_text).
GUIDE_BODY_TEMPLATE = "catalogue/includes/disclosure_guide_body.html"


class DisclosureGuidePage(ReservedSlugMixin, Page):
    # Not listed under 最新公开 (feeds.latest_links): it frames the catalogue, it is not news.
    frames_the_catalogue = True

    office_name = models.CharField(
        _("信息公开工作机构"),
        max_length=100,
        blank=True,
        help_text=_("负责本机关政府信息公开日常工作的机构，例如“党政综合办公室”。"),
    )
    intro = RichTextField(_("概述"), blank=True)
    active_disclosure = RichTextField(
        _("主动公开"),
        blank=True,
        help_text=_("公开的范围、形式（网站、公开栏、便民服务中心等）和时限。"),
    )
    application = RichTextField(
        _("依申请公开"),
        blank=True,
        help_text=_("提交申请的方式、受理机构、答复期限、收费等。"),
    )
    supervision = RichTextField(
        _("监督和救济"),
        blank=True,
        help_text=_("投诉、举报的机关和方式，行政复议、行政诉讼的途径。"),
    )

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            content=_(
                "信息分类与编排体系（栏目、主题分类、索引号）和工作机构的地址、时间、电话、传真、"
                "电子邮箱由系统根据目录和“公开主体”的资料自动生成，请勿在下面重复填写。"
            )
        ),
        FieldPanel("office_name"),
        FieldPanel("intro"),
        FieldPanel("active_disclosure"),
        FieldPanel("application"),
        FieldPanel("supervision"),
    ]
    # What citizens read is mostly generated (the columns, the office's address and hours, the
    # default paragraphs where the office wrote none), so the index reads the rendered guide,
    # the office's own paragraphs included, not the fields alone.
    search_fields = [*Page.search_fields, index.SearchField("generated_text")]
    api_fields = [
        APIField("office_name"),
        APIField("organisation_name"),
        APIField("intro"),
        APIField("active_disclosure"),
        APIField("application"),
        APIField("supervision"),
    ]
    parent_page_types = ["catalogue.DisclosureIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "catalogue/disclosure_guide_page.html"

    class Meta:
        verbose_name = _("政府信息公开指南")

    def disclosure_root(self):
        return disclosure_root_of(self)

    @property
    def organisation_name(self):
        root = self.disclosure_root()
        return root.organisation.name if root else ""

    def column_tree(self, root):
        """The live, public catalogue columns below the root as (column, depth) pairs, the
        annual reports' column among them (columns.py)."""
        from ..columns import column_types

        columns = (
            Page.objects.descendant_of(root).type(*column_types()).live().public().order_by("path")
        )
        return [(column, column.depth - root.depth) for column in columns]

    def guide_context(self, request=None):
        """What the guide's text is generated from. The links to the application form and its
        status query come from the register through the disclosure root's hook (root_links.py):
        the catalogue sits below it."""
        root = self.disclosure_root()
        organisation = root.organisation if root else Organisation()
        return {
            "root_links": disclosure_root_links(organisation, request) if root else [],
            "page": self,
            "root": root,
            "organisation": organisation,
            "columns": self.column_tree(root) if root else [],
            "domains": Domain.objects.all(),
            "index_example": index_example(organisation) if organisation.pk else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.guide_context(request))
        return context

    def generated_text(self) -> str:
        """The guide's text as a citizen reads it, in the page's language, for the index."""
        with translation.override(self.locale.language_code):
            rendered = render_to_string(GUIDE_BODY_TEMPLATE, self.guide_context())
        return " ".join(html.unescape(strip_tags(rendered)).split())
