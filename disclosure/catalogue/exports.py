"""The 便民服务事项清单 as a spreadsheet."""

from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse

from gongkai import spreadsheets

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["序号", "事项名称", "办理部门", "办理依据", "办理时限", "是否收费", "办理地点"]


def service_item_rows(page):
    for number, block in enumerate(page.items, start=1):
        item = block.value
        yield [
            number,
            item["name"],
            item["department"],
            item["basis"],
            item["time_limit"],
            "是" if item["charged"] else "否",
            item["location"],
        ]


def service_items_workbook(page):
    # Imported on use: every web worker imports this module, few ever need openpyxl (27 MB)
    # (docs/performance.md, "Worker memory").
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "便民服务事项清单"
    spreadsheets.append_row(sheet, [page.title])
    sheet["A1"].font = Font(bold=True, size=14)
    spreadsheets.append_row(sheet, HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in service_item_rows(page):
        spreadsheets.append_row(sheet, row)
    for column, width in zip("ABCDEFG", (6, 30, 20, 40, 14, 10, 30), strict=True):
        sheet.column_dimensions[column].width = width
    return workbook


def service_items_xlsx_response(page):
    buffer = BytesIO()
    service_items_workbook(page).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    filename = quote(f"{page.title}.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
