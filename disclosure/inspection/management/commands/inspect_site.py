"""``manage.py inspect_site [--organisation NAME] [--json]``: what an inspector would find."""

import difflib
import io
import json
import os

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from pypinyin import lazy_pinyin

from disclosure.catalogue.models import Organisation
from disclosure.reports.management.chinese_command import ChineseCommand

from ...indicators import any_veto, inspect

# Exit statuses: a deployment check tells a failed inspection from a mistyped name, and from an
# inspection that could not run (which says nothing about the site: never the veto's 1).
PASSED, VETO, UNKNOWN_ORGANISATION, FAILED = 0, 1, 2, 3


def _display(value):
    return "—" if value is None else value


def close_names(typed, organisations, limit=3):
    """Up to `limit` organisations' names (with the short name) closest to `typed`: compared
    with difflib to each full name, short name and their pinyin (an office types “youyizhen”
    on a terminal without a Chinese input method), and any name that contains what was typed
    or is contained in it first."""
    typed_keys = {typed, _pinyin(typed)}
    scored = []
    for full, short in organisations:
        labels = [label for label in (full, short) if label]
        keys = {key for label in labels for key in (label, _pinyin(label))}
        contains = any(t in key or key in t for t in typed_keys for key in keys if t and key)
        ratio = max(
            difflib.SequenceMatcher(None, t, key).ratio() for t in typed_keys for key in keys
        )
        if contains or ratio >= 0.5:
            scored.append((contains, ratio, full, short))
    scored.sort(key=lambda row: (not row[0], -row[1], row[2]))
    return [f"{full}（{short}）" if short else full for _c, _r, full, short in scored[:limit]]


def _pinyin(text):
    return "".join(lazy_pinyin(text)).replace(" ", "").lower()


class Command(ChineseCommand):
    help = (
        "按国办秘函〔2019〕19号的检查指标检查网站内容（实时计算）。"
        f"退出状态：{PASSED} 单项否决项全部通过；{VETO} 有单项否决项不合格；"
        f"{UNKNOWN_ORGANISATION} 没有所填名称的公开主体；{FAILED} 检查出错，未能完成。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="公开主体的全称或简称；不填则检查全平台。")
        parser.add_argument("--json", action="store_true", dest="as_json", help="以 JSON 输出。")

    def handle(self, *args, organisation=None, as_json=False, **options):
        # An empty name is a mistake (an unset variable in a script), not a request for the
        # whole platform: leaving the option out asks for that.
        target = self._organisation(organisation) if organisation is not None else None
        try:
            results = inspect(target)
        except Exception as failure:
            raise CommandError(
                _("检查出错，未能完成：%(error)s") % {"error": failure}, returncode=FAILED
            ) from failure
        try:
            if as_json:
                self._write_json(target, results)
            else:
                self._write_text(target, results)
            self.stdout.flush()
        except BrokenPipeError:
            self._stop_writing()
        if any_veto(results):
            raise SystemExit(VETO)

    def _stop_writing(self):
        """The reader left (`inspect_site | head`): what is still buffered goes nowhere, so
        neither this write nor the interpreter's flush at exit ends in a BrokenPipeError."""
        try:
            descriptor = self.stdout.fileno()
        except (AttributeError, io.UnsupportedOperation):
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
        os.close(devnull)

    def _organisation(self, name):
        name = name.strip()
        if not name:
            raise CommandError(
                _("请填写公开主体的全称或简称；要检查全平台，请不要使用 --organisation。"),
                returncode=UNKNOWN_ORGANISATION,
            )
        found = Organisation.objects.filter(name=name) or Organisation.objects.filter(
            short_name=name
        )
        if not found:
            raise CommandError(self._unknown(name), returncode=UNKNOWN_ORGANISATION)
        return found[0]

    def _unknown(self, name):
        message = _("没有名为“%(name)s”的公开主体。") % {"name": name}
        close = close_names(name, Organisation.objects.values_list("name", "short_name"))
        if close:
            message += _("是否要找：%(names)s？") % {"names": "、".join(close)}
        return message

    def _write_json(self, target, results):
        report = {
            "organisation": target.name if target else None,
            "veto": any_veto(results),
            "indicators": [self._indicator(result) for result in results],
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str))

    @staticmethod
    def _indicator(result):
        data = result.as_dict()
        if not result.is_veto_item:
            data["threshold"] = None  # a deduction item never fails alone
        return data

    def _write_text(self, target, results):
        self.stdout.write(target.name if target else _("全平台"))
        for result in results:
            numbers = "，".join(
                f"{label} {_display(value)}" for label, value in result.labelled_numbers
            )
            # A deduction item never fails alone: it has no threshold to show.
            threshold = f"（{_('阈值')} {result.threshold}）" if result.is_veto_item else ""
            self.stdout.write(
                f"[{result.status_label}] {result.name}：{result.count}"
                f"{threshold}{('；' + numbers) if numbers else ''}"
            )
            for finding in result.findings:
                mark = finding.mark or "-"
                # A finding about no page (an organisation without a catalogue) has no id.
                page = f"#{finding.page_id} " if finding.page_id is not None else ""
                self.stdout.write(f"    {mark} {page}{finding.title}：{finding.detail}")
