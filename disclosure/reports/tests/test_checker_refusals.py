"""The checker's refusals: last year's workbook of another organisation
is not compared (R8 says so), and every file the checker, the upload and the commands cannot
read is refused in Chinese — never the English words of openpyxl, zipfile or the system."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from disclosure.catalogue.models import Level
from disclosure.reports.management.commands.check_annual_report import Command
from disclosure.reports.tests.checking import CARRIED_IN, run, workbook_file
from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from disclosure.reports.workbook import xlsx


@pytest.mark.django_db
def test_last_years_workbook_of_another_organisation_is_named_and_not_compared(tmp_path):
    last = consistent_report()
    last["table_b"]["carried_out"].update(natural=2, total=2)  # this year carries in 1: R5
    last["table_a"]["normative"]["in_force"] = 9  # this year: 9 + 2 − 1 ≠ 5: R8
    previous = workbook_file(
        tmp_path, last, organisation="某县西湖镇人民政府", year=2023, name="last.xlsx"
    )
    this = workbook_file(tmp_path, organisation="某县东湖镇人民政府", year=2024)
    out, code = run(this, "--previous", previous)
    assert (
        "R8 警告 上年工作簿 报告信息 B1: 上年工作簿“报告信息” B1 注明的公开主体是"
        "“某县西湖镇人民政府”，而本工作簿是“某县东湖镇人民政府”" in out
    )
    assert "R5 错误" not in out and "R8 警告 表一" not in out
    assert "说明：上年工作簿不是同一公开主体的，未检查 R5、R8。" in out
    assert code == 0


@pytest.mark.django_db
def test_last_years_workbook_of_the_same_organisation_is_compared(tmp_path):
    last = consistent_report()
    last["table_b"]["carried_out"].update(natural=2, total=2)
    previous = workbook_file(
        tmp_path, last, organisation="某县东湖镇人民政府", year=2023, name="last.xlsx"
    )
    this = workbook_file(tmp_path, organisation="某县 东湖镇人民政府", year=2024)
    out, code = run(this, "--previous", previous)
    assert f"R5 错误 表二 {CARRIED_IN}:" in out and code == 1
    assert "不是同一公开主体" not in out


# ---------------------------------------------------------------- files that are no workbook
def _good_bytes():
    buffer = io.BytesIO()
    xlsx.workbook({}).save(buffer)
    return buffer.getvalue()


def _corrupt_zip():
    """A member's compressed data damaged: the zip's CRC check fails."""
    data = bytearray(_good_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + 25):
        data[offset] ^= 0xFF
    return bytes(data)


def _zip_of_something_else():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("说明.txt", "不是工作簿")
    return buffer.getvalue()


# Excel saves a workbook with an opening password as an OLE2 compound file holding the
# encrypted zip as the stream "EncryptedPackage" (MS-OFFCRYPTO); the old .xls is OLE2 too.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
BAD_FILES = {
    "corrupt zip": (_corrupt_zip, "已损坏"),
    "not a workbook": (lambda: "不是工作簿".encode(), "不是 .xlsx 工作簿"),
    "a zip of something else": (_zip_of_something_else, "不是有效的 .xlsx 工作簿"),
    "encrypted": (lambda: OLE2 + "EncryptedPackage".encode("utf-16-le"), "设有打开密码"),
    "old .xls": (lambda: OLE2 + "Workbook".encode("utf-16-le"), ".xls"),
    "truncated": (lambda: _good_bytes()[:1500], "不完整或已损坏"),
    "empty": (lambda: b"", "不是 .xlsx 工作簿"),
}
# The only Latin words a message may hold: names of formats, programs and the command.
LATIN_ALLOWED = {
    "xlsx",
    "xls",
    "Excel",
    "WPS",
    "Office",
    "zip",
    "python",
    "manage",
    "py",
    "check_annual_report",
    "help",
    "KB",
    "MB",
    "docx",
    "pdf",
    "txt",
}


def assert_chinese(message, path=None):
    message = message.replace(str(path), "") if path else message  # a name is not a message
    assert re.search(r"[\u4e00-\u9fff]", message), message
    words = set(re.findall(r"[A-Za-z_]{2,}", message))
    assert words <= LATIN_ALLOWED, (words - LATIN_ALLOWED, message)


@pytest.mark.parametrize("kind", BAD_FILES)
def test_reading_a_file_that_is_no_workbook_says_why_in_chinese(kind):
    make, says = BAD_FILES[kind]
    with pytest.raises(xlsx.LayoutError) as refused:
        xlsx.read(io.BytesIO(make()))
    assert says in str(refused.value)
    assert str(refused.value).startswith("无法读取该文件：")
    assert_chinese(str(refused.value))


@pytest.mark.parametrize("kind", BAD_FILES)
def test_the_command_refuses_it_in_chinese(kind, tmp_path):
    make, says = BAD_FILES[kind]
    path = tmp_path / "报告.xlsx"
    path.write_bytes(make())
    with pytest.raises(CommandError) as refused:
        call_command("check_annual_report", str(path))
    assert says in str(refused.value)
    assert_chinese(str(refused.value))
    good = workbook_file(tmp_path, name="good.xlsx")
    with pytest.raises(CommandError) as refused:  # as last year's workbook too
        call_command("check_annual_report", str(good), "--previous", str(path))
    assert_chinese(str(refused.value))


def test_a_missing_file_or_a_directory_is_said_in_chinese(tmp_path):
    for path, says in ((tmp_path / "无此文件.xlsx", "文件不存在"), (tmp_path, "目录")):
        with pytest.raises(CommandError) as refused:
            call_command("check_annual_report", str(path))
        assert says in str(refused.value)
        assert_chinese(str(refused.value), path)
    with pytest.raises(CommandError) as refused:
        call_command("import_annual_report", str(tmp_path / "无此文件.txt"), organisation="某县")
    assert "文件不存在" in str(refused.value)
    assert_chinese(str(refused.value))


def test_on_the_command_line_the_refusal_and_a_wrong_option_are_chinese(tmp_path, capsys):
    path = tmp_path / "报告.xlsx"
    path.write_bytes(b"")
    for argv, code in (
        ([str(path)], 1),
        ([str(path), "--level", "village"], 2),
        ([], 2),
    ):
        with pytest.raises(SystemExit) as exited:
            Command().run_from_argv(["manage.py", "check_annual_report", *argv])
        assert exited.value.code == code
        error = capsys.readouterr().err.strip()
        assert error.startswith("错误：") and "CommandError" not in error
        # the option and the values typed or to type are named as typed
        assert_chinese(re.sub(rf"--level|village|file|\b(?:{'|'.join(Level.values)})\b", "", error))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_FILES)
def test_the_upload_refuses_it_in_chinese(kind, admin_client):
    make, says = BAD_FILES[kind]
    index = make_index()
    report = make_report(index, 2024, publish=False)
    upload = SimpleUploadedFile("统计表.xlsx", make())
    response = admin_client.post(reverse("reports:upload", args=[report.pk]), {"workbook": upload})
    assert response.status_code == 200
    html = response.content.decode()
    if kind != "empty":  # Django's own field refuses an empty file, in the admin's language
        assert says in html
    errors = re.findall(r'<p class="error-message">\s*(.*?)\s*</p>', html, re.S)
    assert errors
    for error in errors:
        assert_chinese(error)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["报告.xlsx", "--level", "village"], "选项 --level 的值“village”无效，可选：township、"),
        ([], "缺少参数：file（本年的统计表工作簿（.xlsx））"),
        (["报告.xlsx", "多余.xlsx"], "无法识别的参数：多余.xlsx"),
        (["报告.xlsx", "--text"], "选项 --text 需要一个值"),
    ],
)
def test_a_wrong_option_is_named_in_chinese(argv, says, capsys):
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "check_annual_report", *argv])
    assert exited.value.code == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"错误：{says}"), error


def test_the_help_is_chinese(capsys):
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "check_annual_report", "--help"])
    assert exited.value.code == 0
    help_text = capsys.readouterr().out
    assert (
        help_text.startswith("用法：") and "选项" in help_text and "显示本帮助并退出" in help_text
    )
    # what is left in Latin letters is the command, its options and their values
    prose = re.sub(
        r"--?[a-z-]+|\{[a-z,0-9]+\}|[A-Z_]{2,}|manage\.py|check_annual_report", "", help_text
    )
    prose = re.sub(
        r"myproject\.settings\.main|/home/djangoprojects/myproject|\.(?:xlsx|txt|docx|pdf)",
        "",
        prose,
    )
    prose = re.sub(
        r"\b(?:file|[Pp]ython|township|county|city|province|department|XLSX)\b", "", prose
    )
    assert not re.findall(r"[A-Za-z]{2,}", prose), re.findall(r"[A-Za-z]{2,}", prose)


def test_a_workbook_given_as_the_text_is_named_as_the_mistake(tmp_path):
    """Given as --text, a workbook was refused as "neither UTF-8 nor GBK", which says nothing
    of the mistake; so was a workbook renamed .txt."""
    path = workbook_file(tmp_path)
    with pytest.raises(CommandError) as refused:
        call_command("check_annual_report", str(path), text=str(path))
    assert "“report.xlsx”是统计表工作簿，不是报告正文" in str(refused.value)
    assert "编码" not in str(refused.value)
    renamed = tmp_path / "正文.txt"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(CommandError) as refused:
        call_command("check_annual_report", str(path), text=str(renamed))
    assert "“正文.txt”不是文本文件" in str(refused.value)
