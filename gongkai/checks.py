"""Deployment mistakes that would lose data, caught by `manage.py check`."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def page_cache_has_its_own_store(app_configs, **kwargs):
    # Publishing clears the whole page cache (Redis FLUSHDB): sharing a Redis database with
    # the broker or the default cache would drop queued tasks, sessions and rate limits.
    pages = settings.CACHES.get("pages", {})
    if not pages.get("BACKEND", "").endswith("RedisCache"):
        return []
    location = str(pages.get("LOCATION", ""))
    shared = {
        "CACHES['default']": str(settings.CACHES["default"].get("LOCATION", "")),
        "CELERY_BROKER_URL": getattr(settings, "CELERY_BROKER_URL", ""),
    }
    return [
        Error(
            f"页面缓存 PAGE_CACHE_URL ({location}) 与 {name} 使用同一个 Redis 数据库；"
            "发布时会清空页面缓存，请为它指定单独的数据库编号。",
            hint="例如 PAGE_CACHE_URL=redis://redis:6379/2",
            id="gongkai.E001",
        )
        for name, other in shared.items()
        if other and other.rstrip("/") == location.rstrip("/")
    ]
