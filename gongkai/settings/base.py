"""Settings shared by every environment; everything that differs comes from the environment.

One setting, one place: each group below holds every setting of its concern. dev.py, test.py and
production.py import this module and override single settings after it.
"""

from datetime import timedelta
from pathlib import Path

import environ
from kombu import Exchange, Queue

# ------------------------------------------------------------------------- Paths and environment
PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# .env first (optional; real environment variables win): every setting below, VAR_DIR too, may
# come from it.
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")
VAR_DIR = Path(env.str("GONGKAI_VAR_DIR", default=str(BASE_DIR / "var")))

# ------------------------------------------------------------------------------------- Security
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# ------------------------------------------------------------------- Installed apps and middleware
# The order matters: an app's templates override those of the apps after it (moderation
# overrides Wagtail's admin templates), and Django runs the apps' ready() in this order.
INSTALLED_APPS = [
    "gongkai",  # the project package: healthz, backup/restore commands
    "gongkai.accounts",  # login throttling and two-factor sign-in (docs/accounts.md)
    "home",
    "disclosure.catalogue",
    "disclosure.reports",
    "disclosure.moderation",
    "disclosure.applications",
    "disclosure.workdays",
    "disclosure.imports",
    "disclosure.inspection",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "disclosure.moderation.people.users_app.UsersConfig",  # wagtail.users behind the walls
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
    # Wagtail writes "how long ago" with humanize's naturaltime; its Chinese ("49秒之前") is in
    # humanize's own catalogue, which Django reads only for an installed app.
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "captcha",  # self-hosted CAPTCHA of the public application form
    "csp",  # django-csp: the Content-Security-Policy header (gongkai/csp.py)
    # Table blocks in item bodies; routes for the XLSX export and the feeds (catalogue).
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    # Review mail is ours (Celery): this app, after wagtail.admin, switches Wagtail's mails off.
    "disclosure.moderation.wagtail_mail_off.apps.WagtailWorkflowMailOffConfig",
    # Creates the content locales' Locale rows after migrate; the language switcher, hreflang
    # links and the display (text size, contrast) switch (docs/languages.md).
    "gongkai.languages",
]

MIDDLEWARE = [
    # First, before everything a cached page does not need (gongkai/page_cache.py): a page is
    # stored with the headers the middleware below gave it, the security middleware's and its
    # Content-Security-Policy included. A request over plain HTTP has an address of its own,
    # never stored: the security middleware redirects it.
    "gongkai.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A page request that missed the page cache: the site and its home page from memory.
    "gongkai.remembered_site.RememberedSiteMiddleware",
    # The Content-Security-Policy header (CONTENT_SECURITY_POLICY below) on every answer, a
    # cached page's too (stored with it); in every environment, so that the tests run under
    # the policy.
    "gongkai.csp.CSPMiddleware",
    "gongkai.json_bodies.JsonDepthLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages: it tells the user why it sent them to enrolment.
    "gongkai.accounts.middleware.TwoFactorRequiredMiddleware",
    # Attachments used by live pages are refused to the request's user below site administrator.
    "disclosure.moderation.files.attachment_lock.ActingUserMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects, to public pages only.
    "disclosure.catalogue.public_redirects.PublicRedirectMiddleware",
    # Late, as django-axes asks: it turns a refused login into the lockout answer.
    "axes.middleware.AxesMiddleware",
    # Last, so its process_exception sees a view's "database is locked" first (gongkai/busy.py).
    "gongkai.busy.DatabaseBusyMiddleware",
]


def inserted_after(middleware, neighbour, item):
    """`middleware` with `item` right after `neighbour`, named: an environment adds its own
    middleware relative to a named one, never at a position that shifts when base.py's list
    changes."""
    at = middleware.index(neighbour) + 1
    return [*middleware[:at], item, *middleware[at:]]


# The public pages need nothing from other origins and run no inline script; gongkai/csp.py
# allows inline scripts in the admin only (Wagtail's editor). The admin's editor sets inline
# styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *env.list("CSP_EXTRA_IMG_SRC", default=[])],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}


# ------------------------------------------------------------------- URLs, templates and WSGI
ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The second: copies of Wagtail admin templates (gongkai/languages/wagtail_templates).
        "DIRS": [PROJECT_DIR / "templates", PROJECT_DIR / "languages" / "wagtail_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # The visitor's display choices: text size and contrast (gongkai/languages).
                "gongkai.languages.context.display",
            ],
        },
    },
]

# ------------------------------------------------------------------------------------- Database
# SQLite (WAL, busy timeout) unless DATABASE_URL names another server.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# How long a write waits for a lock held by another process before it gives up and the editor
# is told the database is busy (gongkai/busy.py; measured in docs/deploy.md).
DATABASE_BUSY_TIMEOUT = env.int("DATABASE_BUSY_TIMEOUT", default=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the Celery worker writes; IMMEDIATE transactions
    # take the write lock up front so concurrent writers wait (timeout) instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": DATABASE_BUSY_TIMEOUT,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL waits for a row lock for ever by default; bound it like SQLite's wait.
        # And no JIT: it compiles any statement whose estimate passes 100,000, which the admin
        # explorer's listing (a dozen correlated subqueries Wagtail estimates as scans) always
        # does: 0.9 s of compiling for a 50 ms query (docs/performance.md).
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["options"] = (
            f"{_options.get('options', '')} -c lock_timeout={DATABASE_BUSY_TIMEOUT * 1000}"
            " -c jit=off"
        ).strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --------------------------------------------------------------------------------------- Caches
CACHES = {
    "default": env.cache_url("CACHE_URL", default="locmemcache://gongkai"),
    # Rendered public pages and their tokens (gongkai/page_cache.py). Its own store, so that
    # nothing else evicts the tokens: on Redis, a database of its own (never the broker's or the
    # default cache's). On disk by default so the web process and the Celery worker (which
    # publishes scheduled pages) share it; a county's pages and tokens fit in the entry limit.
    "pages": env.cache_url(
        "PAGE_CACHE_URL", default=f"filecache://{VAR_DIR / 'page-cache'}?max_entries=20000"
    ),
}
# On disk, without Django's compression (gongkai/page_store.py): every hit reads a page.
if CACHES["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache":
    CACHES["pages"]["BACKEND"] = "gongkai.page_store.PageFileCache"
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Copies of one page at addresses with a query string (a column's ?page=2, 适老化 ?text=2), per
# version of the page: each such address is a copy of its own, which anyone could mint.
PAGE_CACHE_VARIANTS = env.int("PAGE_CACHE_VARIANTS", default=64)

# ------------------------------ Accounts: throttling, two-factor sign-in, roles (docs/accounts.md)
# django-axes first: it refuses a locked username+IP before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock the combination, never the username alone (anyone could lock a 分管领导 out from
# elsewhere) nor the IP alone (a whole office shares one address behind its NAT).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
# Attempts during a lockout are refused without being counted, so the cool-off ends on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# The client address exactly as the application rate limiter reads it (REMOTE_ADDR only):
# throttling.client_address calls gongkai.ratelimit.client_ip.
AXES_CLIENT_IP_CALLABLE = "gongkai.accounts.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "gongkai.accounts.throttling.lockout_response"
# Failures and lockouts are recorded (AccessAttempt); a row per successful login is not:
# one write fewer on every login, and the lockouts are what an administrator acts on.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # the Wagtail admin has its own lockout view
# Wagtail's login form with the second factor (TOTP or a backup code).
WAGTAILADMIN_USER_LOGIN_FORM = "gongkai.accounts.forms.LoginForm"
OTP_TOTP_ISSUER = "政府信息公开平台"
# Two-factor sign-in is required for these roles (codes of gongkai.accounts.roles.Role;
# superusers count as 管理员) and groups (names apps register on
# gongkai.accounts.two_factor.TWO_FACTOR_GROUPS_HOOK: "application_handlers", the register's
# 依申请办理, who read applicants' personal data) when GONGKAI_TWO_FACTOR_REQUIRED is on:
# production turns it on, the demo leaves it optional (anyone may enrol; whoever has enrolled
# must use it). An unknown name stops `manage.py check` and `migrate` (accounts.E001).
GONGKAI_TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=False)
GONGKAI_TWO_FACTOR_ROLES = [
    "reviewers",
    "secrecy",
    "leaders",
    "administrators",
    "application_handlers",
]
GONGKAI_TWO_FACTOR_BACKUP_CODES = 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ----------------------------------------------------------- Languages (docs/languages.md)
# Chinese first: the admin, dates and the default content locale. Adding a content language is
# configuration only: `gongkai.languages` creates its Locale row after migrate.
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
# A translation submitted for a live page is made as a draft and goes through review like any
# page: wagtail-localize would publish it at once, which the review guard refuses, and the
# translator who had just submitted it read 没有权限 on the dashboard.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# ------------------------------------------------------------------- Static files and media
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Django serves /media/ itself (gongkai/media.py) only where no web server does it (make run).
GONGKAI_SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Applicants' ID proofs: outside MEDIA_ROOT, never served by the web server.
GONGKAI_PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media"))

# ------------------------------------------------------------------------------ Request bodies
# JSON request bodies (the admin API's actions) nest no deeper than this (gongkai/json_bodies.py).
GONGKAI_JSON_MAX_DEPTH = 32
# Complex page models exceed Django's default of 1,000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# -------------------------------------------------------------------------------------- Wagtail
WAGTAIL_SITE_NAME = "政府信息公开平台"
# The site's address as visitors and staff reach it: links in mails, and (through the default
# Site that `load_demo` aligns with it, gongkai/site_url.py) feeds, the sitemap and the API.
# `make run` serves on 127.0.0.1:$PORT; a server sets WAGTAILADMIN_BASE_URL to its own address.
PORT = env.int("PORT", default=8000)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{PORT}")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Government networks are often closed, and visitors' data stays here: no calls from the
# admin to Wagtail's release feed or to Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor to Wagtail's English guides (the "what's new" banner; the help menu's links are taken out
# in gongkai/languages/wagtail_hooks.py). The whole platform keeps Beijing time (statutory
# deadlines, logs): with one zone the account page offers no choice of 600 zone names.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
# Every rich-text field and block uses Draftail through the project's widget, which answers
# malformed contentstate with a field error instead of a server error (gongkai/rich_text_input.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "gongkai.rich_text_input.RichTextArea"}}
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
# Attachment uploads go through a form that refuses other types and sizes with a Chinese
# message (and, extending it, one that refuses to edit a file a live page uses:
# disclosure/moderation/files/attachment_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "disclosure.moderation.files.attachment_forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "disclosure.moderation.files.attachment_forms.ImageForm"
# Publishing a disclosure page is the review workflow's finish action, performed by the
# system; publishing never silently cancels a running review (disclosure/moderation).
WAGTAIL_FINISH_WORKFLOW_ACTION = "disclosure.moderation.review.finish.publish_approved"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = False

# --------------------------------------------------------------------------------------- Search
# The database backend, fed with analysed Chinese text (search.analysis), unless a search engine
# is configured; both engines' backend classes carry the Chinese analysis (search/engine.py).
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
# modelsearch's ATOMIC_REBUILD is on by default: `update_index` builds a new index beside the old
# one and moves the alias to it when it is full (docs/search.md, reindexing).
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {
            "BACKEND": _engine[0],
            "URLS": [_engine[1]],
            "INDEX_PREFIX": env.str("SEARCH_INDEX_PREFIX", default="gongkai_"),
            "TIMEOUT": 10,
        }
        if _engine
        else {"BACKEND": "search.backends.database"}
    ),
}
# Searches are counted by a Celery task (search.recording), never in the visitor's request;
# beyond this many per minute (per cache: shared on Redis) they are not counted at all.
GONGKAI_SEARCH_RECORD_PER_MINUTE = env.int("SEARCH_RECORD_PER_MINUTE", default=300)
# Live pages whose search-index entry is missing or older than their live revision.
GONGKAI_SEARCH_RECONCILE_BATCH = 500

# ------------------------------------------------------------------------------------------ Mail
# SMTP from the environment (dev.py prints mail to the console, test.py keeps it in memory).
# Every app's mail leaves after commit through the worker (gongkai/mail.py); the applicant's
# receipt alone is sent while the applicant waits (disclosure/applications/views.py), so a mail
# server that does not answer holds that request no longer than EMAIL_TIMEOUT seconds.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------- Background work: Celery
# Celery everywhere. With no broker configured the embedded default is kombu's filesystem
# transport (see docs/decisions.md): no server to install or start.


def embedded_celery(folder):
    """(broker URL, transport class, its options, result backend) for kombu's filesystem
    transport, rooted at `folder`. The transport is kombu's, writing whole messages only and
    quarantining an unreadable one instead of dying on it (gongkai/broker.py)."""
    for sub in ("queue", "control", "results", "quarantine"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return (
        "filesystem://localhost/",  # the host kombu would assume (and warn about)
        "gongkai.broker:Transport",
        {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "control_folder": str(folder / "control"),
            "quarantine_folder": str(folder / "quarantine"),
            "store_processed": False,
            "polling_interval": 0.2,
        },
        f"file://{folder / 'results'}",
    )


def celery_queues(default_queue, interactive_queue):
    """(task_queues, task_routes): the queue of work someone is waiting for, then the default
    queue of everything else. A worker started without -Q consumes both, and drains them in
    this order (gongkai/broker.py; Redis: queue_order_strategy "priority"), so a report's
    download is built before the demo's or a bulk import's hundreds of index updates."""
    queues = tuple(
        Queue(name, Exchange(name), routing_key=name) for name in (interactive_queue, default_queue)
    )
    routes = {task: {"queue": interactive_queue} for task in GONGKAI_INTERACTIVE_TASKS}
    return queues, routes


# Tasks a person waits on: a report's download shows "正在生成…" until its build has run.
GONGKAI_INTERACTIVE_TASKS = ("reports.build_export",)
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues(CELERY_TASK_DEFAULT_QUEUE, "interactive")

_broker = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))
if _broker:
    CELERY_BROKER_URL = _broker
    CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=_broker)
    # Redis rotates the queues it polls unless told to keep the worker's order.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"queue_order_strategy": "priority"}
else:
    (
        CELERY_BROKER_URL,
        CELERY_BROKER_TRANSPORT,
        CELERY_BROKER_TRANSPORT_OPTIONS,
        CELERY_RESULT_BACKEND,
    ) = embedded_celery(VAR_DIR / "celery")
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 3600
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# No task runs for ever: at the soft limit SoftTimeLimitExceeded lets it clean up, at the hard
# limit the pool process is killed and replaced. Exports and reindexing finish well within.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)

# Wagtail's own background tasks (search and reference index updates) go through Celery.
TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}

# Work that must follow a commit is an outbox row written in that commit (gongkai/outbox.py):
# sent to the broker after the commit, and by this relay when the broker could not take it.
# Younger rows are still on their way from their request; the relay runs this often.
GONGKAI_OUTBOX_RELAY_AFTER_SECONDS = env.int("OUTBOX_RELAY_AFTER_SECONDS", default=30)
GONGKAI_OUTBOX_RELAY_EVERY_SECONDS = env.int("OUTBOX_RELAY_EVERY_SECONDS", default=30)
GONGKAI_OUTBOX_RESEND_AFTER_SECONDS = 15 * 60  # a relayed row not done by then is sent again
GONGKAI_OUTBOX_MAX_ATTEMPTS = 10  # failed runs, retried with a growing delay (30 s … 1 h)
GONGKAI_OUTBOX_RELAY_BATCH = 500
GONGKAI_OUTBOX_KEEP_DAYS = 7

# Periodic work; django-celery-beat's DatabaseScheduler stores it. No cron.
CELERY_BEAT_SCHEDULE = {
    "outbox-relay": {
        "task": "gongkai.relay_outbox",
        "schedule": GONGKAI_OUTBOX_RELAY_EVERY_SECONDS,
    },
    "search-index-reconcile": {"task": "search.reconcile_search_index", "schedule": 10 * 60},
    # SQLite's index of many publications merged into one b-tree (search/backends/sqlite.py).
    "search-index-merge": {"task": "search.merge_search_index", "schedule": 60 * 60},
    # The create forms' one-time tokens (gongkai/create_once.py), once their forms are dead.
    "create-form-tokens": {"task": "gongkai.forget_create_form_tokens", "schedule": 24 * 60 * 60},
    "applications-deadline-reminders": {
        "task": "applications.send_deadline_reminders",
        "schedule": 24 * 60 * 60,  # daily
    },
    "moderation-review-reminders": {
        "task": "moderation.send_review_reminders",
        "schedule": 24 * 60 * 60,  # daily
    },
    # Scheduled publishing (定时发布) and expiry: Wagtail's publish_scheduled.
    "moderation-publish-scheduled": {"task": "moderation.publish_scheduled", "schedule": 60},
    # Website inspection (docs/inspection.md): external links nightly (when enabled), the
    # digest to each office's 管理员 weekly.
    "inspection-external-links": {
        "task": "inspection.check_external_links",
        "schedule": 24 * 60 * 60,
    },
    "inspection-weekly-digest": {
        "task": "inspection.send_weekly_digests",
        "schedule": 7 * 24 * 60 * 60,
    },
    # The stored results the inspection pages read (publications refresh them too).
    "inspection-refresh": {"task": "inspection.refresh_inspections", "schedule": 60 * 60},
}

# ------------------------------------------------------ Website inspection (docs/inspection.md)
# External links are checked only when this is on: many offices' networks are closed, and the
# checker would otherwise wait on every timeout.
GONGKAI_INSPECTION_EXTERNAL_LINKS = env.bool("INSPECTION_EXTERNAL_LINKS", default=False)
GONGKAI_INSPECTION_LINK_TIMEOUT = 10  # seconds per request
# Internal networks the external-link check may request (e.g. an intranet the portal links:
# "10.0.0.0/8"); every other non-global address is left unchecked (inspection/link_checks.py).
GONGKAI_INSPECTION_LINK_INTERNAL_NETWORKS = env.list(
    "INSPECTION_LINK_INTERNAL_NETWORKS", default=[]
)
GONGKAI_INSPECTION_LINK_HOST_INTERVAL = 2  # seconds between two requests to one host
GONGKAI_INSPECTION_LINK_MAX = 300  # links checked per run, the least recently checked first
# A publication or unpublication refreshes its organisation's stored results this many seconds
# later; the publications within that time ride on the same refresh.
GONGKAI_INSPECTION_REFRESH_ON_PUBLISH = env.bool("INSPECTION_REFRESH_ON_PUBLISH", default=True)
GONGKAI_INSPECTION_REFRESH_DELAY_SECONDS = env.int("INSPECTION_REFRESH_DELAY_SECONDS", default=120)
# Stored results older than this are shown as 过期 (expired) whatever changed: twice the beat's
# hourly refresh.
GONGKAI_INSPECTION_MAX_AGE_SECONDS = env.int("INSPECTION_MAX_AGE_SECONDS", default=2 * 60 * 60)

# ------------------------------------------------------------------------------- Health checks
# /healthz/ is readiness (every required service answers: 200 or 503); /healthz/live/ is
# liveness (the web process answers, no service touched) for proxies and orchestrators.
# The "outbox" check (work waiting over an hour, or given up) is reported, not required: the
# site serves while the backlog waits.
HEALTHZ_REQUIRED = env.list(
    "HEALTHZ_REQUIRED", default=["database", "cache", "broker", "worker", "search"]
)
# The "search" check renders this page (no query: nothing is counted) as well as asking the
# engine, so a failure in the page's own code is reported, not only an engine that is down.
HEALTHZ_SEARCH_PAGE = "/search/"
# Checks that send messages (the broker probe, the worker ping) run at most this often per
# web process; visitors in between get the cached answer.
HEALTHZ_CACHE_SECONDS = env.int("HEALTHZ_CACHE_SECONDS", default=5)
# Who sees the details (backends, worker host names, errors): staff users, and requests whose
# REMOTE_ADDR is in these addresses or networks and that no proxy forwarded (no
# X-Forwarded-For). Everyone else gets {"status": ...} only.
HEALTHZ_MONITORING_ADDRESSES = env.list(
    "HEALTHZ_MONITORING_ADDRESSES", default=["127.0.0.1", "::1"]
)

# ---------------------------------------- Public applications: 依申请公开 (disclosure/applications)
# Four digits, drawn large and only slightly turned, with dots but no crossing lines: readable
# by people, typed on a number pad (disclosure/applications/challenge.py). The audio version
# reads them in Mandarin from clips shipped with the code (disclosure/applications/spoken_digits);
# django-simple-captcha's own audio (flite, English only) stays off.
CAPTCHA_CHALLENGE_FUNCT = "disclosure.applications.challenge.digits_challenge"
CAPTCHA_LENGTH = 4
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = (-15, 15)
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)
CAPTCHA_IMAGE_SIZE = (132, 48)
CAPTCHA_FLITE_PATH = None
# Fetches of one challenge's audio, then 410: enough for a person to replay it (a player may
# fetch again on each play), too few to average renderings.
GONGKAI_CAPTCHA_AUDIO_PLAYS = 6
GONGKAI_CAPTCHA_RATE = (120, 3600)  # new challenges per IP per hour (form views, refreshes)
GONGKAI_APPLICATION_PROOF_MAX_BYTES = 5 * 1024 * 1024
GONGKAI_APPLICATION_RATE = (10, 3600)  # accepted applications per IP per hour
# Posts of the form per IP per hour, accepted or not: bounds a flood of invalid posts without
# counting a citizen's corrected typos against the limit above (applications/views.py).
GONGKAI_APPLICATION_ATTEMPT_RATE = (60, 3600)
# Failed status look-ups per IP per hour: against one application number, and across all
# numbers (disclosure/applications/lookup_limits.py; the arithmetic in docs/security.md).
GONGKAI_APPLICATION_LOOKUP_RATE = (20, 3600)
GONGKAI_APPLICATION_LOOKUP_CEILING = (200, 3600)

# ------------------------------------------------------------ Annual reports (docs/reports.md)
# Publishing a report has the worker build its downloads at once
# (disclosure/reports/downloads/exports.py); the unit tests turn this off and test it where
# they mean to (a PDF takes seconds to build).
GONGKAI_REPORT_EXPORTS_ON_PUBLISH = True
# Art. 49 deadlines, (month, day) of the year after the report's year, by organisation level
# (catalogue.Level): departments of county-level and higher governments by 31 January, those
# governments by 31 March, townships by the date their county sets (set it here). "" is an
# organisation whose level is neither recorded nor readable from its name.
GONGKAI_REPORT_DEADLINES = {
    "department": (1, 31),
    "township": (1, 31),
    "county": (3, 31),
    "city": (3, 31),
    "province": (3, 31),
    "": (3, 31),
}

# ----------------------------------------------------------- Moderation (disclosure/moderation)
# Dashboard: unpublished items due (Art. 26) within this many working days are listed.
GONGKAI_MODERATION_ART26_WARN_DAYS = 5
# Reviewers are reminded of items waiting at their step longer than this many working days.
GONGKAI_MODERATION_REMINDER_WORKING_DAYS = 3

# -------------------------------------------------------------------------------------- Logging
# Plain lines on the console; production picks the JSON formatter (one object per line on
# stderr, for the log collector) and changes nothing else.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes reports every login attempt at INFO; its lockouts are WARNING.
        "axes": {"level": "WARNING"},
        # WeasyPrint reports each layout step (and parses its stylesheets at import) at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
