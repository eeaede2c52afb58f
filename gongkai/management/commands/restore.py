import sys

from django.core.management.base import BaseCommand, CommandError

from gongkai.backup import BackupError, restore_archive

# Scripts, cron and CI have no terminal to answer the question: say how to confirm instead of
# letting input() end in an EOFError traceback.
NO_TERMINAL = (
    "没有终端可以确认：恢复将覆盖当前数据库和全部媒体文件。"
    "确认要恢复，请加上 --yes 参数重新运行（manage.py restore --yes 归档文件）。"
)


def confirmed():
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(NO_TERMINAL)
    try:
        answer = input("这将覆盖当前数据库和全部媒体文件。继续吗？[y/N] ")
    except EOFError:
        raise CommandError(NO_TERMINAL) from None
    return answer.strip().lower() in {"y", "yes"}


class Command(BaseCommand):
    help = "恢复：用备份归档替换当前数据库和媒体文件（先校验，后替换）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backup 命令生成的 .tar.gz 文件")
        parser.add_argument("--yes", action="store_true", help="不询问，直接替换（脚本中使用）")

    def handle(self, *args, archive, yes, **options):
        if not yes and not confirmed():
            raise CommandError("已取消。")
        try:
            manifest = restore_archive(archive)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"已恢复 {manifest['created']} 的备份（{len(manifest['media'])} 个媒体文件）。"
            )
        )
