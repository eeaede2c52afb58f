"""Site migration speed (issue 18): records per second of `import_documents`, today's path
against the bulk path, and resident memory at record 1,000 and record 10,000.

Builds a fresh database (migrations, like the test suite; SQLite unless DATABASE_URL names a
PostgreSQL server, where the same code runs unchanged), then for each path and size a new
organisation with the five columns of the contract (规范性文件, 办事指南, 预算决算,
便民服务事项清单, 机构职能) and imports a generated legacy catalogue into it through the same code
as the command:
the layouts of `disclosure/imports/tests/legacy_catalogue.py` (tables and numbered paragraphs as
old CMSs publish them), every tenth record with an attachment. Search and reference indexing run
in the process (as the test settings do): the end-to-end rate counts them. In production the
command only enqueues that work for the worker, so the command's own rate is printed too: the same
run with the time spent inside background tasks (Celery and django-tasks, timed by their signals)
taken out.

Sizes: BENCH_IMPORT_SIZES="1000,10000" (default). Today's path (one transaction, one add_child
and one index task per record) runs at BENCH_IMPORT_BASELINE_SIZES (default "1000": at today's
3–10 records/s, 10,000 records take most of an hour). BENCH_IMPORT_PROFILE=200 prints the
queries per record, the most frequent queries and the top cProfile entries of both paths on
that many records instead.
Run alone: `.venv/bin/python -m bench.bench_import` (`make bench` runs every benchmark).
"""

import cProfile
import io
import os
import pstats
import tempfile
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

PDF = b"%%PDF-1.4\n%%bench attachment %d\n"
ATTACHMENT_EVERY = 10
PROFILE_TOP = 25


def resident_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class BackgroundClock:
    """Seconds spent inside background tasks run in this process: Celery's (eager, through the
    outbox) and django-tasks' (the immediate backend). Only the outermost task is timed, so a
    task that runs another is counted once."""

    def __init__(self):
        self.seconds = 0.0
        self._depth = 0
        self._started = 0.0

    def started(self, **kwargs):
        if self._depth == 0:
            self._started = time.perf_counter()
        self._depth += 1

    def finished(self, **kwargs):
        self._depth -= 1
        if self._depth == 0:
            self.seconds += time.perf_counter() - self._started

    def __enter__(self):
        from celery.signals import task_postrun, task_prerun
        from django_tasks.signals import task_finished, task_started

        self._signals = [
            (task_prerun, self.started),
            (task_postrun, self.finished),
            (task_started, self.started),
            (task_finished, self.finished),
        ]
        for signal, receiver in self._signals:
            signal.connect(receiver, weak=False)
        return self

    def __exit__(self, *exc):
        for signal, receiver in self._signals:
            signal.disconnect(receiver)


def organisation_with_the_five_columns(run):
    from wagtail.models import Site

    from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, Organisation
    from disclosure.imports.tests.legacy_catalogue import COLUMNS
    from disclosure.moderation.publishing.publication import sanctioned_publication

    organisation = Organisation.objects.create(name=f"基准{run}镇人民政府")
    root = DisclosureIndexPage(
        title=f"{organisation.name}信息公开", slug=f"xxgk-{run}", organisation=organisation
    )
    Site.objects.get(is_default_site=True).root_page.add_child(instance=root)
    with sanctioned_publication("benchmark set-up"):  # set-up, not what is measured
        root.save_revision().publish()
        for n, title in enumerate(COLUMNS):
            column = CategoryPage(title=title, slug=f"column-{n}")
            root.add_child(instance=column)
            column.save_revision().publish()
    return organisation


def catalogue_lines(organisation, run, size, folder):
    import json

    from disclosure.imports.tests.legacy_catalogue import legacy_records

    for n, record in enumerate(legacy_records(size)):
        record["organisation"] = organisation.name
        record["source_url"] = record["source_url"].replace("www.", f"{run}.", 1)
        if n % ATTACHMENT_EVERY == 0:
            name = f"附件{n % 7}.pdf"
            record["attachments"] = [{"title": f"第{n}号附件", "path": name}]
            if not (folder / name).exists():
                (folder / name).write_bytes(PDF % n)
        yield json.dumps(record, ensure_ascii=False)


def import_catalogue(run, size, one_by_one, folder, profile=False):
    """Imports `size` records; returns (end-to-end records/s, the command's records/s with the
    background tasks' time taken out, {record number: resident MB})."""
    from django.db import connection

    from disclosure.imports.files import FileFolder
    from disclosure.imports.importer import ImportOptions, import_documents

    organisation = organisation_with_the_five_columns(run)
    lines = list(catalogue_lines(organisation, run, size, folder))
    memory = {}

    def progress(line_number):
        if line_number in (1_000, 10_000):
            memory[line_number] = resident_mb()

    options = ImportOptions(source_name="bench.jsonl", files=FileFolder(folder))
    options.one_by_one = one_by_one
    profiler = cProfile.Profile() if profile else None
    queries = Counter()

    def count_query(execute, sql, params, many, context):
        queries[" ".join(sql.split())[:100]] += 1
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with (
        BackgroundClock() as background,
        connection.execute_wrapper(count_query) if profiler else nullcontext(),
    ):
        if profiler:
            profiler.enable()
        summary = import_documents(lines, progress=progress, options=options)
        if profiler:
            profiler.disable()
    seconds = time.perf_counter() - started
    assert len(summary.created) == size and not summary.skipped, summary.skipped[:3]
    if profiler:
        print(f"{sum(queries.values()) / size:.1f} queries per record, the most frequent:")
        for sql, count in queries.most_common(PROFILE_TOP):
            print(f"  {count / size:5.2f}  {sql}")
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(PROFILE_TOP)
        print(out.getvalue())
    return size / seconds, size / (seconds - background.seconds), memory


def sizes(name, default):
    return [int(size) for size in os.environ.get(name, default).split(",") if size.strip()]


def report(vendor, run_rates, memory):
    for size, rates in sorted(run_rates.items()):
        today, bulk = rates.get("today"), rates.get("bulk")
        line = f"  import_documents, {size} records on {vendor}, end to end (command only):"
        if today:
            line += f" today's path {today[0]:.1f} ({today[1]:.1f}) records/s,"
        if bulk:
            line += f" bulk path {bulk[0]:.1f} ({bulk[1]:.1f}) records/s"
        if today and bulk:
            line += f", ratio {bulk[0] / today[0]:.1f}× ({bulk[1] / today[1]:.1f}×)"
        print(line)
    for path, at in memory.items():
        if 1_000 in at and 10_000 in at:
            print(
                f"  {path} path resident memory: {at[1_000]:.0f} MB at record 1,000, "
                f"{at[10_000]:.0f} MB at record 10,000 (+{at[10_000] - at[1_000]:.0f} MB)"
            )
        elif at:
            print(f"  {path} path resident memory: {at[1_000]:.0f} MB at record 1,000")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor == "sqlite":
        # Never the test suite's file: a suite may be running.
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench-import.db")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    rates, memory = {}, {"today": {}, "bulk": {}}
    try:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            profile = int(os.environ.get("BENCH_IMPORT_PROFILE", "0"))
            if profile:
                for path in ("today", "bulk"):
                    print(f"== cProfile, {path}'s path, {profile} records")
                    *rate, _ = import_catalogue(
                        f"p{path}", profile, path == "today", folder, profile=True
                    )
                    rates.setdefault(profile, {})[path] = rate
            else:
                runs = [("today", size) for size in sizes("BENCH_IMPORT_BASELINE_SIZES", "1000")]
                runs += [("bulk", size) for size in sizes("BENCH_IMPORT_SIZES", "1000,10000")]
                for number, (path, size) in enumerate(runs):
                    *rate, at = import_catalogue(f"r{number}", size, path == "today", folder)
                    rates.setdefault(size, {})[path] = rate
                    memory[path].update(at)
                    print(
                        f"  ({path}, {size}: {rate[0]:.1f} records/s end to end, "
                        f"{rate[1]:.1f} the command only)",
                        flush=True,
                    )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    report(connection.vendor, rates, memory)


if __name__ == "__main__":
    main()
