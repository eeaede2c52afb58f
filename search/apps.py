from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "站内搜索"

    def ready(self):
        from search import guide_index, signals  # noqa: F401
