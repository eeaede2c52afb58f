"""`make run`'s web server as a visitor meets it: DEBUG is off unless asked for, so a mistyped
address gets the site's own 404 page, not Django's debug page; static files and avatars are
still served (image renditions only of images a page shows), and only the expected host names
are accepted.

The server is the web command of the project's supervisord.conf, with the environment the
Makefile gives it (its DEBUG default read from `make -p`), on the test database.
"""

import configparser
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.processes import Process, child_env, database_url, running, wait_for

pytestmark = [
    pytest.mark.backend_independent,
    # The server reads the test database; restoring it keeps the next serialized test's rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PORT = 8151
START_TIMEOUT = 120
BIN = Path(sys.executable).parent


def makefile_default(name):
    """The value `make run` gives variable `name` when the environment does not."""
    env = {key: value for key, value in os.environ.items() if key != name}
    database = subprocess.run(
        ["make", "-np", "run"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    for line in database.splitlines():
        if line.startswith(f"{name} = ") or line.startswith(f"{name} := "):
            return line.split("=", 1)[1].strip()
    raise AssertionError(f"the Makefile sets no {name}")


def web_command():
    conf = configparser.RawConfigParser()
    conf.read(Path(settings.BASE_DIR) / "supervisord.conf")
    return conf.get("program:web", "command").replace("%(ENV_PORT)s", str(PORT)).split()


def get(path, host="127.0.0.1"):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers={"Host": f"{host}:{PORT}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


@pytest.fixture
def make_run_web(tmp_path):
    media = tmp_path / "media"
    (media / "avatar_images").mkdir(parents=True)
    (media / "avatar_images" / "probe.txt").write_text("avatar")
    (media / "images").mkdir()
    (media / "images" / "probe.txt").write_text("no rendition records this file")
    (media / "documents").mkdir()
    (media / "documents" / "secret.txt").write_text("private")
    command = web_command()
    assert command[:2] == ["python", "manage.py"]
    env = child_env(
        DJANGO_SETTINGS_MODULE="gongkai.settings.dev",
        DEBUG=makefile_default("DEBUG"),
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(media),
        PORT=str(PORT),
        PYTHONUNBUFFERED="1",
    )
    env.pop("ALLOWED_HOSTS", None)
    env.pop("WAGTAILADMIN_BASE_URL", None)
    web = Process("web", [str(BIN / "python"), *command[1:]], env, tmp_path)
    with running([web]):
        wait_for(answers, START_TIMEOUT, "runserver did not start")
        yield web


def answers():
    try:
        return get("/healthz/live/")[0] == 200
    except OSError:  # not listening yet
        return False


def test_make_run_serves_its_own_pages_with_debug_off(make_run_web):
    assert makefile_default("DEBUG") == "0"

    status, html = get("/no-such-page/")
    assert status == 404
    assert "页面不存在" in html
    assert "Page not found" not in html and "URLconf" not in html  # Django's debug page

    status, css = get("/static/css/gongkai.css")
    assert status == 200 and css.strip()
    assert get("/media/avatar_images/probe.txt") == (200, "avatar")
    assert get("/media/images/probe.txt")[0] == 404  # renditions only of images a page shows
    assert get("/media/documents/secret.txt")[0] == 404  # documents only through /documents/

    assert get("/healthz/live/", host="localhost")[0] == 200
    assert get("/healthz/live/", host="evil.example")[0] == 400  # not in ALLOWED_HOSTS


def test_debug_is_available_on_request():
    """`DEBUG=1 make run` passes DEBUG=1 on, and the development settings honour it."""
    env = {**os.environ, "DEBUG": "1"}
    database = subprocess.run(
        ["make", "-np", "run"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    ).stdout
    assert "DEBUG = 1" in database.splitlines()
    probe = "from django.conf import settings as s; print(s.DEBUG, sorted(s.ALLOWED_HOSTS))"
    for debug, expected in (("1", "True"), ("0", "False")):
        out = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {probe}"],
            cwd=settings.BASE_DIR,
            env={
                **child_env(DJANGO_SETTINGS_MODULE="gongkai.settings.dev", DEBUG=debug),
                "WAGTAILADMIN_BASE_URL": "http://portal.example.invalid:8153",
            },
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out.startswith(expected)
        assert "'portal.example.invalid'" in out and "'127.0.0.1'" in out and "'*'" not in out
