"""Web worker memory after warm-up: gunicorn, 2 sync workers, production settings, demo data.

Builds (once, kept in VAR_DIR/bench-worker-memory/) a site the way `make run` does — migrate,
`load_demo`, `update_index` (what its worker does), `collectstatic` — with the production
settings (a throwaway SECRET_KEY, HTTPS redirect off: the bench speaks plain HTTP on loopback).
Then, for each of "without --preload" and "with --preload", starts `gunicorn gongkai.wsgi -w 2`
on 127.0.0.1:BENCH_MEMORY_PORT (default 8131), sends BENCH_MEMORY_REQUESTS (default 300)
requests drawn from the home page's links, the pages they link, searches and the API's search,
and reads each worker's memory from /proc/<pid>/smaps_rollup: RSS (what `ps` and the issue's
figure show, shared pages included), PSS (shared pages split between the processes that map
them) and USS (private to the worker: what another worker adds). Last, in one fresh process,
what each heavy piece adds to the RSS when it is loaded: Django with every app, jieba's
dictionary, OpenCC's converters, the thesaurus.
Downloads nothing. Run alone: `.venv/bin/python -m bench.bench_worker_memory`.
Numbers: docs/performance.md, "Worker memory".
"""

import os
import random
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_MEMORY_PORT", "8131"))
REQUESTS = int(os.environ.get("BENCH_MEMORY_REQUESTS", "300"))
SEARCHES = [
    "公开",
    "低保",
    "预算",
    "办事指南",
    "医保",
    "2024年",
    "税",
    "政府信息公开 年度报告",
    "量子计算机",
]


def site_environment(var_dir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "CELERY_BROKER_URL",
            "REDIS_URL",
            "PYTHONDONTWRITEBYTECODE",
        }
    }
    env.update(
        # Compiled modules, as the image has them (deploy/Dockerfile: UV_COMPILE_BYTECODE);
        # written by the build's first commands, read by gunicorn's processes.
        PYTHONPYCACHEPREFIX=str(var_dir / "pycache"),
        DJANGO_SETTINGS_MODULE="gongkai.settings.production",
        GONGKAI_VAR_DIR=str(var_dir),
        SECRET_KEY=env.get("BENCH_SECRET_KEY", secrets.token_urlsafe(60)),
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def build_site(var_dir: Path, env: dict):
    ready = var_dir / ".built"
    if ready.exists():
        return
    var_dir.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    manage(env, "update_index")  # the worker `make run` starts would index the demo
    manage(env, "collectstatic", "--noinput", "-v", "0")
    ready.touch()


def get(path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_until_up(process):
    for _ in range(600):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            get("/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


LINK = re.compile(r'href="(/[^"#?]*)"')


def local_links(html: str) -> list[str]:
    return [
        link
        for link in dict.fromkeys(LINK.findall(html))
        if not link.startswith(("/static/", "/media/", "/admin", "/documents/", "/accounts"))
    ]


def request_mix(rng: random.Random) -> list[str]:
    """The public pages two clicks from the home page, searches and the API's search."""
    _status, home = get("/")
    pages = local_links(home)
    for link in pages[:40]:
        _status, html = get(link)
        pages.extend(link for link in local_links(html) if link not in pages)
    searches = [f"/search/?q={urllib.parse.quote(q)}" for q in SEARCHES]
    searches += [f"/search/?q={urllib.parse.quote(q)}&page=2" for q in SEARCHES[:3]]
    searches += [f"/search/autocomplete/?q={urllib.parse.quote(q)}" for q in SEARCHES[:4]]
    api = [f"/api/v2/pages/?search={urllib.parse.quote(q)}" for q in SEARCHES[:4]]
    mix = rng.choices(pages, k=REQUESTS * 6 // 10) + rng.choices(
        searches + api, k=REQUESTS * 4 // 10
    )
    rng.shuffle(mix)
    return mix


def memory(pid: int) -> dict:
    """RSS, PSS and USS of a process in MB (smaps_rollup)."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return {
        "rss": fields["Rss"],
        "pss": fields["Pss"],
        "uss": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def workers(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def measure_gunicorn(env: dict, preload: bool, rng_seed: int = 20) -> dict:
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "gongkai.wsgi",
        # The web nodes' settings (deploy/Dockerfile): with --preload the master loads jieba.
        "-c",
        "deploy/gunicorn.conf.py",
        # gunicorn's control socket is one path per user: other servers may hold it.
        "--no-control-socket",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
    ]
    if preload:
        command.append("--preload")
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    try:
        wait_until_up(process)
        statuses = {}
        for path in request_mix(random.Random(rng_seed)):
            status, _html = get(path)
            statuses[status] = statuses.get(status, 0) + 1
        time.sleep(1)
        result = {
            "master": memory(process.pid),
            "workers": [memory(pid) for pid in workers(process.pid)],
            "statuses": statuses,
        }
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    return result


PIECES = """
import os, sys
from pathlib import Path

def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

steps = [("interpreter", rss())]
import django
django.setup()
steps.append(("django.setup() (every app's models)", rss()))
from django.urls import resolve
resolve("/")
steps.append(("URL configuration (every view module)", rss()))
from search import analysis
analysis.segment("政府信息公开")
steps.append(("jieba's dictionary (first segmentation)", rss()))
from search import query
query.regional_form("資訊")
steps.append(("OpenCC tw2sp (first regional form)", rss()))
query.synonym_table()
steps.append(("thesaurus (synonym table)", rss()))
previous = 0
for name, value in steps:
    print(f"{value:8.1f} MB  {value - previous:+7.1f} MB  {name}")
    previous = value
"""


def measure_pieces(env: dict):
    subprocess.run([PYTHON, "-c", PIECES], cwd=BASE_DIR, env=env, check=True)


def report(name: str, result: dict):
    statuses = ", ".join(
        f"{count}× {status}" for status, count in sorted(result["statuses"].items())
    )
    print(f"  {name}: responses {statuses}")
    master = result["master"]
    print(
        f"    master   RSS {master['rss']:6.1f} MB  PSS {master['pss']:6.1f}"
        f"  USS {master['uss']:6.1f}"
    )
    for number, worker in enumerate(result["workers"], 1):
        print(
            f"    worker {number} RSS {worker['rss']:6.1f} MB  PSS {worker['pss']:6.1f}"
            f"  USS {worker['uss']:6.1f}"
        )


def main():
    var_dir = Path(os.environ.get("BENCH_MEMORY_VAR_DIR", BASE_DIR / "var" / "bench-worker-memory"))
    env = site_environment(var_dir)
    build_site(var_dir, env)
    manage(env, "check")  # compiles every module the workers import (PYTHONPYCACHEPREFIX)
    print(
        f"-- web worker memory, gunicorn 2 sync workers, {REQUESTS} requests, production settings"
    )
    print(f"   load {os.getloadavg()[0]:.1f}")
    for preload in (False, True):
        report("with --preload" if preload else "without --preload", measure_gunicorn(env, preload))
    print("  what each piece adds to one fresh process's RSS:")
    measure_pieces(env)


if __name__ == "__main__":
    main()
