"""What the site already knows, as tables to fill a report with: Tables B and C counted from the
application register, Table A's 行政规范性文件 row counted from the catalogue. Writing them into
a draft is ``drafts.py``."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from disclosure.applications.statistics import table_b, table_c
from disclosure.catalogue.models import PolicyDocumentPage
from disclosure.catalogue.models.items import PolicyKind
from disclosure.catalogue.models.items_base import Validity
from disclosure.catalogue.roots import disclosure_root_of
from disclosure.statutory import tables as t


class FillError(ValueError):
    """The tables cannot be filled this way (the message says why, in Chinese)."""


# ---------------------------------------------------------------- from the register
def register_tables(page):
    """Tables B and C of ``page``'s organisation and year, counted from the register."""
    organisation = page.organisation
    if organisation is None:
        raise FillError(_("该年度报告不在任何机构的信息公开目录下，无法从登记簿统计。"))
    values_b = table_b(organisation, page.year)
    format_b = t.FORMAT_2021
    if page.report_format == t.FORMAT_2019:
        values_b, format_b = table_b_as_2019(values_b), t.FORMAT_2019
    return {
        "table_b": (format_b, values_b),
        "table_c": (t.FORMAT_2021, table_c(organisation, page.year)),
    }


def table_b_as_2019(values):
    """The 2021 Table B in the 2019 layout: the three （六） rows become one 其他处理 row."""
    other_rows = [row.key for row in t.TABLE_B_2021.rows if row.parent == t.OTHER]
    converted = {row: dict(cells) for row, cells in values.items() if row not in other_rows}
    converted[t.OTHER] = {
        column.key: sum(values[row][column.key] for row in other_rows)
        for column in t.TABLE_B_COLUMNS
    }
    return converted


def register_message(page):
    return _("依据依申请公开登记簿统计填入表二、表三（%(organisation)s，%(year)s 年度）。") % {
        "organisation": page.organisation.name,
        "year": page.year,
    }


# ---------------------------------------------------------------- from the catalogue
def normative_counts(root, year):
    """规范性文件 of a disclosure root in ``year``: issued, abolished, in force at year end.

    Counted over the public 政策文件 (the catalogue's rule: live, every column above live, no
    view restriction) of kind 规范性文件 under the root: the table is published as what the
    organisation disclosed, so a document the public cannot reach is not counted. A document
    is issued on its 成文日期 (or its 发布日期 when that is blank); abolished on its 废止日期;
    in force at the end of the year when issued by then and not abolished by then. A document
    marked 失效 without a date is not in force (the catalogue does not say when it lapsed).
    """
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    documents = (
        PolicyDocumentPage.objects.descendant_of(root)
        .live()
        .public()
        .filter(kind=PolicyKind.NORMATIVE)
    )
    issued_by = Q(written_on__lte=last) | Q(written_on__isnull=True, published_on__lte=last)
    issued_in = Q(written_on__range=(first, last)) | Q(
        written_on__isnull=True, published_on__range=(first, last)
    )
    return {
        "issued": documents.filter(issued_in).count(),
        "abolished": documents.filter(abolished_on__range=(first, last)).count(),
        "in_force": documents.filter(issued_by)
        .filter(Q(abolished_on__isnull=True) | Q(abolished_on__gt=last))
        .exclude(validity=Validity.EXPIRED)
        .count(),
    }


def catalogue_tables(page):
    """Table A with its 行政规范性文件 row counted from the catalogue; other cells kept."""
    if page.report_format != t.FORMAT_2021:
        raise FillError(
            _("从目录统计只适用于 2021 年格式的表一；2019 年试行格式的表一请手工填写。")
        )
    root = disclosure_root_of(page)
    if root is None:
        raise FillError(_("该年度报告不在任何机构的信息公开目录下，无法从目录统计。"))
    current = page.get_latest_revision_as_object().table_values().get("table_a")
    values = current or t.TABLE_A_2021.empty_values()
    values = {row: dict(cells) for row, cells in values.items()}
    values["normative"].update(normative_counts(root, page.year))
    return {"table_a": (t.FORMAT_2021, values)}


def catalogue_message(page, tables):
    counts = tables["table_a"][1]["normative"]
    return _(
        "依据政府信息公开目录中的规范性文件统计填入表一“行政规范性文件”行（%(year)s 年度）："
        "本年制发 %(issued)s 件，本年废止 %(abolished)s 件，现行有效 %(in_force)s 件。"
    ) % {"year": page.year, **counts}
