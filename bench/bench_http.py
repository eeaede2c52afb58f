"""The serving anchors of issue #20, side by side in one run: gunicorn and wrk.

Each site is served by gunicorn with 2 sync workers (production-like: DEBUG off, hashed static
names) and loaded by wrk with 2 threads and 8 connections for BENCH_HTTP_SECONDS seconds per
address (default 10, after a 2-second warm-up), one site at a time:
- a bare Django view returning 3 kB, in a throwaway project `django-admin startproject` makes;
- stock Wagtail 8's home page, in a project `wagtail start` makes from the installed package,
  migrated;
- our 办事指南 item page, a column listing and the 2023 annual report, from the demo database
  (`load_demo`, then `update_index`: the worker `make run` starts would index it) in a fresh
  VAR directory, with the page cache off (PAGE_CACHE_URL=dummycache), and the search page and
  the API's search for 公开, each checked to find pages;
- the same three pages from the page cache (on disk in the VAR directory, as production's
  default), every answer checked to be a hit; then not in it: each request a new address of
  the page (`?cold=<n>`, a wrk script), so each is rendered and stored as a page is after its
  own change, with what is remembered under the site's token (the navigation) at hand; and
  the two searches again, which the page cache never stores but whose site-wide parts (filter
  choices, year choices) are kept under its tokens, as in production.
Our site runs bench/http_settings.py (gongkai.settings.production) behind what nginx would send
(X-Forwarded-Proto: https). Nothing is downloaded. Prints req/s and the ratios the issue sets
goals for, and the machine's load average (other jobs share it: compare ratios, not req/s).
Needs Debian's wrk (`apt-get install wrk`); without it, says so and exits non-zero.
Run alone: `.venv/bin/python -m bench.bench_http`. BENCH_HTTP_KEEP=1 keeps the directory it
builds (for bench/profile_pages.py); BENCH_HTTP_DIR=<that directory> serves it again without
building (minutes on a loaded machine), e.g. to compare two versions of the code on the same
data. Numbers: docs/performance.md.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORTS = {"bare": 8111, "stock": 8112, "ours-uncached": 8113, "ours-cached": 8114}
# What a TLS-terminating proxy in front of production adds (SECURE_PROXY_SSL_HEADER).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
OUR_PAGES = {
    "item": "/xxgk/service-guides/dibao/",
    "listing": "/xxgk/notices/",
    "report": "/xxgk/annual-reports/2023/",
}
# Served by the uncached site too: no page cache stores them.
OUR_SEARCHES = {
    "search": "/search/?q=%E5%85%AC%E5%BC%80",  # 公开
    "api search": "/api/v2/pages/?search=%E5%85%AC%E5%BC%80",
}
# Each request a new address of the same page (`?cold=<n>`): with the page cache on, every one
# misses, is rendered and stored, as a page is after its own change while the site's token (and
# what is remembered under it) holds.
COLD_SCRIPT = """
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
local thread = math.random(1000000000)
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?cold=" .. thread .. "-" .. counter)
end
"""
BARE_VIEW = """
from django.http import HttpResponse
from django.urls import path

BODY = ("<!doctype html><title>bench</title>" + "<p>" + "x" * 60 + "</p>\\n" * 44)[:3072]


def three_kb(request):
    return HttpResponse(BODY)


urlpatterns = [path("", three_kb)]
"""


def run(command, env=None, cwd=None):
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise SystemExit(
            f"bench_http: {' '.join(map(str, command))} failed:\n{completed.stderr[-3000:]}"
        )
    return completed.stdout


def base_env(**extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update({key: str(value) for key, value in extra.items()})
    return env


# ------------------------------------------------------------------------------- the three sites
def make_bare(folder):
    project = folder / "bare"
    project.mkdir()
    run([BIN / "django-admin", "startproject", "bare", project])
    (project / "bare" / "urls.py").write_text(BARE_VIEW)
    with (project / "bare" / "settings.py").open("a") as settings:
        settings.write('\nDEBUG = False\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n')
    return project, base_env(DJANGO_SETTINGS_MODULE="bare.settings")


def make_stock_wagtail(folder):
    project = folder / "stock"
    project.mkdir()
    run([BIN / "wagtail", "start", "stock", project])
    (project / "stock" / "settings" / "local.py").write_text(
        f'SECRET_KEY = "{secrets.token_urlsafe(50)}"\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    env = base_env(DJANGO_SETTINGS_MODULE="stock.settings.production")
    return project, env


def prepare_stock_wagtail(project, env):
    run([sys.executable, "manage.py", "migrate", "--noinput"], env=env, cwd=project)
    run([sys.executable, "manage.py", "collectstatic", "--noinput"], env=env, cwd=project)


def our_env(var_dir, port, page_cache):
    env = base_env(
        DJANGO_SETTINGS_MODULE="bench.http_settings",
        GONGKAI_VAR_DIR=var_dir,
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{var_dir / 'db.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
    )
    # Production's default cache (files in the VAR directory, shared by the workers): it
    # refuses a per-process one.
    env.pop("CACHE_URL", None)
    # Nothing from the caller's environment or .env points the site at other services.
    for name in (
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "OPENSEARCH_URL",
        "ELASTICSEARCH_URL",
        "AWS_STORAGE_BUCKET_NAME",
    ):
        env[name] = ""
    if page_cache:
        env["PAGE_CACHE_URL"] = f"filecache://{var_dir / 'page-cache'}?max_entries=20000"
    else:
        env["PAGE_CACHE_URL"] = "dummycache://"
    return env


def prepare_ours(var_dir):
    env = our_env(var_dir, PORTS["ours-uncached"], page_cache=False)
    # The demo's pages reach the search index through the worker `make run` starts, which the
    # bench does not run: update_index does its work, else every search finds nothing.
    for command in (
        ["migrate", "--noinput"],
        ["load_demo"],
        ["update_index"],
        ["collectstatic", "--noinput"],
    ):
        run([sys.executable, "manage.py", *command], env=env, cwd=REPO)


# ------------------------------------------------------------------------------- serving, loading
def start(project, wsgi, env, port, log):
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(project),
            # gunicorn's control socket is one path per user: other servers may hold it.
            "--no-control-socket",
            # The application is imported once, before the workers fork: on a loaded machine
            # a worker importing Wagtail for seconds would otherwise miss the measurement.
            "--preload",
            wsgi,
        ],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    return process


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fetch(url):
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.headers, response.read()


def wait_until_serving(process, url, log, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench_http: gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            status, _, _ = fetch(url)
        except urllib.error.HTTPError as error:
            raise SystemExit(f"bench_http: {url} answered {error.code}") from error
        except (urllib.error.URLError, OSError):  # not listening yet, or still importing
            time.sleep(0.5)
            continue
        if status == 200:
            return
        raise SystemExit(f"bench_http: {url} answered {status}")
    raise SystemExit(f"bench_http: {url} not served after {seconds} s:\n{log.read_text()[-3000:]}")


def wrk(url, seconds, script=None):
    headers = [arg for name, value in PROXY_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    scripted = ["-s", str(script)] if script else []
    # A loaded machine answers slowly: wrk's own 2-second timeout would count slow answers as
    # errors.
    output = run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "30s", *headers, *scripted, url]
    )
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise SystemExit(f"bench_http: {url} answered with errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def measure(project, wsgi, env, port, paths, folder, seconds, check=None, cold=()):
    """req/s of each path, served by one gunicorn; for the paths named in `cold` also as
    "cold <name>": a new address each request (COLD_SCRIPT)."""
    log = folder / f"gunicorn-{port}.log"
    process = start(project, wsgi, env, port, log)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(process, base + next(iter(paths.values())), log)
        results = {}
        for name, path in paths.items():
            url = base + path
            wrk(url, 3)  # warm-up: both workers render once, the page cache fills
            if check:
                check(name, url)
            results[name] = wrk(url, seconds)
            print(f"  {url}: {results[name]:.1f} req/s", flush=True)
        if cold:
            script = folder / "cold.lua"
            script.write_text(COLD_SCRIPT)
            for name in cold:
                url = base + paths[name]
                wrk(url, 3, script)
                results[f"cold {name}"] = wrk(url, seconds, script)
                print(f"  {url}?cold=…: {results[f'cold {name}']:.1f} req/s", flush=True)
        return results
    finally:
        stop(process)


def finds_results(name, url):
    """A search measured is one that finds pages: on an empty index it would measure the page
    of no result (did-you-mean and suggestions) instead."""
    if name not in OUR_SEARCHES:
        return
    _, _, body = fetch(url)
    found = b'id="results-heading"' in body if name == "search" else b'"total_count": 0' not in body
    if not found:
        raise SystemExit(f"bench_http: {url} found nothing: is the search index built?")


def is_hit_or_finds(name, url):
    """Our pages answered from the page cache; the searches, which it never stores, find."""
    if name in OUR_SEARCHES:
        finds_results(name, url)
        return
    _, headers, _ = fetch(url)
    if headers.get("X-Page-Cache") != "hit":
        raise SystemExit(f"bench_http: {url} was not answered from the page cache")


# ------------------------------------------------------------------------------- the table
def print_table(rates, load_before, load_after):
    bare, stock = rates["bare"], rates["stock"]
    rows = [
        ("bare Django view returning 3 kB", bare, "limit", None),
        ("stock Wagtail 8 home page (`wagtail start`)", stock, f"{stock / bare:.2f}x bare", None),
    ]
    goals = {"item": 1.0, "listing": 0.7, "report": 0.7}
    for prefix, what in (("uncached", "page cache off"), ("cached cold", "not in the page cache")):
        for name in OUR_PAGES:
            value = rates[f"{prefix} {name}"]
            goal = f">= {goals[name]}x stock" if prefix == "uncached" else None
            rows.append((f"our {name} page, {what}", value, f"{value / stock:.2f}x stock", goal))
    # The searches on both sites: the page cache never stores them, but with it on what is
    # kept under the site's token (filter choices, the navigation, the year choices) is read
    # from memory, as in production; compared with the item page rendered on the same site.
    for prefix, what, item in (
        ("uncached", "page cache off", rates["uncached item"]),
        ("cached", "page cache on", rates["cached cold item"]),
    ):
        for name in OUR_SEARCHES:
            value = rates[f"{prefix} {name}"]
            goal = ">= 0.5x item" if name == "search" else None
            rows.append((f"our {name}, 公开, {what}", value, f"{value / item:.2f}x item", goal))
    for name in OUR_PAGES:
        value = rates[f"cached {name}"]
        ratio = f"{value / bare:.2f}x bare"
        rows.append((f"our {name} page from the page cache", value, ratio, ">= 0.8x bare"))
    print(f"{'what':<46} {'req/s':>9}  {'ratio':<16} goal")
    for what, value, ratio, goal in rows:
        print(f"{what:<46} {value:>9.1f}  {ratio:<16} {goal or ''}")
    print(
        "load average (1, 5, 15 min) before: "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after: "
        + ", ".join(f"{x:.2f}" for x in load_after)
    )


def main():
    if shutil.which("wrk") is None:
        print(
            "bench_http needs wrk, the HTTP load generator: `apt-get install wrk` (Debian, "
            "Ubuntu), `brew install wrk` (macOS).",
            file=sys.stderr,
        )
        raise SystemExit(2)
    seconds = int(os.environ.get("BENCH_HTTP_SECONDS", "10"))
    reused = os.environ.get("BENCH_HTTP_DIR")
    folder = Path(reused) if reused else Path(tempfile.mkdtemp(prefix="bench-http-"))
    keep = reused or os.environ.get("BENCH_HTTP_KEEP") == "1"
    try:
        var_dir = folder / "var"
        if reused:  # the sites a kept run built: its database, projects and static files
            print(f"serving the sites built in {folder}")
            bare, bare_env = folder / "bare", base_env(DJANGO_SETTINGS_MODULE="bare.settings")
            stock = folder / "stock"
            stock_env = base_env(DJANGO_SETTINGS_MODULE="stock.settings.production")
        else:
            bare, bare_env = make_bare(folder)
            stock, stock_env = make_stock_wagtail(folder)
            print(f"building the sites in {folder} (migrations, the demo, static files) ...")
            prepare_stock_wagtail(stock, stock_env)
            prepare_ours(var_dir)
        load_before = os.getloadavg()
        rates = {}
        rates["bare"] = measure(
            bare, "bare.wsgi", bare_env, PORTS["bare"], {"bare": "/"}, folder, seconds
        )["bare"]
        rates["stock"] = measure(
            stock, "stock.wsgi", stock_env, PORTS["stock"], {"stock": "/"}, folder, seconds
        )["stock"]
        for cached in (False, True):
            key = "ours-cached" if cached else "ours-uncached"
            results = measure(
                REPO,
                "gongkai.wsgi",
                our_env(var_dir, PORTS[key], page_cache=cached),
                PORTS[key],
                {**OUR_PAGES, **OUR_SEARCHES},
                folder,
                seconds,
                check=is_hit_or_finds if cached else finds_results,
                cold=list(OUR_PAGES) if cached else (),
            )
            prefix = "cached" if cached else "uncached"
            rates.update({f"{prefix} {name}": value for name, value in results.items()})
        print(f"gunicorn 2 sync workers, wrk 2 threads / 8 connections, {seconds} s per address")
        print_table(rates, load_before, os.getloadavg())
    finally:
        if keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
