"""``manage.py inspect_site [--organisation NAME] [--json]``: what an inspector would find."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation

from ...indicators import any_veto, inspect


class Command(BaseCommand):
    help = "按国办秘函〔2019〕19号的检查指标检查网站内容；有单项否决项时以状态 1 退出。"

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="公开主体的全称或简称；不填则检查全平台。")
        parser.add_argument("--json", action="store_true", dest="as_json", help="以 JSON 输出。")

    def handle(self, *args, organisation=None, as_json=False, **options):
        target = self._organisation(organisation) if organisation else None
        results = inspect(target)
        if as_json:
            self._write_json(target, results)
        else:
            self._write_text(target, results)
        if any_veto(results):
            raise SystemExit(1)

    def _organisation(self, name):
        found = Organisation.objects.filter(name=name) or Organisation.objects.filter(
            short_name=name
        )
        if not found:
            raise CommandError(_("没有名为“%(name)s”的公开主体。") % {"name": name})
        return found[0]

    def _write_json(self, target, results):
        report = {
            "organisation": target.name if target else None,
            "veto": any_veto(results),
            "indicators": [result.as_dict() for result in results],
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str))

    def _write_text(self, target, results):
        self.stdout.write(target.name if target else _("全平台"))
        for result in results:
            numbers = "，".join(f"{key}={value}" for key, value in result.numbers.items())
            self.stdout.write(
                f"[{result.status_label}] {result.name}：{result.count}"
                f"（{_('阈值')} {result.threshold}）{('；' + numbers) if numbers else ''}"
            )
            for finding in result.findings:
                mark = _("即将") if finding.upcoming else "-"
                self.stdout.write(
                    f"    {mark} #{finding.page_id} {finding.title}：{finding.detail}"
                )
