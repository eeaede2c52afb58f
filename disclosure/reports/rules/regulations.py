"""R8 and R9: what Table A says of the 规章 and 规范性文件 an organisation makes (warnings)."""

from django.utils.translation import gettext as _

from disclosure.catalogue.models.organisations import Level
from disclosure.statutory import tables as t

from .findings import Finding, Severity, cell_value, is_number, row_label

# Only the people's governments of provinces and of 设区的市 may make 规章 (立法法 第九十三条);
# the levels whose reports must show none:
WITHOUT_REGULATIONS = {Level.TOWNSHIP, Level.COUNTY, Level.DEPARTMENT}


# ---------------------------------------------------------------- R8, R9: Table A
def check_r8(table_a, previous_table_a):
    """现行有效 this year ≈ last year's 现行有效 + 本年制发 − 本年废止 (2021 format; a warning)."""
    if not previous_table_a:
        return []
    findings = []
    for row in ("regulations", "normative"):
        issued = cell_value(table_a, row, "issued")
        abolished = cell_value(table_a, row, "abolished")
        in_force = cell_value(table_a, row, "in_force")
        previous = cell_value(previous_table_a, row, "in_force")
        if None in (issued, abolished, in_force, previous):
            continue
        expected = previous + issued - abolished
        if in_force == expected:
            continue
        left = f"现行有效件数 = {in_force}"
        right = f"上年现行有效 {previous} + 本年制发 {issued} − 本年废止 {abolished} = {expected}"
        message = _("表一 行%(row)s：%(left)s，但 %(right)s，请核对。") % {
            "row": row_label(t.TABLE_A_2021, row),
            "left": left,
            "right": right,
        }
        findings.append(
            Finding("R8", Severity.WARNING, "table_a", row, "in_force", left, right, message)
        )
    return findings


def check_r9(table_a, level):
    """Townships, counties and departments cannot make 规章 (立法法 第九十三条): their 规章
    counts are 0. ``level`` is the organisation's (catalogue.Level); unknown: no check."""
    if level not in WITHOUT_REGULATIONS:
        return []
    findings = []
    for column, value in ((table_a or {}).get("regulations") or {}).items():
        if not is_number(value, t.CHANGE) or value == 0:
            continue
        left = f"规章 = {value}"
        message = _(
            "表一 行“规章”：%(level)s无权制定规章（立法法第九十三条：只有省级和设区的市级人民政府"
            "可以制定规章），%(left)s，应为 0。"
        ) % {"level": Level(level).label, "left": left}
        findings.append(
            Finding("R9", Severity.WARNING, "table_a", "regulations", column, left, "0", message)
        )
    return findings
