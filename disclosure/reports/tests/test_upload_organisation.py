"""An upload must name the report's own organisation in 报告信息 B1 as a plain value: a formula
(unless the file stores its result, which must then match), a blank B1, the name beside it, or
another label in A1 is refused naming the cell, and nothing is saved. The command line, with no
report to compare, warns."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from disclosure.reports.filling import drafts
from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

OWN = "友谊县东风镇人民政府"
OTHER = "友谊县人民政府办公室"


def _workbook(change, organisation=OTHER):
    tables = {key: (t.table(t.FORMAT_2021, key), v) for key, v in consistent_report().items()}
    book = xlsx.workbook(tables, organisation=organisation, year=2024)
    change(book[xlsx.INFO_SHEET])
    buffer = BytesIO()
    book.save(buffer)  # openpyxl stores no result for a formula: as a file written by a script
    return buffer.getvalue()


def _formula(sheet):
    sheet["B1"] = f'="{OTHER}"'


def _concatenate(sheet):
    sheet["B1"] = '=CONCATENATE("友谊县","人民政府办公室")'


def _relabelled(sheet):
    sheet["A1"] = OTHER


def _beside(sheet):
    sheet["C1"], sheet["B1"] = OTHER, None


def _blank(sheet):
    sheet["B1"] = None


def _spaces(sheet):
    sheet["B1"] = " \u3000 "  # blank to the eye: half- and full-width spaces


VARIANTS = {
    "formula": (_formula, "B1 是公式"),
    "concatenate": (_concatenate, "B1 是公式"),
    "relabelled": (_relabelled, "A1 应为“公开主体”"),
    "beside": (_beside, "B1 空白"),
    "blank": (_blank, "B1 空白"),
    "spaces": (_spaces, "B1 空白"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_workbook_not_naming_the_organisation_in_b1_is_refused_and_nothing_saved(
    admin_client, variant
):
    change, said = VARIANTS[variant]
    page = make_report(make_index(name=OWN), 2024, publish=False)
    latest = page.latest_revision_id
    upload = SimpleUploadedFile("统计表.xlsx", _workbook(change))
    response = admin_client.post(reverse("reports:upload", args=[page.pk]), {"workbook": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert said in html and f"须注明本报告的公开主体“{OWN}”" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest
    assert not PageLogEntry.objects.filter(page=page, action=drafts.LOG_ACTION).exists()


def _with_stored_result(content, result):
    """The file as Excel saves it: the formula in B1 with its result stored beside it."""
    import zipfile

    source, target = BytesIO(content), BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if b"<f>" in data and item.filename.startswith("xl/worksheets/"):
                text = data.decode()
                start = text.index("<f>")
                end = text.index("</f>", start) + len("</f>")
                cell_start = text.rindex("<c ", 0, start)
                head = text[cell_start:start].replace('t="str"', "").replace(">", ' t="str">', 1)
                text = text[:cell_start] + head + text[start:end] + f"<v>{result}</v>" + text[end:]
                data = text.encode()
            new.writestr(item, data)
    return target.getvalue()


@pytest.mark.django_db
def test_a_formulas_stored_result_is_read_and_must_be_the_reports_organisation(admin_client):
    page = make_report(make_index(name=OWN), 2024, publish=False)
    url = reverse("reports:upload", args=[page.pk])
    latest = page.latest_revision_id
    other = _with_stored_result(_workbook(_formula), OTHER)
    response = admin_client.post(url, {"workbook": SimpleUploadedFile("a.xlsx", other)})
    assert f"工作簿注明的公开主体是“{OTHER}”" in response.content.decode()
    page.refresh_from_db()
    assert page.latest_revision_id == latest
    own = _with_stored_result(_workbook(lambda s: s.__setitem__("B1", f'="{OWN}"')), OWN)
    response = admin_client.post(url, {"workbook": SimpleUploadedFile("a.xlsx", own)})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.latest_revision_id != latest


@pytest.mark.parametrize("variant", ["formula", "concatenate", "relabelled"])
def test_the_command_warns_of_a_workbook_naming_no_organisation(tmp_path, variant):
    change, said = VARIANTS[variant]
    path = tmp_path / "report.xlsx"
    path.write_bytes(_workbook(change))
    out = StringIO()
    try:
        call_command("check_annual_report", str(path), stdout=out)
        code = 0
    except SystemExit as exited:
        code = exited.code
    output = out.getvalue()
    line = next(line for line in output.splitlines() if said in line)
    assert "警告" in line and "错误" not in line.split(":")[0]
    assert code == 0


@pytest.mark.parametrize("variant", ["beside", "blank"])
def test_the_command_notes_a_blank_b1(tmp_path, variant):
    path = tmp_path / "report.xlsx"
    path.write_bytes(_workbook(VARIANTS[variant][0]))
    out = StringIO()
    call_command("check_annual_report", str(path), stdout=out)
    assert "说明：工作簿未注明公开主体或无法从名称判断层级，未检查 R9" in out.getvalue()
