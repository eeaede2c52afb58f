from django.core.management.base import BaseCommand, CommandError

from gongkai.backup import BackupError, restore_archive


class Command(BaseCommand):
    help = "恢复：用备份归档替换当前数据库和媒体文件（先校验，后替换）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backup 命令生成的 .tar.gz 文件")
        parser.add_argument("--yes", action="store_true", help="不询问，直接替换")

    def handle(self, *args, archive, yes, **options):
        if not yes:
            answer = input("这将覆盖当前数据库和全部媒体文件。继续吗？[y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
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
