from django.core.management.base import BaseCommand

from gongkai.site_url import align_default_site, base_url
from home.demo import accounts_summary, load_demo


class Command(BaseCommand):
    help = "载入演示内容（友谊镇）：只在数据库中尚无演示内容时载入一次。"

    def handle(self, *args, **options):
        if load_demo(english=True):
            self.stdout.write(self.style.SUCCESS("演示内容已载入 (demo content loaded)."))
        else:
            self.stdout.write("演示内容已存在，未作改动 (demo content already present).")
        # Every run, not only the first: `make run` may be started on another PORT.
        if align_default_site():
            self.stdout.write(f"站点地址已设为 {base_url()} (site address set).")
        self.stdout.write(accounts_summary())
