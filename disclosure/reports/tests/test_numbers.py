"""What a cell may hold, on every way in: the admin form (draft or publish), an uploaded
workbook, the checker command, the text importer. Anything but a finite, non-negative whole
number (a fee: finite, ≥ 0, at most 4 decimals) is an R7 error on its cell, never a traceback,
never stored."""

import json
import re
from decimal import Decimal
from io import BytesIO, StringIO
from zipfile import ZIP_DEFLATED, ZipFile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from wagtail.models import Revision

from disclosure.catalogue.models.organisations import Level
from disclosure.reports import blocks
from disclosure.reports.files import checker
from disclosure.reports.filling import drafts
from disclosure.reports.models import AnnualReportPage
from disclosure.reports.rules.checks import check_report
from disclosure.reports.rules.findings import errors
from disclosure.reports.tables import cells
from disclosure.reports.tests.factories import (
    ORGANISATION,
    consistent_b,
    consistent_report,
    make_index,
    make_report,
    post_data,
    workbook_upload,
)
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

BAD_COUNTS = [
    "Infinity",
    "-Infinity",
    "inf",
    "NaN",
    "sNaN",
    "-0",
    "1e3",
    "-1",
    "3.5",
    "3.0",
    "+3",
    "99999999999999999999",
    pytest.param("9" * 5000, id="5000-digits"),  # int() itself raises beyond 4300 digits
    "１２",  # full-width digits: int() would read 12
    "三",
]
BAD_FEES = ["Infinity", "NaN", "sNaN", "-0", "-0.1", "1e3", "0.12345", "１", "99999999999999"]

NEW = t.TABLE_B_2021.rows[0]
NATURAL = t.TABLE_B_COLUMNS[0]
FEES = next(row for row in t.TABLE_A_2021.rows if row.key == "fees")
AMOUNT = t.TABLE_A_2021.block_of("fees").columns[0]


# ---------------------------------------------------------------- the definition
@pytest.mark.parametrize("raw", BAD_COUNTS)
def test_a_bad_count_is_kept_as_written_and_is_an_r7_error(raw):
    value = cells.parse(raw, t.COUNT)
    assert value == raw.strip()
    table_b = consistent_b()
    table_b["new"]["natural"] = value
    findings = check_report({"table_b": table_b})
    assert [(f.rule, f.row, f.column) for f in findings] == [("R7", "new", "natural")]
    assert f"读到“{raw}”" in findings[0].message and "非负整数" in findings[0].message


@pytest.mark.parametrize("raw", BAD_FEES)
def test_a_bad_fee_is_an_r7_error(raw):
    table_a = consistent_report()["table_a"]
    table_a["fees"]["amount"] = cells.parse(raw, t.AMOUNT)
    findings = check_report({"table_a": table_a})
    assert [(f.rule, f.row, f.column) for f in findings] == [("R7", "fees", "amount")]


@pytest.mark.parametrize(
    "value",
    [
        Decimal("Infinity"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("-0"),
        float("inf"),
        float("nan"),
        -0.0,
        True,
        10**13,
    ],
)
def test_values_handed_to_the_rules_directly_never_raise(value):
    """Whatever a caller passes, the rules report it (R7) instead of comparing it."""
    table_a = consistent_report()["table_a"]
    table_a["fees"]["amount"] = value
    table_b = consistent_b()
    table_b["new"]["natural"] = value
    findings = check_report({"table_a": table_a, "table_b": table_b}, level=Level.TOWNSHIP)
    assert {(f.rule, f.row) for f in errors(findings)} == {("R7", "new"), ("R7", "fees")}


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("0", t.COUNT, 0),
        (" 12 ", t.COUNT, 12),
        (12.0, t.COUNT, 12),  # a spreadsheet's number
        ("-3", t.CHANGE, -3),
        ("0.35", t.AMOUNT, Decimal("0.35")),
        (0.1 + 0.2, t.AMOUNT, Decimal("0.3")),  # =0.1+0.2 in a spreadsheet
        (100.0, t.AMOUNT, Decimal("100")),
        ("9999999999.9999", t.AMOUNT, cells.MAX_AMOUNT),
        (str(cells.MAX_COUNT), t.COUNT, cells.MAX_COUNT),
    ],
)
def test_valid_values_are_read(raw, kind, expected):
    value = cells.parse(raw, kind)
    assert value == expected and type(value) is type(expected)
    assert str(value) == str(expected)  # 100, not 1E+2


# ---------------------------------------------------------------- the block (admin form)
@pytest.mark.parametrize("raw", BAD_COUNTS)
def test_the_cell_field_refuses_a_bad_count_even_in_a_draft(raw):
    block = blocks.TableB2021Block()
    field = block.child_blocks["new__natural"].field
    with pytest.raises(Exception) as raised:
        field.clean(raw)
    assert "读到" in raised.value.messages[0] and "“一、本年新收" in raised.value.messages[0]


@pytest.mark.parametrize("raw", BAD_FEES)
def test_the_cell_field_refuses_a_bad_fee(raw):
    field = blocks.TableA2021Block().child_blocks["fees__amount"].field
    with pytest.raises(Exception) as raised:
        field.clean(raw)
    assert "行政事业性收费" in raised.value.messages[0]


def test_the_cell_field_reads_a_good_value():
    block = blocks.TableA2021Block()
    assert block.child_blocks["fees__amount"].field.clean("0.35") == Decimal("0.35")
    assert block.child_blocks["normative__issued"].field.clean("7") == 7


def test_no_bad_value_reaches_the_database():
    block = blocks.TableA2021Block()
    value = block.to_python(consistent_report()["table_a"])
    value["fees__amount"] = Decimal("Infinity")
    with pytest.raises(blocks.InvalidCellValue, match="行政事业性收费"):
        block.get_prep_value(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "action"),
    [
        *[(raw, None) for raw in ("Infinity", "NaN", "sNaN", "-0", "1e3", "１２", "9" * 20)],
        ("Infinity", "action-publish"),
        ("-0", "action-publish"),
    ],
)
def test_the_edit_view_puts_r7_on_the_cell_and_saves_nothing(admin_client, raw, action):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    table_b = consistent_b()
    table_b["new"]["natural"] = raw
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), post_data(table_b, action)
    )
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    cell_errors = error.block_errors[4].block_errors
    assert list(cell_errors) == ["new__natural"]
    assert f"读到“{raw}”" in cell_errors["new__natural"].messages[0]
    page.refresh_from_db()
    assert page.latest_revision_id == latest


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["Infinity", "NaN", "sNaN", "-0.1", "0.12345"])
def test_the_edit_view_refuses_a_bad_fee(admin_client, raw):
    page = make_report(make_index(), 2024, publish=False)
    table_a = consistent_report()["table_a"]
    table_a["fees"]["amount"] = raw
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        post_data(consistent_b(), None, table_a=table_a),
    )
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    assert list(error.block_errors[2].block_errors) == ["fees__amount"]


# ---------------------------------------------------------------- a workbook
def _bad_workbook_values(raw):
    values = consistent_report()
    values["table_b"]["new"]["natural"] = raw
    values["table_a"]["fees"]["amount"] = raw
    return values


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["Infinity", "NaN", "sNaN", "-0", "1e3", "１２", "9" * 20, "-1"])
def test_the_upload_names_the_cells_and_writes_nothing(admin_client, raw):
    index = make_index()
    page = make_report(index, 2024, publish=False)
    latest = page.latest_revision_id
    response = admin_client.post(
        reverse("reports:upload", args=[page.pk]),
        {"workbook": workbook_upload(_bad_workbook_values(raw))},
    )
    assert response.status_code == 200
    html = response.content.decode()
    new_cell = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "natural")]
    fee_cell = xlsx.cell_addresses(t.TABLE_A_2021)[("fees", "amount")]
    assert f"表二 {new_cell}" in html and f"表一 {fee_cell}" in html
    assert "未写入报告" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


@pytest.mark.parametrize("raw", ["Infinity", "NaN", "sNaN", "-0", "1e3", "１２", "9" * 20])
def test_the_command_reports_r7_on_the_cell(tmp_path, capsys, raw):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook_upload(_bad_workbook_values(raw), "").read())
    with pytest.raises(SystemExit) as exited:
        call_command("check_annual_report", str(path))
    assert exited.value.code == 1
    out = capsys.readouterr().out
    new_cell = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "natural")]
    fee_cell = xlsx.cell_addresses(t.TABLE_A_2021)[("fees", "amount")]
    assert f"R7 错误 表二 {new_cell}:" in out and f"R7 错误 表一 {fee_cell}:" in out
    assert "Traceback" not in out


def test_numbers_stored_as_spreadsheet_numbers_are_checked_too(tmp_path):
    """A numeric cell holding a fraction or a huge number: an R7 error on its cell."""
    for raw, rows in ((2.5, {"new"}), (1e20, {"new", "fees"}), (0.12345, {"new", "fees"})):
        path = tmp_path / "numbers.xlsx"
        path.write_bytes(workbook_upload(_bad_workbook_values(raw), "").read())
        located = checker.check_tables(xlsx.read_workbook(path))
        assert {(f.rule, f.row) for f, _cell in located} == {("R7", row) for row in rows}, raw


@pytest.mark.parametrize("raw", [float("inf"), float("-inf"), float("nan"), -0.0, 1e20, 0.5])
def test_spreadsheet_floats_that_are_not_counts(raw):
    assert not cells.is_valid(cells.parse(raw, t.COUNT), t.COUNT)


# ---------------------------------------------------------------- filling and the PDF
@pytest.mark.django_db
def test_a_fill_with_a_bad_value_is_refused_before_the_database(admin_user):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    table_a = consistent_report()["table_a"]
    table_a["fees"]["amount"] = Decimal("Infinity")
    with pytest.raises(blocks.InvalidCellValue):
        drafts.save_filled_draft(page, admin_user, {"table_a": (t.FORMAT_2021, table_a)}, "x")
    page.refresh_from_db()
    assert page.latest_revision_id == latest


@pytest.mark.django_db
def test_a_bad_value_stored_before_this_check_is_reported_not_a_crash(client, admin_client):
    """A revision written before cells were checked (raw JSON with "Infinity"): the page, its
    PDF and the edit view show it, and R7 names it."""
    page = make_report(make_index(), 2024)
    page.refresh_from_db()
    revision = Revision.objects.get(pk=page.live_revision_id)
    body = json.loads(revision.content["body"])
    for child in body:
        if child["type"] == "table_a":
            child["value"]["fees"]["amount"] = "Infinity"
        if child["type"] == "table_b":
            child["value"]["new"]["natural"] = "NaN"
    revision.content["body"] = json.dumps(body)
    # Written as an older version of the code could have stored it, past today's checks.
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE reports_annualreportpage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps(body), page.pk],
        )
    page = AnnualReportPage.objects.get(pk=page.pk)
    assert client.get(page.url).status_code == 200
    pdf = client.get(page.url + "pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    findings = page.findings()
    assert {(f.rule, f.row) for f in errors(findings)} == {("R7", "fees"), ("R7", "new")}
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200 and "读到“Infinity”" in edit.content.decode()


# ---------------------------------------------------------------- numbers as a file stores them
def _stored(values, replace=None, organisation=""):
    """The workbook of ``values``, its XML's "<v>424242</v>" replaced by ``replace``: what a
    program other than ours may store in a numeric cell."""
    content = workbook_upload(values, organisation).read()
    if replace is None:
        return content
    source, target = BytesIO(content), BytesIO()
    with ZipFile(source) as old, ZipFile(target, "w", ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<v>424242</v>", f"<v>{replace}</v>".encode())
            new.writestr(item, data)
    return target.getvalue()


def _command(tmp_path, content):
    path = tmp_path / "stored.xlsx"
    path.write_bytes(content)
    out = StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("check_annual_report", str(path), stdout=out)
    assert exited.value.code == 1
    return out.getvalue()


NEW_CELL = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "natural")]
FEE_CELL = xlsx.cell_addresses(t.TABLE_A_2021)[("fees", "amount")]


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
def test_an_infinite_or_nan_spreadsheet_number_is_an_r7_error_not_a_blank(tmp_path, number):
    """openpyxl stores these as an empty numeric value, and reads that back as a blank."""
    out = _command(tmp_path, _stored(_bad_workbook_values(number)))
    assert f"R7 错误 表二 {NEW_CELL}:" in out and f"R7 错误 表一 {FEE_CELL}:" in out
    assert "非有限数值" in out and "空白" not in out


@pytest.mark.parametrize("number", [-0.0, "-0", "-0.0", "-0E0"])
def test_a_negative_zero_spreadsheet_number_is_refused_like_a_negative_one(tmp_path, number):
    values = _bad_workbook_values(-0.0 if number == -0.0 else 424242)
    out = _command(tmp_path, _stored(values, None if number == -0.0 else number))
    assert f"R7 错误 表二 {NEW_CELL}: " in out and f"R7 错误 表一 {FEE_CELL}: " in out
    assert "读到“-0" in out


@pytest.mark.parametrize("stored", ["1e999", "-1E999", "１２"])
def test_a_stored_number_openpyxl_reads_otherwise_is_an_r7_error_as_written(tmp_path, stored):
    """openpyxl reads "<v>1e999</v>" as an infinity and "<v>１２</v>" (full-width) as 12."""
    out = _command(tmp_path, _stored(_bad_workbook_values(424242), stored))
    assert f"R7 错误 表二 {NEW_CELL}: " in out and f"读到“{stored}”" in out


@pytest.mark.parametrize("stored", ["inf", "NaN", "Infinity"])
def test_a_stored_number_openpyxl_cannot_read_names_its_cell(tmp_path, stored):
    """openpyxl refuses the whole file on "<v>inf</v>": the refusal names the cells."""
    path = tmp_path / "stored.xlsx"
    path.write_bytes(_stored(_bad_workbook_values(424242), stored))
    with pytest.raises(CommandError) as refused:
        call_command("check_annual_report", str(path), stdout=StringIO())
    message = str(refused.value)
    assert f"工作表“表二” {NEW_CELL} 的数值“{stored}”" in message
    assert f"工作表“表一” {FEE_CELL} 的数值“{stored}”" in message


@pytest.mark.django_db
@pytest.mark.parametrize("number", [float("inf"), float("nan"), -0.0])
def test_the_upload_refuses_an_infinite_nan_or_negative_zero_number(admin_client, number):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    upload = SimpleUploadedFile(
        "统计表.xlsx", _stored(_bad_workbook_values(number), organisation=ORGANISATION)
    )
    response = admin_client.post(reverse("reports:upload", args=[page.pk]), {"workbook": upload})
    html = response.content.decode()
    assert response.status_code == 200 and f"表二 {NEW_CELL}" in html and "未写入报告" in html
    assert "空白" not in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


def _without_cell_addresses(content, row):
    """The workbook with the `r` of each cell of sheet row ``row`` left off, as OOXML allows."""
    source, target = BytesIO(content), BytesIO()
    with ZipFile(source) as old, ZipFile(target, "w", ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'(<c) r="[A-Z]+%d"' % row, rb"\1", data)
            new.writestr(item, data)
    return target.getvalue()


def test_a_negative_zero_in_a_cell_without_its_address_is_still_refused(tmp_path):
    row = int(re.sub(r"[A-Z]", "", NEW_CELL))
    content = _without_cell_addresses(_stored(_bad_workbook_values(424242), "-0"), row)
    assert f'r="{NEW_CELL}"'.encode() not in ZipFile(BytesIO(content)).read(
        "xl/worksheets/sheet2.xml"
    )
    out = _command(tmp_path, content)
    assert f"R7 错误 表二 {NEW_CELL}: " in out and "读到“-0" in out
