"""The reports' commands speak Chinese on every path: Django prints a refusal as
``CommandError: …`` and argparse a bad option as ``error: argument --level: invalid choice``,
both in English, so a command of this app says its refusal, and a wrong option, in Chinese."""

import sys

from django.core.management.base import BaseCommand, CommandError, SystemCheckError
from django.utils.translation import gettext as _


class ChineseCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        command = f"python manage.py {subcommand}"

        def error(_english_message):
            message = _("命令参数有误：请检查文件和选项。运行 %(command)s --help 查看用法。") % {
                "command": command
            }
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
