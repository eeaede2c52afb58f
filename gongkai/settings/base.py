"""Settings shared by every environment; everything that differs comes from the environment."""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(environ.Env().str("GONGKAI_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; real environment variables win

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "gongkai",  # the project package: healthz, backup/restore commands
    "home",
    "disclosure.catalogue",
    "disclosure.reports",
    "disclosure.moderation",
    "disclosure.applications",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_celery_beat",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "gongkai.page_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "gongkai.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "gongkai.wsgi.application"

# Database: SQLite (WAL, busy timeout) unless DATABASE_URL names another server.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the Celery worker writes; IMMEDIATE transactions
    # take the write lock up front so concurrent writers wait (timeout) instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache_url("CACHE_URL", default="locmemcache://gongkai"),
    # Rendered public pages (gongkai/page_cache.py). Its own store, because publishing clears
    # all of it: on Redis, a database of its own (never the broker's or the default cache's).
    # On disk by default so the web process and the Celery worker (which publishes scheduled
    # pages) share it.
    "pages": env.cache_url("PAGE_CACHE_URL", default=f"filecache://{VAR_DIR / 'page-cache'}"),
}
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first: the admin, dates and the default content locale.
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models exceed Django's default of 1,000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "政府信息公开平台"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "ofd",
    "doc",
    "docx",
    "wps",
    "xls",
    "xlsx",
    "et",
    "zip",
    "jpg",
    "png",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Government networks are often closed, and visitors' data stays here: no calls from the
# admin to Wagtail's release feed or to Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Background work: Celery everywhere. With no broker configured the embedded default is
# kombu's filesystem transport (see docs/decisions.md): no server to install or start.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))


def embedded_celery(folder):
    """Broker and result settings for kombu's filesystem transport, rooted at `folder`."""
    for sub in ("queue", "control", "results"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return {
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_BROKER_TRANSPORT_OPTIONS": {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "control_folder": str(folder / "control"),
            "store_processed": False,
            "polling_interval": 0.2,
        },
        "CELERY_RESULT_BACKEND": f"file://{folder / 'results'}",
    }


if CELERY_BROKER_URL:
    CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
else:
    globals().update(embedded_celery(VAR_DIR / "celery"))
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 3600
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Wagtail's own background tasks (search and reference index updates) go through Celery.
TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}

# /healthz/: the services that must answer for the site to count as up.
HEALTHZ_REQUIRED = env.list(
    "HEALTHZ_REQUIRED", default=["database", "cache", "broker", "worker", "search"]
)

# Roles (groups). The names are the ones editors see; code refers to them by key.
GONGKAI_GROUPS = {
    "editors": "信息员",
    "reviewers": "初审",
    "secrecy": "保密审查",
    "leaders": "分管领导",
    "administrators": "管理员",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint reports each layout step (and parses its stylesheets at import) at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Search: the database backend by default; a search engine when one is configured.
# Both engines get the Chinese analysis (search/engine.py's INDEX_SETTINGS).
_engine = next(
    (
        (backend, env.str(variable))
        for variable, backend in (
            ("ELASTICSEARCH_URL", "search.backends.elasticsearch8"),
            ("OPENSEARCH_URL", "search.backends.opensearch2"),
        )
        if env.str(variable, default="")
    ),
    None,
)
if _engine:
    from search.engine import engine_backend

    WAGTAILSEARCH_BACKENDS["default"] = engine_backend(
        *_engine, env.str("SEARCH_INDEX_PREFIX", default="gongkai_")
    )

# ---------------------------------------------------------------- Applications (依申请公开)
# Applicants' ID proofs: outside MEDIA_ROOT, never served by the web server.
GONGKAI_PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))
INSTALLED_APPS += ["captcha"]  # self-hosted CAPTCHA of the public application form
CAPTCHA_LENGTH = 5
GONGKAI_APPLICATION_PROOF_MAX_BYTES = 5 * 1024 * 1024
GONGKAI_APPLICATION_RATE = (10, 3600)  # submissions per IP per hour
GONGKAI_APPLICATION_LOOKUP_RATE = (20, 3600)  # failed status look-ups per IP per hour
CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    "applications-deadline-reminders": {
        "task": "applications.send_deadline_reminders",
        "schedule": 24 * 60 * 60,  # daily; django-celery-beat's DatabaseScheduler stores it
    },
}

# Chinese search (search app): the database backends index analysed text (search.analysis).
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database":
    WAGTAILSEARCH_BACKENDS["default"] = {"BACKEND": "search.backends.database"}
for _engine in WAGTAILSEARCH_BACKENDS.values():
    if "elasticsearch" in _engine["BACKEND"] or "opensearch" in _engine["BACKEND"]:
        from search.engine import INDEX_SETTINGS

        _engine["INDEX_SETTINGS"] = INDEX_SETTINGS
# Searches are counted by a Celery task (search.recording), never in the visitor's request;
# beyond this many per minute (per cache: shared on Redis) they are not counted at all.
GONGKAI_SEARCH_RECORD_PER_MINUTE = env.int("SEARCH_RECORD_PER_MINUTE", default=300)

# --- Disclosure catalogue (disclosure.catalogue) ---------------------------------------------
# Table blocks in item bodies; routes for the XLSX export and the feeds. Attachment uploads go
# through a form that refuses other types and sizes with a Chinese message.
INSTALLED_APPS += ["wagtail.contrib.table_block", "wagtail.contrib.routable_page"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "disclosure.catalogue.attachments.AttachmentForm"

# Moderation (disclosure/moderation): publishing a disclosure page is the review workflow's
# finish action, performed by the system; publishing never silently cancels a running review.
WAGTAIL_FINISH_WORKFLOW_ACTION = "disclosure.moderation.finish.publish_approved"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = False
# Review mail is ours (Celery): this app, after wagtail.admin, switches Wagtail's mails off.
INSTALLED_APPS += ["disclosure.moderation.wagtail_mail.WagtailWorkflowMailOffConfig"]
# Dashboard: unpublished items due (Art. 26) within this many working days are listed.
GONGKAI_MODERATION_ART26_WARN_DAYS = 5
# Reviewers are reminded of items waiting at their step longer than this many working days.
GONGKAI_MODERATION_REMINDER_WORKING_DAYS = 3
CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    "moderation-review-reminders": {
        "task": "moderation.send_review_reminders",
        "schedule": 24 * 60 * 60,  # daily
    },
    # Scheduled publishing (定时发布) and expiry: Wagtail's publish_scheduled, no cron.
    "moderation-publish-scheduled": {"task": "moderation.publish_scheduled", "schedule": 60},
}


# --- Languages and access (docs/languages.md) ---------------------------------------------
# Content locales are LANGUAGES above; `languages` creates their Locale rows after migrate and
# provides the language switcher, hreflang links and the display (text size, contrast) switch.
INSTALLED_APPS += ["gongkai.languages"]
TEMPLATES[0]["OPTIONS"]["context_processors"] += ["gongkai.languages.context.display"]
