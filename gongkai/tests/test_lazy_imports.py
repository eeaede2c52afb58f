"""A web worker does not import the libraries only some requests need.

`django.setup()` and the URL configuration used to import WeasyPrint (with fontTools),
openpyxl, python-docx and pypinyin: 150 MB of a worker's 284 MB before its first request,
held by every worker whether it ever writes a PDF or a slug (docs/performance.md, "Worker
memory"). They are imported by the functions that use them; this keeps it so. Run in a fresh
interpreter with the production settings, as gunicorn imports the application.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# What only exports, uploads, letters and slugs need, and what each weighs (RSS on import).
HEAVY = {
    "weasyprint": "PDF exports, 50 MB with fontTools",
    "fontTools": "WeasyPrint's font subsetting",
    "pydyf": "WeasyPrint's PDF writer",
    "openpyxl": "workbooks, 27 MB",
    "docx": "Word letters and reports, 21 MB",
    "pypinyin": "slugs from titles, 58 MB",
}

SCRIPT = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every URL module, Wagtail's admin and every app's hooks with it
print(json.dumps({"modules": sorted(sys.modules)}))
"""

# gunicorn's master, after importing the application, before forking (deploy/gunicorn.conf.py).
MASTER = """
import json, runpy, sys, types
import django
django.setup()
import jieba
config = runpy.run_path("deploy/gunicorn.conf.py")
server = types.SimpleNamespace(cfg=types.SimpleNamespace(preload_app=sys.argv[1] == "preload"))
config["when_ready"](server)
print(json.dumps({"jieba": jieba.dt.initialized}))
"""


def run_fresh(tmp_path, script, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings.production",
        GONGKAI_VAR_DIR=str(tmp_path),
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1",
        PYTHONPATH=str(BASE_DIR),
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return set(run_fresh(tmp_path_factory.mktemp("var"), SCRIPT)["modules"])


def test_setup_and_urls_leave_the_heavy_libraries_unimported(loaded):
    # The URL configuration was loaded: the admin's views and the search page are imported.
    assert {"wagtail.admin.urls", "search.views", "disclosure.reports.admin_views"} <= loaded
    imported = {name: why for name, why in HEAVY.items() if name in loaded}
    assert imported == {}


def test_the_modules_that_use_them_are_imported_all_the_same(loaded):
    # Deferred inside these modules' functions, not by leaving the modules out.
    assert {
        "gongkai.pdf",
        "disclosure.reports.workbook.xlsx",
        "disclosure.applications.letters",
        "disclosure.catalogue.title_slugs",
    } <= loaded


def test_with_preload_the_master_loads_the_dictionaries_its_workers_share(tmp_path):
    assert run_fresh(tmp_path, MASTER, "preload") == {"jieba": True}
    # Without --preload the master never imports the application: nothing to share.
    assert run_fresh(tmp_path, MASTER, "no-preload") == {"jieba": False}
