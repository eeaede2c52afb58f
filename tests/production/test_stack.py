"""The production configuration, for real: gunicorn with two workers, a Celery worker and beat,
DEBUG off, on PostgreSQL and Redis, and on the OpenSearch node when one runs
(TEST_OPENSEARCH_URL, set by `tests/opensearch.sh start`, as in CI)."""

import os
import secrets
import subprocess
import uuid

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from home.demo import load_demo
from tests.processes import Process, child_env, database_url, free_port, python, running, wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "stack-test-password"
NEW_TITLE = "燃气安全专项整治通知"


@pytest.fixture
def production_env(tmp_path):
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip(
            "the production stack runs on PostgreSQL and Redis: start them with "
            '`eval "$(tests/services.sh start)"` (CI does)'
        )
    engine = {}
    if os.environ.get("TEST_OPENSEARCH_URL"):
        engine = {
            "OPENSEARCH_URL": os.environ["TEST_OPENSEARCH_URL"],
            "SEARCH_INDEX_PREFIX": f"stack_{uuid.uuid4().hex[:8]}_",
        }
    return child_env(
        **engine,
        DJANGO_SETTINGS_MODULE="gongkai.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        DATABASE_URL=database_url(),
        GONGKAI_VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_URL=os.environ.get("CACHE_URL", os.environ["REDIS_URL"]),
        PAGE_CACHE_URL=_own_redis_database(),
        # The test asks gunicorn directly from this machine: a monitoring address, so /healthz/
        # answers with its details (which database, which search backend, which worker).
        HEALTHZ_MONITORING_ADDRESSES="127.0.0.1,::1",
    )


def _own_redis_database():
    """A Redis database no other test empties while the stack runs: this pytest worker's own
    cache database (gongkai/settings/test.py gives each worker one, and every test empties its
    worker's caches before it starts) when the caches are in Redis, else one no test uses. The
    stack's page cache in another worker's database was emptied by that worker's next test: a
    page cached a moment before missed."""
    cache = settings.CACHES["default"]
    if cache["BACKEND"].endswith("RedisCache"):
        return cache["LOCATION"]
    return os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/2"


def manage(env, *args):
    return subprocess.run(
        python("manage.py", *args), env=env, check=True, capture_output=True, text=True, timeout=300
    )


def test_production_stack_serves_searches_and_publishes_through_the_worker(
    production_env, tmp_path
):
    load_demo(password=PASSWORD)
    # The test settings hash passwords with MD5 for speed; production only accepts PBKDF2.
    admin = get_user_model().objects.get(username="admin")
    hasher = PBKDF2PasswordHasher()
    admin.password = hasher.encode(PASSWORD, hasher.salt())
    admin.save(update_fields=["password"])
    manage(production_env, "collectstatic", "--noinput", "-v0")
    if "OPENSEARCH_URL" in production_env:
        manage(production_env, "update_index")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    hostname = f"stack-{uuid.uuid4().hex[:8]}@localhost"
    processes = [
        Process(
            "gunicorn",
            python(
                "-m",
                "gunicorn",
                "gongkai.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ),
            production_env,
            tmp_path,
        ),
        Process(
            "worker",
            python(
                "-m",
                "celery",
                "-A",
                "gongkai",
                "worker",
                "--concurrency=1",
                "--loglevel=INFO",
                f"--hostname={hostname}",
            ),
            production_env,
            tmp_path,
        ),
        Process(
            "beat",
            python("-m", "celery", "-A", "gongkai", "beat", "--loglevel=INFO"),
            production_env,
            tmp_path,
        ),
    ]
    with running(processes):
        last = {}

        def healthy():
            try:
                response = requests.get(f"{base}/healthz/", timeout=30)
            except requests.RequestException:  # not listening yet, or busy starting up
                return None
            last["body"] = response.text
            return response if response.status_code == 200 else None

        try:
            health = wait_for(healthy, 180, "/healthz/ did not answer 200").json()
        except AssertionError:
            print("last /healthz/ answer:", last.get("body"))
            raise
        assert (
            health["checks"]["worker"]["ok"]
            and health["checks"]["database"]["detail"] == "postgresql"
        )
        if "OPENSEARCH_URL" in production_env:
            backend, page = health["checks"]["search"]["detail"].split("; ")
            assert backend.endswith("opensearch2") and page == "/search/ 200"
        assert all(p.alive() for p in processes)

        catalogue = requests.get(f"{base}/xxgk/", timeout=30)
        assert catalogue.status_code == 200 and "机构职能" in catalogue.text
        assert "Content-Security-Policy" in catalogue.headers
        assert requests.get(f"{base}/static/css/gongkai.css", timeout=30).status_code == 200
        missing = requests.get(f"{base}/no-such-page/", timeout=30)
        assert missing.status_code == 404 and "Traceback" not in missing.text

        session = requests.Session()
        session.get(f"{base}/admin/login/", timeout=30)
        dashboard = session.post(
            f"{base}/admin/login/",
            data={
                "username": "admin",
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/admin/login/"},
            timeout=20,
        )
        # Production requires two-factor sign-in of administrators: the password signs the
        # demo's admin in and sends it to enrolment (docs/accounts.md).
        assert dashboard.status_code == 200
        assert dashboard.url.endswith("/admin/account/two-factor/"), dashboard.url
        assert "otpauth://totp/" in dashboard.text

        # A visitor's copy of the listing is cached; the publication below must empty it.
        listing = f"{base}/xxgk/notices/"
        requests.get(listing, timeout=30)
        assert requests.get(listing, timeout=30).headers.get("X-Page-Cache") == "hit"

        # Publish in another process; the search index follows through the Celery worker.
        manage(
            production_env,
            "shell",
            "-c",
            "from wagtail.models import Page\n"
            "from disclosure.catalogue.models import DisclosureDocumentPage\n"
            "from disclosure.moderation.publishing.publication import sanctioned_publication\n"
            "parent = Page.objects.get(url_path='/home/xxgk/notices/')\n"
            f"page = DisclosureDocumentPage(title='{NEW_TITLE}', slug='gas-safety',\n"
            "    body=[('paragraph', '<p>各社区开展燃气安全检查。</p>')])\n"
            "parent.add_child(instance=page)\n"
            # Stands in for a finished review (the revision invariant refuses anything else).
            "with sanctioned_publication('production stack test'):\n"
            "    page.save_revision().publish()\n",
        )
        assert requests.get(f"{base}/xxgk/notices/gas-safety/", timeout=30).status_code == 200
        assert NEW_TITLE in requests.get(listing, timeout=30).text
        wait_for(
            lambda: (
                NEW_TITLE
                in requests.get(f"{base}/search/", params={"q": NEW_TITLE}, timeout=30).text
            ),
            60,
            "the published page did not reach the search results through the worker",
        )
