"""python manage.py import_documents FILE.jsonl — see disclosure/imports/importer.py."""

from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from disclosure.imports.files import FileFolder
from disclosure.imports.importer import ImportOptions, ImportSummary, import_documents

PLAIN_PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = "从 JSONL 文件批量导入原网站的公开信息（每行一个 JSON 对象），可重复执行。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSONL 文件路径")
        parser.add_argument(
            "--redirect-host",
            default="",
            help="原网站的域名（如 www.example.gov.cn）：其上的 source_url 跳转到导入后的页面",
        )
        parser.add_argument(
            "--files",
            type=Path,
            default=None,
            help="存放原网站附件的目录：attachments 中的路径或原网址（按网址路径）在此目录中查找",
        )

    def handle(self, *args, file, redirect_host, files, **options):
        if files is not None and not files.is_dir():
            raise CommandError(f"附件目录 {files} 不存在或不是目录。")
        # Attachments are looked up in --files (which also takes the old site's URLs), else
        # next to the JSONL file.
        folder = FileFolder(files, takes_urls=True) if files else FileFolder(file.parent)
        try:
            handle = file.open("rb")
        except FileNotFoundError as error:
            raise CommandError(f"无法打开文件 {file}：文件不存在。") from error
        except IsADirectoryError as error:
            raise CommandError(f"无法打开文件 {file}：这是一个目录。") from error
        except PermissionError as error:
            raise CommandError(f"无法打开文件 {file}：没有读取权限。") from error
        except OSError as error:
            raise CommandError(f"无法打开文件 {file}：{error.strerror}") from error
        with handle:
            total = sum(1 for _ in handle)
            handle.seek(0)
            summary = self.run_import(
                handle,
                total,
                ImportOptions(source_name=file.name, redirect_host=redirect_host, files=folder),
            )
        if not summary.total:
            raise CommandError(f"文件 {file} 中没有记录：每行应为一个 JSON 对象。")
        if summary.skipped:
            raise CommandError(f"有 {len(summary.skipped)} 行未导入，原因见上方列表。")

    def run_import(self, lines, total, options, label=None):
        """Import with a progress display, then report. Stopped by Ctrl-C, it reports what the
        batches committed before it (their notes are the editor's to-do list: a re-run counts
        those lines 未变化 and does not repeat them) and exits with 130."""
        summary = ImportSummary()
        report = partial(self.report, label=label) if label else self.report
        try:
            with self.progress(total) as progress:
                import_documents(lines, progress=progress, options=options, summary=summary)
        except KeyboardInterrupt:
            report(summary, heading="导入已中断")
            raise CommandError(
                "导入已中断：上面汇总的记录已经导入。重新运行同一命令即可继续，已导入的计为“未变化”。",
                returncode=130,
            ) from None
        if summary.total:  # nothing at all: the caller says so instead of "新建 0 篇"
            report(summary)
        return summary

    def progress(self, total):
        """A bar on a terminal; a plain line every hundred lines when piped or logged."""
        if self.stderr.isatty():
            return TerminalProgress(total, self.stderr._out)
        return PlainProgress(total, self.stderr)

    def report(self, summary, label=lambda line_number: f"第 {line_number} 行", heading="导入完成"):
        self.stdout.write(
            f"{heading}：新建 {len(summary.created)} 篇，更新 {len(summary.updated)} 篇，"
            f"未变化 {len(summary.unchanged)} 篇，跳过 {len(summary.skipped)} 行。"
        )
        if summary.notes:
            self.stdout.write("已导入，待编辑补充或核对：")
            for line_number, note in summary.notes:
                self.stdout.write(f"  {label(line_number)}：{note}")
        if summary.skipped:
            self.stdout.write("跳过的行：")
            for line_number, reason in summary.skipped:
                self.stdout.write(f"  {label(line_number)}：{reason}")


class TerminalProgress:
    def __init__(self, total, stream):
        self.bar = tqdm(total=total, file=stream, unit="行", desc="导入")

    def __call__(self, line_number):
        self.bar.update(line_number - self.bar.n)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.bar.close()


class PlainProgress:
    def __init__(self, total, stream):
        self.total = total
        self.stream = stream

    def __call__(self, line_number):
        if line_number % PLAIN_PROGRESS_EVERY == 0 or line_number == self.total:
            self.stream.write(f"已处理 {line_number}/{self.total} 行")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None
