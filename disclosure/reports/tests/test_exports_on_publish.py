"""Publishing a report has its downloads built then, not on a visitor's first click: the builds
go through the outbox when the publication commits, and the first request is served the file."""

import pytest
from django.core.files.storage import default_storage

from disclosure.reports.downloads import exports
from disclosure.reports.tests.factories import make_index, make_report
from gongkai.models import OutboxMessage
from tests.factories import publishing_as_fixture

pytestmark = pytest.mark.django_db
FORMATS = ("xlsx", "docx", "pdf")


@pytest.fixture(autouse=True)
def on_publish(settings):
    settings.GONGKAI_REPORT_EXPORTS_ON_PUBLISH = True
    from django.core.cache import cache

    cache.clear()


def publish_new_revision(report):
    report.title = report.title + "（修订）"
    revision = report.save_revision()
    with publishing_as_fixture():
        revision.publish()
    report.refresh_from_db()
    return revision


def test_publishing_enqueues_every_download_after_the_commit(django_capture_on_commit_callbacks):
    report = make_report(make_index(), 2023)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        revision = publish_new_revision(report)
    rows = OutboxMessage.objects.filter(task="reports.build_export")
    queued = sorted(tuple(row.args) for row in rows if row.args[0] == revision.pk)
    assert queued == sorted((revision.pk, f) for f in FORMATS)
    assert callbacks  # handed to the broker only once the publication has committed


def test_the_files_are_there_before_the_first_request(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    report = make_report(make_index(), 2023)
    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_new_revision(report)
    for export_format in FORMATS:
        assert default_storage.exists(exports.file_name(revision, export_format)), export_format

    def no_build_on_request(*args):
        raise AssertionError("a request built a download")

    monkeypatch.setattr(exports, "build", no_build_on_request)
    for export_format in FORMATS:
        response = client.get(report.url + f"{export_format}/")
        assert response.status_code == 200, export_format
        assert response["Content-Type"] == exports.CONTENT_TYPES[export_format]


def test_a_request_while_the_build_is_queued_does_not_queue_it_again(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from disclosure.reports import tasks

    report = make_report(make_index(), 2023)
    with django_capture_on_commit_callbacks(execute=False):
        publish_new_revision(report)
    queued = []
    monkeypatch.setattr(tasks.build_export, "delay", lambda *args: queued.append(args))
    response = client.get(report.url + "pdf/")
    assert response.status_code == 202 and "正在生成" in response.content.decode()
    assert queued == []  # the publication's build is on its way


def test_a_superseded_revision_is_not_built(django_capture_on_commit_callbacks):
    """Its build would drop the live revision's files."""
    from disclosure.reports import tasks

    report = make_report(make_index(), 2023)
    with django_capture_on_commit_callbacks(execute=False):
        old = publish_new_revision(report)
    with django_capture_on_commit_callbacks(execute=True):
        new = publish_new_revision(report)
    assert tasks.build_export(old.pk, "xlsx") is None
    assert not default_storage.exists(exports.file_name(old, "xlsx"))
    assert default_storage.exists(exports.file_name(new, "xlsx"))
