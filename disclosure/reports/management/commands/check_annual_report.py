from django.conf import settings
from django.core.management.base import CommandError
from django.utils import translation

from disclosure.catalogue.models import Level
from disclosure.reports.files.checker import check_file
from disclosure.reports.files.report_text import DocumentError, prose, read_document
from disclosure.reports.management.chinese_command import ChineseCommand
from disclosure.reports.workbook.file_errors import os_error_reason
from disclosure.reports.workbook.xlsx import LayoutError


class Command(ChineseCommand):
    help = (
        "检查年度报告统计表工作簿（本系统的 XLSX 格式）：表格版式、勾稽关系 R1–R9，"
        "可同时对照报告正文（R6）和上年工作簿（R5、R8）。有错误时退出码为 1。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="本年的统计表工作簿（.xlsx）")
        parser.add_argument("--text", help="报告正文（.txt、.docx 或 .pdf），检查 R6")
        parser.add_argument("--previous", help="上年的统计表工作簿（.xlsx），检查 R5、R8")
        parser.add_argument(
            "--level",
            choices=Level.values,
            help="公开主体的层级；默认按工作簿“报告信息”注明的公开主体判断",
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):  # a Chinese line per finding
            self.check_files(options)

    def check_files(self, options):
        try:
            text = prose(read_document(options["text"])) if options["text"] else None
            check = check_file(
                options["file"],
                text=text,
                previous_path=options["previous"],
                level=options["level"],
            )
        except (LayoutError, DocumentError) as error:
            raise CommandError(str(error)) from error
        except OSError as error:  # its own words are English
            raise CommandError(os_error_reason(error)) from error
        if check.organisation:
            level = dict(Level.choices).get(check.level, "未知")
            self.stdout.write(f"公开主体：{check.organisation}（层级：{level}）")
        for line in check.lines():
            self.stdout.write(line)
        for note in check.notes:
            self.stdout.write(f"说明：{note}")
        errors, warnings = len(check.errors), len(check.warnings)
        self.stdout.write(f"共 {errors} 个错误，{warnings} 个警告。")
        if errors:
            raise SystemExit(1)
