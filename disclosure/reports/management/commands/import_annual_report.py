from django.core.management.base import CommandError

from disclosure.reports.files.importer import ImportFormatError, import_report
from disclosure.reports.files.report_text import DocumentError, read_document
from disclosure.reports.management.chinese_command import ChineseCommand


class Command(ChineseCommand):
    help = (
        "导入一份年度报告（文本、Word 或 PDF），建立草稿页面；年度取自标题（须与 --year 一致），"
        "核对标题中的机构，并列出空白或无法读取的单元格、未能对应到统计表的表格行。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="报告文件：.txt（UTF-8 或 GBK）、.docx 或 .pdf")
        parser.add_argument("--organisation", required=True, help="公开主体名称（全称或简称）")
        parser.add_argument(
            "--year", type=int, help="报告年度；默认取报告标题中的年度，给出时须与标题一致"
        )

    def handle(self, *args, **options):
        try:
            text = read_document(options["file"])
        except (OSError, DocumentError) as error:
            raise CommandError(f"无法读取文件：{error}") from error
        try:
            page, parsed = import_report(text, options["organisation"], options["year"])
        except ImportFormatError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已建立草稿：{page.title}（页面 {page.pk}，{page.url_path}）")
        self.stdout.write(
            f"统计表格式：表一 {parsed.tables['table_a'][0]}，表二 {parsed.tables['table_b'][0]}"
        )
        if parsed.blanks:
            self.stdout.write(f"发现 {len(parsed.blanks)} 个空白或无法读取的单元格（已留空）：")
            for finding in parsed.blanks:
                self.stdout.write(f"  {finding.message}")
        else:
            self.stdout.write("所有单元格均已填写。")
        if parsed.unplaced:
            self.stdout.write(f"有 {len(parsed.unplaced)} 行未能放入统计表：")
            for line in parsed.unplaced:
                self.stdout.write(f"  {line}")
