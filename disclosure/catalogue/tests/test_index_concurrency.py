"""Parallel publishes never share an index number (run on PostgreSQL too: DATABASE_URL)."""

import threading
import traceback

import pytest
from django.db import connection, connections

from disclosure.catalogue.models import DisclosureDocumentPage
from tests.factories import publishing_as_fixture

from .factories import TOWNSHIP_CODE, DisclosureDocumentPageFactory

PUBLISHERS = 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_first_publications_get_distinct_serials(category, settings):
    # Search indexing runs in the worker in production; run in these threads, PostgreSQL's
    # search backend deadlocks on its own rows (modelsearch _refresh_title_norms), which
    # is not what this test is about.
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    drafts = []
    for number in range(PUBLISHERS):
        draft = DisclosureDocumentPageFactory(
            parent=category, title=f"并发文件{number}", live=False
        )
        drafts.append(draft.pk)

    barrier = threading.Barrier(PUBLISHERS)
    errors = []

    def publish(pk):
        try:
            revision = DisclosureDocumentPage.objects.get(pk=pk).latest_revision
            barrier.wait(timeout=30)
            # Published as fixtures: a review is not what this test is about.
            with publishing_as_fixture():
                revision.publish()
        except Exception:  # reported below with the vendor
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(pk,)) for pk in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, f"{connection.vendor}:\n" + errors[0]
    numbers = list(
        DisclosureDocumentPage.objects.filter(pk__in=drafts).values_list("index_number", flat=True)
    )
    year = DisclosureDocumentPage.objects.get(pk=drafts[0]).published_on.year
    assert sorted(numbers) == [f"{TOWNSHIP_CODE}/{year}-{n:05d}" for n in range(1, 9)]
