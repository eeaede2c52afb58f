"""An organisation's level (乡镇、县、市、省、部门), as recorded or as its name says.

The level decides rule R9 (townships make no 规章) and the report's deadline (Art. 49). An
organisation records it (``Organisation.level``); a workbook only names its organisation, and a
Chinese organ's name ends in what it is: "…镇人民政府", "…街道办事处", "东湖街道", "…苏木",
"…县人民政府", "…局".
"""

import re
import unicodedata

from disclosure.catalogue.models import Level, Organisation

# What may follow the place in the name of its government (tried longest first).
_GOVERNMENT = r"(?:人民政府|政府|街道办事处|办事处|街道办|街道工委)?"
# The township's own office reports for the township (友谊镇人民政府综合办公室).
_TOWNSHIP_OFFICE = r"(?:综合办公室|党政办公室|党政综合办公室|党政办|办公室)?"

_PATTERNS = (
    (Level.TOWNSHIP, re.compile(rf"(?:镇|乡|街道|苏木){_GOVERNMENT}{_TOWNSHIP_OFFICE}$")),
    # A department: an office, bureau, commission… of a government at any level.
    (
        Level.DEPARTMENT,
        re.compile(r"(?:局|厅|委员会|委|办公室|办公厅|办|中心|署|院|部|队|所|站|处|科)$"),
    ),
    (Level.PROVINCE, re.compile(rf"(?:省|自治区|^(?:北京|天津|上海|重庆)市){_GOVERNMENT}$")),
    (Level.CITY, re.compile(rf"(?:市|自治州|州|盟|地区){_GOVERNMENT}$")),
    (Level.COUNTY, re.compile(rf"(?:县|区|旗|林区|特区){_GOVERNMENT}$")),
)


def level_from_name(name):
    """The level a name's ending says, or "" when it says none (a county-level city's
    government "…市人民政府" reads as a city: record the level on the organisation)."""
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))
    for level, pattern in _PATTERNS:
        if pattern.search(name):
            return level.value
    return ""


def level_of(organisation):
    """The recorded level of an organisation, else the one its name says ("" if unknown)."""
    if organisation is None:
        return ""
    return organisation.level or level_from_name(organisation.name)


def level_of_name(name):
    """For a file that names its organisation: the level recorded on the organisation of that
    name (full or short) when there is one, else the level its name says."""
    if not name:
        return ""
    recorded = (
        Organisation.objects.filter(name=name).values_list("level", flat=True).first()
        or Organisation.objects.filter(short_name=name).values_list("level", flat=True).first()
    )
    return recorded or level_from_name(name)
