"""The reports' commands speak Chinese on every path: Django prints a refusal as
``CommandError: …``, argparse a bad option as ``error: argument --level: invalid choice`` and
its ``--help`` with English headings and Django's options in English; a command of this app
says its refusal, a wrong option (which one, and what is wrong) and its help in Chinese."""

import re
import sys

from django.core.management.base import (
    BaseCommand,
    CommandError,
    DjangoHelpFormatter,
    SystemCheckError,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Django's options common to every command, by their destination.
_COMMON_HELP = {
    "help": gettext_lazy("显示本帮助并退出"),
    "version": gettext_lazy("显示程序版本并退出"),
    "verbosity": gettext_lazy("输出详细程度：0 最少，1 正常，2 详细，3 非常详细"),
    "settings": gettext_lazy(
        "设置模块的 Python 路径，如 myproject.settings.main；未给出时用环境变量 "
        "DJANGO_SETTINGS_MODULE"
    ),
    "pythonpath": gettext_lazy("加入 Python 搜索路径的目录，如 /home/djangoprojects/myproject"),
    "traceback": gettext_lazy("出错时显示完整的调用栈"),
    "no_color": gettext_lazy("输出不着色"),
    "force_color": gettext_lazy("强制输出着色"),
    "skip_checks": gettext_lazy("跳过系统检查"),
}


class _ChineseHelpFormatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=_("用法："))


def _argparse_error(english, parser):
    """argparse's English complaint in Chinese, naming the option and the value (a missing
    argument with its help); None when it is not one of the complaints a user of these
    commands meets."""
    readings = (
        (
            r"argument (?P<option>\S+?): invalid choice: '?(?P<value>.*?)'? "
            r"\(choose from (?P<choices>.*)\)",
            _("选项 %(option)s 的值“%(value)s”无效，可选：%(choices)s"),
        ),
        (
            r"argument (?P<option>\S+?): expected one argument",
            _("选项 %(option)s 需要一个值"),
        ),
        (
            r"argument (?P<option>\S+?): invalid (?P<kind>\w+) value: '?(?P<value>.*?)'?$",
            _("选项 %(option)s 的值“%(value)s”无效"),
        ),
        (r"the following arguments are required: (?P<names>.*)", _("缺少参数：%(names)s")),
        (r"unrecognized arguments: (?P<names>.*)", _("无法识别的参数：%(names)s")),
    )
    for pattern, message in readings:
        if match := re.fullmatch(pattern, english):
            values = match.groupdict()
            if "choices" in values:
                values["choices"] = "、".join(re.findall(r"'([^']*)'", values["choices"]))
            if "names" in values and english.startswith("the following"):
                helps = {a.dest: a.help for a in parser._actions if a.help}
                values["names"] = "、".join(
                    f"{name}（{helps[name]}）" if name in helps else name
                    for name in values["names"].split(", ")
                )
            return message % values
    return None


class ChineseCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser._positionals.title = _("参数")
        parser._optionals.title = _("选项")
        for action in parser._actions:
            if action.dest in _COMMON_HELP:
                action.help = str(_COMMON_HELP[action.dest])
        command = f"python manage.py {subcommand}"

        def error(english_message):
            hint = _("运行 %(command)s --help 查看用法。") % {"command": command}
            reason = _argparse_error(english_message, parser) or _("命令参数有误：请检查文件和选项")
            message = f"{reason}。{hint}"
            if parser.called_from_command_line:
                self.stderr.write(_("错误：%(message)s") % {"message": message})
                sys.exit(2)
            raise CommandError(message)

        parser.error = error
        return parser

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as refusal:
            called = getattr(self, "_called_from_command_line", False)
            if not called or options.get("traceback") or isinstance(refusal, SystemCheckError):
                raise
            self.stderr.write(_("错误：%(message)s") % {"message": refusal})
            sys.exit(refusal.returncode)
