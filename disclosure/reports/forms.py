"""The report page's admin form: the checks that need more than one block.

The table blocks check themselves (R1–R4, R7). Here, when the editor submits or publishes (not
when saving a draft, which Wagtail marks with ``is_deferred_validation``): the year is unique for
the organisation, the six sections and the three tables are all there, and R5 compares Table B
with last year's report — the error is attached to the Table B cell it concerns.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from disclosure.catalogue.roots import disclosure_root_of
from disclosure.catalogue.title_slugs import TitleSlugPageForm
from disclosure.reports.rules import arithmetic
from disclosure.statutory import tables as t

from .blocks import Section, cell_name


class AnnualReportPageForm(TitleSlugPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The page model's own query (models.py imports this form: the form reaches the model
        # through its Meta, not by importing it back).
        report_of_year = self._meta.model.of_year
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        root = disclosure_root_of(parent) if parent else None
        year = cleaned_data.get("year")
        if root and year and report_of_year(root, year, exclude=self.instance.pk):
            self.add_error("year", duplicate_year_message(year))
        body = cleaned_data.get("body")
        if body is None or self.is_deferred_validation:
            return cleaned_data
        problems = missing_parts(body)
        previous = report_of_year(root, year - 1) if root and year else None
        block_errors = r5_errors(body, previous.table_values() if previous else None)
        if problems or block_errors:
            self.add_error(
                "body",
                StreamBlockValidationError(block_errors=block_errors, non_block_errors=problems),
            )
        return cleaned_data


def duplicate_year_message(year):
    """The form's error and ``AnnualReportPage.clean()``'s (a page saved outside the form)."""
    return _("本机构已有 %(year)s 年度的年度报告，每个年度只能有一份。") % {"year": year}


def missing_parts(body):
    """The sections and tables a publishable report lacks, or has out of order."""
    problems = []
    sections = [child.value["section"] for child in body if child.block_type == "section"]
    expected = Section.values
    labels = dict(Section.choices)
    for key in expected:
        if key not in sections:
            problems.append(_("缺少“%(section)s”部分。") % {"section": labels[key]})
    if sections != sorted(sections):
        problems.append(_("六个部分应按一至六的顺序排列。"))
    tables = {getattr(child.block, "table_key", None) for child in body}
    for key in t.TABLE_KEYS:
        if key not in tables:
            problems.append(_("缺少%(table)s。") % {"table": t.number_of(key)})
    return problems


def r5_errors(body, previous_tables):
    """R5 findings placed on the Table B block's cells, keyed by the block's index."""
    if not previous_tables:
        return {}
    for index, child in enumerate(body):
        if getattr(child.block, "table_key", None) != "table_b":
            continue
        findings = arithmetic.check_r5(
            child.block.values(child.value), previous_tables.get("table_b")
        )
        if not findings:
            return {}
        return {
            index: StructBlockValidationError(
                block_errors={
                    cell_name(f.row, f.column): ValidationError(f.message) for f in findings
                }
            )
        }
    return {}
