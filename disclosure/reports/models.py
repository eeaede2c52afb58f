"""Annual report pages: the index under an organisation's disclosure root, and one page a year."""

import re
from html import unescape

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from disclosure.catalogue.models.attached import AttachedFilesMixin
from disclosure.catalogue.models.routing import PathRouteMixin
from disclosure.catalogue.models.tree import TreeNeighboursMixin
from disclosure.catalogue.roots import disclosure_root_of
from disclosure.reports.downloads import exports
from disclosure.reports.rules.checks import check_report
from disclosure.reports.rules.levels import level_of
from disclosure.statutory import tables as t
from gongkai.languages.locales import source_language_only_children

from .blocks import ReportBodyBlock
from .chart import year_over_year_chart
from .forms import AnnualReportPageForm, duplicate_year_message
from .panels import FillActionsPanel, FindingsPanel


class AnnualReportIndexPage(PathRouteMixin, Page):
    """政府信息公开工作年度报告: an organisation's reports, newest first, with a chart."""

    is_catalogue_column = True  # the 指南 lists it among the catalogue's columns

    intro = RichTextField(_("栏目说明"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["catalogue.DisclosureIndexPage"]
    subpage_types = ["reports.AnnualReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("年度报告栏目")

    def reports(self):
        return AnnualReportPage.objects.child_of(self).live().public().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = list(self.reports())
        context["reports"] = reports
        context["chart"] = year_over_year_chart(reports)
        # A year translated later than the next one (the English 2022 report, not 2023's) must
        # not read as the newest report there is.
        context["source_language_only"] = source_language_only_children(self, reports)
        return context


class AnnualReportPage(RoutablePageMixin, AttachedFilesMixin, TreeNeighboursMixin, Page):
    """One organisation's 政府信息公开工作年度报告 for one year."""

    # Shown only on itself, its column, its languages and the pages linked with it
    # (gongkai/page_cache.py): publishing one leaves the rest of the cached site warm.
    page_cache_changes_show_site_wide = False

    year = models.PositiveSmallIntegerField(_("报告年度"))
    report_format = models.CharField(
        _("统计表格式"),
        max_length=4,
        choices=t.FORMATS,
        default=t.FORMAT_2021,
        help_text=_("报告所用的统计表格式；往年报告可能使用 2019 年试行格式。"),
    )
    body = StreamField(ReportBodyBlock(), verbose_name=_("报告内容"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("year"), FieldPanel("report_format")], heading=_("报告")),
        FillActionsPanel(heading=_("填入统计表")),
        FindingsPanel(heading=_("填报检查（勾稽关系）")),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    # The report's prose is what citizens search for (总体情况, 行政复议 …), not only its title.
    search_fields = [*Page.search_fields, index.SearchField("body")]
    base_form_class = AnnualReportPageForm
    parent_page_types = ["reports.AnnualReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")

    # ------------------------------------------------------------ where it belongs
    @cached_property
    def organisation(self):
        # The ancestors' query (models/tree.py) also serves the breadcrumb, the view
        # restrictions and the language switcher.
        root = self.disclosure_root if self.pk else None
        return root.organisation if root else None

    @classmethod
    def of_year(cls, root, year, exclude=None):
        """The report of ``year`` under the disclosure root ``root`` (the live one first), but
        the page ``exclude``; None when there is none. One query for every check of the year:
        the admin form and ``clean()`` (one report a year), R5 and R8 (last year's), the
        importer and the county overview."""
        if root is None or year is None:
            return None
        reports = cls.objects.descendant_of(root).filter(year=year)
        if exclude:
            reports = reports.exclude(pk=exclude)
        return reports.order_by("-live", "pk").first()

    def previous_report(self):
        """Last year's report of the same organisation, if there is one."""
        return self.of_year(disclosure_root_of(self), self.year - 1, exclude=self.pk)

    # ------------------------------------------------------------ the tables
    def tables(self):
        """``{"table_a": (Table, values), …}`` from the body's table blocks (first of each)."""
        found = {}
        for child in self.body:
            if hasattr(child.block, "table_key"):
                found.setdefault(
                    child.block.table_key, (child.block.table, child.block.values(child.value))
                )
        return found

    def table_values(self):
        """``{"table_a": values, "table_b": …, "table_c": …}`` for the rules."""
        return {key: values for key, (_table, values) in self.tables().items()}

    # ------------------------------------------------------------ downloads
    @path("xlsx/", name="xlsx")
    def xlsx_download(self, request):
        return exports.serve(request, self, "xlsx")

    @path("docx/", name="docx")
    def docx_download(self, request):
        return exports.serve(request, self, "docx")

    @path("pdf/", name="pdf")
    def pdf_download(self, request):
        return exports.serve(request, self, "pdf")

    def text(self):
        """The sections' text as plain text, a paragraph a line (for R6: the rich text's tags
        and entities are not words, and a paragraph ends a sentence)."""
        return "\n".join(
            plain_text(child.value["body"].source)
            for child in self.body
            if child.block_type == "section"
        )

    def findings(self):
        """Every rule R1–R9 over this report (errors and warnings), for editors."""
        return self.findings_against(self.previous_report(), level_of(self.organisation))

    def findings_against(self, previous, level):
        """The rules over this report given last year's report (or None) and the
        organisation's level, for a reader that has read them already (the county
        overview, for every organisation at once)."""
        return check_report(
            self.table_values(),
            format_key=self.report_format,
            previous=previous.table_values() if previous else None,
            text=self.text(),
            level=level,
            year=self.year,
        )

    def statistics(self):
        """The figures of the index chart: applications, disclosures, review/litigation."""
        values = self.table_values()
        table_b = values.get("table_b") or {}
        table_c = values.get("table_c") or {}

        def total(row):
            value = (table_b.get(row) or {}).get("total")
            return value if isinstance(value, int) else None

        granted, partial = total("granted"), total("partial")
        cases = [(table_c.get("cases") or {}).get(f"{group}_total") for group, _l in t.CASE_GROUPS]
        return {
            "applications": total("new"),
            "disclosures": None if None in (granted, partial) else granted + partial,
            "cases": None if None in cases else sum(cases),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context["findings"] = self.findings()  # editors only: never on the public page
        return context

    def clean(self):
        super().clean()
        root = disclosure_root_of(self) if self.pk else None
        if root and self.of_year(root, self.year, exclude=self.pk):
            raise ValidationError({"year": duplicate_year_message(self.year)})


_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|tr|td|th)>", re.IGNORECASE)


def plain_text(html):
    return unescape(strip_tags(_BLOCK_END.sub("\n", html or "")))
