"""Production: refuse unsafe configuration, then harden HTTPS, headers, caching and logs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CACHES,
    DEBUG,
    LOGGING,
    MIDDLEWARE,
    SECRET_KEY,
    STORAGES,
    VAR_DIR,
    env,
    inserted_after,
)

# base.py reads DEBUG and SECRET_KEY from the environment (off and empty by default); here
# production only refuses what it must not start with.
if DEBUG:
    raise ImproperlyConfigured("生产环境不得开启 DEBUG (DEBUG must be off in production).")

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "change-me")):
    raise ImproperlyConfigured(
        "SECRET_KEY 未设置或为默认值：请设置至少 50 个字符的随机密钥 "
        "(SECRET_KEY must be a random value of at least 50 characters)."
    )

# whitenoise serves the collected static files right after the security middleware.
MIDDLEWARE = inserted_after(
    MIDDLEWARE,
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # Media on S3-compatible object storage (MinIO, 阿里云 OSS, 腾讯云 COS …) when configured.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# The rate limits (gongkai/ratelimit.py) count in the default cache: a per-process memory cache
# would give each gunicorn worker its own count. Redis when REDIS_URL names one; with no cache
# configured, the embedded default is a file cache in GONGKAI_VAR_DIR, shared by the processes
# of one host; a memory cache asked for by CACHE_URL is refused.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    if env.str("CACHE_URL", default=""):
        raise ImproperlyConfigured(
            "CACHE_URL 不得为进程内存缓存 (locmemcache)：每个 gunicorn 进程会各自计算访问频率限制；"
            "请使用 Redis，或不设置 CACHE_URL 以使用进程间共享的文件缓存 "
            "(CACHE_URL must not be a per-process memory cache in production: each worker would "
            "count the rate limits on its own)."
        )
    if env.str("REDIS_URL", default=""):
        CACHES["default"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": "gongkai",
        }
    else:
        CACHES["default"] = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin frame: DENY would break it.
    "security.W019",
    # Joining the browsers' HSTS preload list binds every subdomain for years: the operator's
    # decision (SECURE_HSTS_PRELOAD=true), not a default.
    "security.W021",
]

# One JSON object per line on stderr, for the log collector (base.py's formatter and loggers);
# never a traceback to a visitor.
LOGGING["handlers"]["console"]["formatter"] = "json"

# Two-factor sign-in is required of the reviewing and administering roles and the register's
# handlers (GONGKAI_TWO_FACTOR_ROLES in base.py, docs/accounts.md).
GONGKAI_TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=True)
