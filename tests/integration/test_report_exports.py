"""A report's downloads are built by the real worker within 30 s of its publication."""

import time

import pytest
from django.core.files.storage import default_storage

from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.reports.downloads import exports
from disclosure.reports.tests.factories import make_index, make_report
from tests.processes import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
READY_WITHIN_SECONDS = 30


def test_downloads_are_ready_within_30_seconds_of_publication(celery_worker, settings, client):
    settings.GONGKAI_REPORT_EXPORTS_ON_PUBLISH = True
    report = make_report(make_index(), 2023, publish=False)
    started = time.monotonic()
    revision = report.save_revision()
    with sanctioned_publication("test fixture"):
        revision.publish()
    names = [exports.file_name(revision, f) for f in ("xlsx", "docx", "pdf")]
    wait_for(
        lambda: all(default_storage.exists(name) for name in names),
        READY_WITHIN_SECONDS,
        "the downloads were not built within 30 s of publication",
    )
    print(f"downloads ready {time.monotonic() - started:.1f} s after publication")
    report.refresh_from_db()
    assert client.get(report.url + "pdf/").status_code == 200
