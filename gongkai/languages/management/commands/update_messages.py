from django.core.management.base import BaseCommand

from gongkai.languages.catalogues import update_catalogues


class Command(BaseCommand):
    help = "更新界面文本目录：makemessages，简体中文译文取自原文，编译 .mo（make messages）。"

    def handle(self, *args, **options):
        update_catalogues(verbosity=options["verbosity"])
