from django.core.management.base import BaseCommand, CommandError

from gongkai.backup import BackupError, create_archive


class Command(BaseCommand):
    help = "备份：把数据库和全部媒体文件写入一个带日期的归档文件。"

    def add_arguments(self, parser):
        parser.add_argument("--output", default="var/backups", help="归档文件所在目录")

    def handle(self, *args, output, **options):
        def progress(done, total):
            if done == total or done % 100 == 0:
                self.stderr.write(f"\r媒体文件 {done}/{total}", ending="")

        try:
            archive = create_archive(output, progress=progress)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write("")
        self.stdout.write(self.style.SUCCESS(f"备份完成：{archive}"))
