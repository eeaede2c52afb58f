"""How long SQLite's write lock can be held by another process before anything fails.

Builds a fresh SQLite database (migrations) with the small township office of the review tests,
then, through Django's test client (the real views, middleware and settings):
1. holds the write lock from a second connection, as a long worker task, an import or a backup
   would, and asks public pages, the API and the admin login page: do reads wait or fail?
2. saves a page in the editor while the lock is held for longer than the busy timeout (the
   editor gets the busy message after the timeout) and for less (the save waits, then succeeds);
3. times the editor's save (the whole request and the write transaction alone) to say how many
   saves arriving at the same moment fit in one busy timeout.
The busy timeout is BENCH_BUSY_TIMEOUT seconds (default 2, so that the run takes a minute; the
settings' DATABASE_BUSY_TIMEOUT is 20 and every wait scales with it).
Run alone: `.venv/bin/python -m bench.bench_busy_database`. Numbers: docs/deploy.md.
"""

import os
import sqlite3
import statistics
import threading
import time


class LockHolder:
    """A second connection that holds SQLite's write lock (BEGIN IMMEDIATE) until released."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self

    def release(self):
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def release_after(self, seconds):
        timer = threading.Timer(seconds, self.release)
        timer.start()
        return timer

    def __exit__(self, *exc):
        self.release()


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(timeout, saves):
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    from disclosure.moderation.tests.helpers import edit_form_data, new_service_guide
    from disclosure.moderation.tests.offices import build_office
    from gongkai.busy import BUSY_NOT_SAVED

    office = build_office()
    editor = office["users"]["editor"]
    column = office["columns"][0]
    page = new_service_guide(editor)
    page.slug = "bench-guide"
    column.add_child(instance=page)
    page.save_revision(user=editor).publish(user=office["users"]["admin"])
    client = Client()
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.get(edit_url)
    public = Client()
    # Query strings the page cache has not seen: each page is rendered from the database.
    public_urls = [
        f"{page.url}?bench=1",
        f"{column.url}?bench=1",
        "/api/v2/pages/?limit=19",
        "/admin/login/",
        "/search/?q=指南",  # writes a row per query until public GETs stop writing
    ]
    public.get(page.url)  # warm up: templates, settings
    path = connection.settings_dict["NAME"]
    connection.close()  # reconnect with the bench's busy timeout

    print(f"busy timeout: {timeout} s (settings: DATABASE_BUSY_TIMEOUT, default 20)")
    print("1. reads while another connection holds the write lock (WAL)")
    with LockHolder(path):
        for url in public_urls:
            response, seconds = timed(lambda url=url: public.get(url))
            print(f"   GET {url:<34} {response.status_code}  {seconds * 1000:7.1f} ms")

    print("2. an editor's save while the lock is held")
    data = edit_form_data(page, title="办事指南：测量用标题")
    for hold in (timeout * 1.5, timeout * 0.5):
        with LockHolder(path) as holder:
            timer = holder.release_after(hold)
            response, seconds = timed(lambda: client.post(edit_url, data))
            timer.join()
        busy = str(BUSY_NOT_SAVED) in response.content.decode()
        outcome = "busy message, nothing saved" if busy else f"saved ({response.status_code})"
        print(f"   lock held {hold:4.1f} s: answered after {seconds:5.2f} s, {outcome}")

    print(f"3. the editor's save, {saves} times, nothing else writing")
    requests, transactions = [], []
    for n in range(saves):
        data = edit_form_data(page, title=f"办事指南：第{n}次保存")
        requests.append(timed(lambda data=data: client.post(edit_url, data))[1])
        fresh = type(page).objects.get(pk=page.pk)
        fresh.title = f"办事指南：第{n}次修订"

        def write(fresh=fresh):
            with transaction.atomic():
                fresh.save_revision(user=editor)

        transactions.append(timed(write)[1])
    for label, values in (("request", requests), ("write transaction", transactions)):
        print(
            f"   {label:<18} median {statistics.median(values) * 1000:7.1f} ms"
            f"   p95 {percentile(values, 0.95) * 1000:7.1f} ms"
        )
    hold = percentile(transactions, 0.95)
    print(
        f"   saves arriving together that fit in a {timeout} s timeout: ~{int(timeout / hold)}"
        f"  (in the settings' 20 s: ~{int(20 / hold)})"
    )


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "sqlite":
        print("bench_busy_database measures SQLite only")
        return
    timeout = float(os.environ.get("BENCH_BUSY_TIMEOUT", "2"))
    saves = int(os.environ.get("BENCH_BUSY_SAVES", "20"))
    # Never the test suite's file: a suite may be running.
    connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench-busy.db")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    options = connection.settings_dict["OPTIONS"]
    old_timeout, options["timeout"] = options["timeout"], timeout
    try:
        run(timeout, saves)
    finally:
        options["timeout"] = old_timeout
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
