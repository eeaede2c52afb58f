"""The county overview: every organisation's report of a year, on time or late or missing
(Art. 49 deadlines, ``settings.GONGKAI_REPORT_DEADLINES`` by level), with each rule's result
over the published report; as an admin table and as a workbook.

This is what a county 政务公开办 checks every spring. The rules run over the live version (what
the public reads); a report with only a draft counts as not published.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from disclosure.catalogue.models import DisclosureIndexPage, Level
from disclosure.catalogue.roots import deepest_root_among, pages_below_q
from disclosure.reports.rules.levels import level_of
from gongkai import spreadsheets

from .models import AnnualReportIndexPage, AnnualReportPage

RULES = tuple(f"R{n}" for n in range(1, 10))


class Status(models.TextChoices):
    """Where an organisation's report of the year stands; the values are the admin table's
    data-status attributes."""

    ON_TIME = "on_time", gettext_lazy("按时发布")
    LATE = "late", gettext_lazy("逾期发布")
    MISSING = "missing", gettext_lazy("逾期未发布")
    DRAFT = "draft", gettext_lazy("逾期未发布（仅有草稿）")
    NOT_DUE = "not_due", gettext_lazy("尚未发布（未到期限）")
    NO_COLUMN = "no_column", gettext_lazy("未设年度报告栏目")


OVERDUE = {Status.LATE, Status.MISSING, Status.DRAFT, Status.NO_COLUMN}


def deadline(level, year):
    """The last day to publish the report of ``year`` for an organisation of ``level``."""
    deadlines = settings.GONGKAI_REPORT_DEADLINES
    month, day = deadlines.get(level) or deadlines[""]
    return datetime.date(year + 1, month, day)


@dataclass
class RuleResult:
    rule: str
    checked: bool
    errors: int = 0
    warnings: int = 0

    @property
    def text(self):
        if not self.checked:
            return "—"
        if self.errors:
            return _("%(n)d 错误") % {"n": self.errors}
        if self.warnings:
            return _("%(n)d 警告") % {"n": self.warnings}
        return "✓"

    @property
    def state(self):
        if not self.checked:
            return "unchecked"
        return "error" if self.errors else "warning" if self.warnings else "ok"


@dataclass
class Row:
    organisation: object
    level: str
    deadline: datetime.date
    status: Status
    report: object = None
    published: datetime.date | None = None
    results: list = field(default_factory=list)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def overdue(self):
        return self.status in OVERDUE

    @property
    def level_label(self):
        return dict(Level.choices).get(self.level, _("未知"))


@dataclass
class _Reports:
    """What the overview needs of one organisation's roots: its report of the year, last
    year's report beside it (R5 and R8 compare them), and whether it has a report column."""

    report: object = None
    previous: object = None
    has_column: bool = False


def _reports_of(organisations, year):
    """{organisation id: _Reports} in the default language, read for every organisation at
    once: the roots, the report columns under them and the reports of the year and the one
    before (three queries). Of several roots the first (tree order) with a report counts;
    under a root, the live report first (AnnualReportPage.of_year)."""
    roots = {
        root.path: root
        for root in DisclosureIndexPage.objects.filter(
            organisation__in=organisations, locale=Locale.get_default()
        ).order_by("path")
    }
    below_roots = pages_below_q(roots)
    found = {}
    for column in AnnualReportIndexPage.objects.filter(below_roots).only("path"):
        root = deepest_root_among(column, roots)
        found.setdefault(root.organisation_id, _Reports()).has_column = True
    reports = {}  # (root path, year) → the report counted
    for report in AnnualReportPage.objects.filter(below_roots, year__in=(year, year - 1)).order_by(
        "-live", "pk"
    ):
        reports.setdefault((deepest_root_among(report, roots).path, report.year), report)
    for path, root in roots.items():
        mine = found.setdefault(root.organisation_id, _Reports())
        if mine.report is None and (path, year) in reports:
            mine.report, mine.previous = reports[(path, year)], reports.get((path, year - 1))
    return found


def _results(report, previous, level):
    findings = report.findings_against(previous, level)
    applicable = {"R5": previous is not None, "R8": previous is not None}
    applicable["R9"] = level == Level.TOWNSHIP
    results = []
    for rule in RULES:
        mine = [f for f in findings if f.rule == rule]
        results.append(
            RuleResult(
                rule,
                applicable.get(rule, True),
                errors=sum(1 for f in mine if f.is_error),
                warnings=sum(1 for f in mine if not f.is_error),
            )
        )
    return results


def overview(year, organisations, today=None):
    """One :class:`Row` per organisation, in the order given."""
    today = today or timezone.localdate()
    organisations = list(organisations)
    found = _reports_of(organisations, year)
    rows = []
    for organisation in organisations:
        level = level_of(organisation)
        due = deadline(level, year)
        reports = found.get(organisation.pk, _Reports())
        report = reports.report
        row = Row(organisation, level, due, Status.NOT_DUE, report=report)
        if report is not None and report.live and report.first_published_at:
            row.published = timezone.localdate(report.first_published_at)
            row.status = Status.ON_TIME if row.published <= due else Status.LATE
            row.results = _results(report, reports.previous, level)
        elif today > due:
            row.status = (
                Status.DRAFT
                if report is not None
                else Status.MISSING
                if reports.has_column
                else Status.NO_COLUMN
            )
        rows.append(row)
    return rows


def workbook(year, rows):
    """The overview as a workbook: one row per organisation, one column per rule."""
    # Imported on use: every web worker imports this module, few ever need openpyxl (27 MB)
    # (docs/performance.md, "Worker memory").
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("%(year)s 年度报告汇总") % {"year": year}
    header = [
        _("公开主体"),
        _("层级"),
        _("报告"),
        _("发布期限"),
        _("首次发布日期"),
        _("状态"),
        *RULES,
    ]
    spreadsheets.append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        spreadsheets.append_row(
            sheet,
            [
                row.organisation.name,
                str(row.level_label),
                row.report.title if row.report else "",
                row.deadline,
                row.published,
                str(row.status_label),
                *[result.text for result in row.results or [RuleResult(r, False) for r in RULES]],
            ],
        )
    for column, width in zip("ABCDEF", (30, 12, 40, 12, 14, 20), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "B2"
    return book
