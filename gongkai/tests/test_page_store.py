"""The page cache's store on disk keeps its entries uncompressed (gongkai/page_store.py)."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache

from gongkai.page_store import PageFileCache

PAGE = ("<!doctype html><title>友谊镇人民政府</title>" + "<p>政府信息公开</p>" * 200).encode()


def store(folder, kind=PageFileCache):
    return kind(str(folder), {"TIMEOUT": 600})


def test_an_entry_is_kept_as_it_was_pickled(tmp_path):
    cache = store(tmp_path)
    cache.set("page", (200, [("Content-Type", "text/html")], PAGE))
    assert cache.get("page") == (200, [("Content-Type", "text/html")], PAGE)
    (entry,) = tmp_path.glob("*.page")
    assert PAGE in entry.read_bytes()  # read without inflating it
    assert cache.get("missing", "none") == "none"


def test_it_and_djangos_file_cache_never_read_each_others_entries(tmp_path):
    # A release before this store, rolled back onto the same folder, failed every request
    # (zlib.error on the uncompressed tokens) until the folder was emptied.
    django_store, ours = store(tmp_path, FileBasedCache), store(tmp_path)
    ours.set("page-token:site", "new")
    assert django_store.get("page-token:site") is None
    django_store.set("page-token:site", "old")
    assert ours.get("page-token:site") == "new" and django_store.get("page-token:site") == "old"
    assert ours.touch("page-token:site", 60) and ours.get("page-token:site") == "new"
    ours.clear()
    assert django_store.get("page-token:site") == "old"


def test_an_expired_entry_is_gone(tmp_path):
    cache = store(tmp_path)
    cache.set("page", PAGE, timeout=-1)
    assert cache.get("page") is None and not cache.touch("page")


def test_the_page_cache_on_disk_uses_it():
    # The embedded default (files in the VAR directory); Redis and others stay as they are.
    clean = {k: v for k, v in os.environ.items() if k != "PAGE_CACHE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from gongkai.settings import base; print(base.CACHES['pages']['BACKEND'])",
        ],
        env=clean,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == "gongkai.page_store.PageFileCache", result.stderr
