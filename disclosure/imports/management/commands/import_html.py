"""python manage.py import_html DIR — pages saved from an old CMS (see html_pages.py)
imported as `import_documents` records: same checks, summary, progress and exit status."""

import json
from pathlib import Path

from django.core.management.base import CommandError

from disclosure.imports.files import FileFolder
from disclosure.imports.html_pages import page_record, page_text
from disclosure.imports.importer import ImportOptions

from .import_documents import Command as ImportDocumentsCommand

PAGE_SUFFIXES = {".html", ".htm", ".shtml"}


class Command(ImportDocumentsCommand):
    help = "从保存下来的原网站页面目录批量导入（元数据表、正文、附件链接），可重复执行。"

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="保存原网站页面的目录")
        parser.add_argument(
            "--column", default="", help="所有页面导入的栏目（标题或 slug）；默认按子目录"
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            default=None,
            help='JSON 文件：子目录 → 栏目，例如 {"gfxwj": "规范性文件", "bszn": "办事指南"}',
        )
        parser.add_argument("--base-url", default="", help="原网站根地址，作为各页面的原网址")
        parser.add_argument("--organisation", default="", help="公开主体（名称或机构代码）")
        parser.add_argument("--redirect-host", default="", help="原网站的域名：原网址跳转到新页面")

    def handle(self, *args, folder, column, mapping, base_url, organisation, redirect_host, **kw):
        if not folder.is_dir():
            raise CommandError(f"目录 {folder} 不存在或不是目录。")
        columns = self.read_mapping(mapping)
        pages = sorted(path for path in folder.rglob("*") if path.suffix.lower() in PAGE_SUFFIXES)
        lines = []
        for path in pages:
            relative = path.relative_to(folder).as_posix()
            top = relative.split("/")[0] if "/" in relative else ""
            record = page_record(
                page_text(path.read_bytes()),
                relative,
                column or columns.get(top, top),
                base_url,
            )
            if organisation:
                record["organisation"] = organisation
            lines.append(json.dumps(record, ensure_ascii=False))
        options = ImportOptions(
            source_name=folder.name,
            redirect_host=redirect_host,
            files=FileFolder(folder, takes_urls=True),
        )
        # Line n of the summary is the n-th page: name the page instead.
        names = {n: path.relative_to(folder).as_posix() for n, path in enumerate(pages, start=1)}
        summary = self.run_import(lines, len(lines), options, label=lambda n: names.get(n, str(n)))
        if not summary.total:
            raise CommandError(f"目录 {folder} 中没有网页文件（.html、.htm、.shtml）。")
        if summary.skipped:
            raise CommandError(f"有 {len(summary.skipped)} 个页面未导入，原因见上方列表。")

    def read_mapping(self, mapping):
        if mapping is None:
            return {}
        try:
            value = json.loads(mapping.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"无法读取栏目对照文件 {mapping}：{error}") from error
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise CommandError("栏目对照文件必须是 JSON 对象：子目录 → 栏目标题。")
        return value
