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
    (entry,) = tmp_path.glob("*.djcache")
    assert PAGE in entry.read_bytes()  # read without inflating it
    assert cache.get("missing", "none") == "none"


def test_an_entry_djangos_file_cache_compressed_still_reads(tmp_path):
    store(tmp_path, FileBasedCache).set("page-token:site", "abc")
    store(tmp_path, FileBasedCache).set("page", PAGE)
    cache = store(tmp_path)
    assert cache.get_many(["page-token:site", "page"]) == {"page-token:site": "abc", "page": PAGE}
    assert cache.touch("page", 60) and cache.get("page") == PAGE
    assert not cache.add("page-token:site", "new") and cache.get("page-token:site") == "abc"


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
