"""What an outbox row's columns say about it (waiting, running, given up) is said in
gongkai/outbox.py only: other modules ask its functions instead of querying the rows."""

import ast
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from gongkai import outbox
from gongkai.models import OutboxMessage

from .project_code import source_files

# The model's own module and the one that reads and writes its rows.
ROW_OWNERS = {"gongkai/models.py", "gongkai/outbox.py"}


def names_the_rows(text):
    return sorted(
        {
            node.lineno
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Name | ast.Attribute)
            and (getattr(node, "id", None) or getattr(node, "attr", None)) == "OutboxMessage"
        }
    )


def test_only_the_outbox_queries_its_rows():
    found = {
        str(path): lines
        for path, text in source_files()
        if str(path) not in ROW_OWNERS and (lines := names_the_rows(text))
    }
    assert found == {}, "ask gongkai.outbox (not_started, undelivered, given_up, waiting)"


def test_the_scan_finds_a_query_of_the_rows():
    assert names_the_rows(
        "from gongkai.models import OutboxMessage\n"
        "OutboxMessage.objects.filter(delivered_at__isnull=True)\n"
        "apps.get_model('gongkai', 'OutboxMessage')\n"
        "models.OutboxMessage.objects.all()\n"
    ) == [2, 4]


def test_not_started_is_what_will_still_run_and_nobody_runs(db):
    now = timezone.now()

    def row(task="inspection.refresh_inspections", **fields):
        return OutboxMessage.objects.create(task=task, args=[], kwargs={}, **fields)

    fresh = row()
    retrying = row(attempts=2, run_after=now + timedelta(minutes=5))
    lease_ran_out = row(attempts=1, locked_until=now - timedelta(seconds=1))
    row(attempts=1, locked_until=now + timedelta(minutes=5))  # a worker runs it
    row(delivered_at=now)
    gave_up = row(attempts=settings.GONGKAI_OUTBOX_MAX_ATTEMPTS)
    other = row(task="gongkai.tests.record_run")

    assert set(outbox.not_started("inspection.refresh_inspections")) == {
        fresh,
        retrying,
        lease_ran_out,
    }
    assert other in outbox.not_started()
    assert list(outbox.given_up(outbox.undelivered())) == [gave_up]
    assert outbox.undelivered().count() == 6
