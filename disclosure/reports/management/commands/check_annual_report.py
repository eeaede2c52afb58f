from django.core.management.base import BaseCommand, CommandError

from disclosure.reports.xlsx import LayoutError, check_workbook


class Command(BaseCommand):
    help = "检查年度报告统计表（本系统的 XLSX 格式）的勾稽关系；有错误时退出码为 1。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="XLSX 文件")
        parser.add_argument("--township", action="store_true", help="乡镇、街道（检查 R9）")

    def handle(self, *args, **options):
        try:
            located = check_workbook(options["file"], township=options["township"])
        except (LayoutError, OSError) as error:
            raise CommandError(str(error)) from error
        for finding, cell in located:
            self.stdout.write(f"{finding.rule} {finding.severity_label} {cell}: {finding.message}")
        errors = sum(1 for finding, _cell in located if finding.is_error)
        warnings = len(located) - errors
        self.stdout.write(f"共 {errors} 个错误，{warnings} 个警告。")
        if errors:
            raise SystemExit(1)
