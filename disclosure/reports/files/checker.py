"""One checker for the three ways a report's tables arrive: the page being edited (admin), a
workbook uploaded to it, and a workbook checked on the command line (``check_annual_report``).

Each runs the same rules (``rules.checks.check_report``) with what it knows: last year's tables (R5,
R8), the report's text (R6), the organisation's level (R9). What it cannot check, for want of
one of these, is said in a note rather than passed over in silence. Each finding is located:
a workbook's by its cell (``表二 C8``), a layout problem by its sheet.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from disclosure.reports.rules.checks import check_report
from disclosure.reports.rules.findings import Finding, Severity, arranged
from disclosure.reports.rules.levels import level_of, level_of_name
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t


@dataclass
class Check:
    located: list = field(default_factory=list)  # [(Finding, where)]
    notes: list = field(default_factory=list)  # what could not be checked, and why
    organisation: str = ""
    year: int | None = None
    level: str = ""

    @property
    def errors(self):
        return [(f, where) for f, where in self.located if f.is_error]

    @property
    def warnings(self):
        return [(f, where) for f, where in self.located if not f.is_error]

    def lines(self):
        """One Chinese line per finding, naming its cell: ``R1 错误 表二 D28: …``; in reading
        order (``rules.findings.arranged``), so that an arithmetic error comes before the blank
        cells."""
        where_of = {id(f): where for f, where in self.located}
        return [
            f"{f.rule} {f.severity_label} {where_of[id(f)]}: {f.message}"
            for f in arranged([f for f, _where in self.located])
        ]


def format_of(found):
    """The report's format, as its Table A says (Table B may be a 2019 one in a 2021 report)."""
    table_a = found.get("table_a")
    return t.FORMAT_2019 if table_a and table_a[0] is t.TABLE_A_2019 else t.FORMAT_2021


def check_tables(found, *, previous=None, text="", level="", year=None):
    """The rules over tables read from a workbook (``{key: (Table, values)}``), each finding
    with its cell; ``previous`` is last year's values (R5, R8), ``text`` the prose and ``year``
    the report's year (R6 compares only what the text says of that year)."""
    findings = check_report(
        {key: values for key, (_table, values) in found.items()},
        format_key=format_of(found),
        previous=previous,
        text=text,
        level=level,
        year=year,
    )
    located = []
    for finding in findings:
        table = found[finding.table][0] if finding.table in found else None
        cell = xlsx.cell_addresses(table).get((finding.row, finding.column), "") if table else ""
        located.append(
            (finding, f"{t.number_of(finding.table) if finding.table else ''} {cell}".strip())
        )
    return located


def _year_problem(reading, year):
    if reading.year is None or year is None or reading.year == year:
        return []
    message = _("工作簿“%(sheet)s”注明的报告年度是 %(found)s，应为 %(year)s。") % {
        "sheet": xlsx.INFO_SHEET,
        "found": reading.year,
        "year": year,
    }
    return [xlsx.layout_problem(message, xlsx.INFO_SHEET)]


def _organisation_problem(reading, organisation):
    """An error when the workbook names another organisation than the report's (names compared
    after NFKC and without whitespace, the full name or the short one): another office's
    tables are never written into this office's report. A workbook that names no organisation
    in 报告信息 B1 as a plain value is refused too: it could be anyone's."""
    if organisation is None:
        return []
    where = f"{xlsx.INFO_SHEET} {reading.organisation_cell}".strip()
    if reading.organisation_problem:
        message = _("%(problem)s工作簿须注明本报告的公开主体“%(name)s”，才能填入本报告。") % {
            "problem": reading.organisation_problem,
            "name": organisation.name,
        }
        return [xlsx.layout_problem(message, where)]
    names = {xlsx.normalise_label(n) for n in (organisation.name, organisation.short_name) if n}
    if xlsx.normalise_label(reading.organisation) in names:
        return []
    message = _(
        "工作簿注明的公开主体是“%(found)s”，而本报告属于“%(name)s”，不能填入本报告："
        "请上传本机关的工作簿，或改正“%(sheet)s” %(cell)s 中的公开主体。"
    ) % {
        "found": reading.organisation,
        "name": organisation.name,
        "sheet": xlsx.INFO_SHEET,
        "cell": reading.organisation_cell,
    }
    return [xlsx.layout_problem(message, where)]


def check_upload(page, reading):
    """A workbook uploaded to ``page``: its layout, its year against the page's, and the rules
    with the page's previous report, its text (as last saved) and its organisation's level."""
    previous = page.previous_report()
    level = level_of(page.organisation)
    check = Check(level=level, organisation=reading.organisation, year=reading.year)
    check.notes += reading.notes
    check.located += reading.problems + _year_problem(reading, page.year)
    check.located += _organisation_problem(reading, page.organisation)
    check.located += check_tables(
        reading.tables,
        previous=previous.table_values() if previous else None,
        text=page.get_latest_revision_as_object().text(),
        level=level,
        year=page.year,
    )
    return check


def _same_organisation(last, reading):
    """Whether last year's workbook is the same organisation's (as far as both name one)."""
    if not last.organisation or not reading.organisation:
        return True
    return xlsx.normalise_label(last.organisation) == xlsx.normalise_label(reading.organisation)


def _other_organisation(last, reading):
    """R8 (and R5) compare with last year's report of the same organisation: another one's
    workbook given as ``--previous`` is said, and nothing is compared with it."""
    where = _("上年工作簿 %(sheet)s %(cell)s") % {
        "sheet": xlsx.INFO_SHEET,
        "cell": last.organisation_cell,
    }
    message = _(
        "上年工作簿“%(sheet)s” %(cell)s 注明的公开主体是“%(found)s”，而本工作簿是“%(name)s”："
        "它不是本公开主体的上年报告，未与它比较（R5、R8）。"
    ) % {
        "sheet": xlsx.INFO_SHEET,
        "cell": last.organisation_cell,
        "found": last.organisation,
        "name": reading.organisation,
    }
    return Finding("R8", Severity.WARNING, "table_a", "", "", "", "", message), where


def _unnamed_organisation(reading):
    """On the command line there is no report to compare the organisation with: a workbook
    hiding its name (a formula with no stored result, A1 relabelled) is a warning (an upload
    refuses it); a blank B1 is said by the note that R9 was not checked for want of a name."""
    if not reading.organisation_problem or reading.organisation_blank:
        return []
    finding = Finding(
        xlsx.LAYOUT, Severity.WARNING, "", "", "", "", "", reading.organisation_problem
    )
    return [(finding, f"{xlsx.INFO_SHEET} {reading.organisation_cell}")]


def check_file(path, *, text=None, previous_path=None, level=None):
    """A workbook on disk, with the report's prose (``text``, already read) and last year's
    workbook if given; the level is ``level`` or that of the organisation the workbook names."""
    reading = xlsx.read(path)
    check = Check(organisation=reading.organisation, year=reading.year)
    check.level = level or level_of_name(reading.organisation)
    check.located += reading.problems + _unnamed_organisation(reading)
    check.notes += reading.notes
    previous = None
    if previous_path:
        last = xlsx.read(previous_path)
        for finding, where in last.problems:
            check.located.append((finding, _("上年工作簿 %(where)s") % {"where": where}))
        if last.year and reading.year and last.year != reading.year - 1:
            message = _("上年工作簿注明的年度是 %(found)s，而本工作簿是 %(year)s 年度。") % {
                "found": last.year,
                "year": reading.year,
            }
            finding = Finding(xlsx.LAYOUT, Severity.WARNING, "", "", "", "", "", message)
            check.located.append((finding, _("上年工作簿")))
        if _same_organisation(last, reading):
            previous = {key: values for key, (_table, values) in last.tables.items()}
        else:
            check.located.append(_other_organisation(last, reading))
            check.notes.append(_("上年工作簿不是同一公开主体的，未检查 R5、R8。"))
    else:
        check.notes.append(_("未提供上年工作簿（--previous），未检查 R5、R8。"))
    if text is None:
        check.notes.append(_("未提供报告正文（--text），未检查 R6。"))
    if not check.level:
        check.notes.append(
            _("工作簿未注明公开主体或无法从名称判断层级，未检查 R9（可用 --level 指定）。")
        )
    check.located += check_tables(
        reading.tables, previous=previous, text=text or "", level=check.level, year=reading.year
    )
    return check
