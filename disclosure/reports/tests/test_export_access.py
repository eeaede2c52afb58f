"""A report's downloads follow the page: served while it is live and only to whom its view
restrictions admit, never as plain media files whose names are the only guard."""

import pytest
from django.core.files.storage import default_storage
from wagtail.models import PageViewRestriction

from disclosure.reports.downloads import exports
from disclosure.reports.tests.factories import make_index, make_report
from gongkai.page_cache import page_cache
from tests.factories import publish_fixture, publishing_as_fixture

pytestmark = pytest.mark.django_db

FORMATS = sorted(exports.CONTENT_TYPES)


@pytest.fixture
def report(settings):
    settings.GONGKAI_SERVE_MEDIA = True  # /media/ answered by Django, as under `make run`
    page = make_report(make_index(), 2023)
    page.refresh_from_db()
    return page


def download(client, report, export_format):
    page_cache().clear()
    return client.get(f"{report.url}{export_format}/")


def built_files(client, report):
    """Have every download built (eager Celery) and return their storage names."""
    names = []
    for export_format in FORMATS:
        response = download(client, report, export_format)
        assert response.status_code == 200, export_format
        assert response["Content-Type"] == exports.CONTENT_TYPES[export_format]
        names.append(exports.file_name(report.live_revision, export_format))
        assert default_storage.exists(names[-1])
    return names


def test_the_stored_files_are_never_served_as_media(client, report):
    for name in built_files(client, report):
        assert client.get(f"/media/{name}").status_code == 404, name
        assert (
            client.get(f"/media/reports/./exports/{name.split('exports/')[1]}").status_code == 404
        )


def test_unpublishing_withdraws_the_downloads_and_republishing_restores_them(
    client, report, django_capture_on_commit_callbacks
):
    names = built_files(client, report)
    for export_format in FORMATS:  # served twice: from the public page cache, if it keeps them
        assert client.get(f"{report.url}{export_format}/").status_code == 200
    with publishing_as_fixture(), django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    for export_format in FORMATS:  # the cache is not cleared: unpublishing must renew it
        assert client.get(f"{report.url}{export_format}/").status_code == 404
    for export_format, name in zip(FORMATS, names, strict=True):
        assert download(client, report, export_format).status_code == 404, export_format
        assert not default_storage.exists(name), name
        assert client.get(f"/media/{name}").status_code == 404
    publish_fixture(report)
    built_files(client, report)


def test_deleting_the_report_deletes_its_files(client, report, django_capture_on_commit_callbacks):
    names = built_files(client, report)
    with django_capture_on_commit_callbacks(execute=True):
        report.delete()
    assert not any(default_storage.exists(name) for name in names)


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_private_report_gates_its_downloads(client, report, restriction_type):
    names = built_files(client, report)
    restriction = PageViewRestriction.objects.create(
        page=report, restriction_type=restriction_type, password="secret"
    )
    for export_format, name in zip(FORMATS, names, strict=True):
        response = download(client, report, export_format)
        if restriction_type == "login":
            assert response.status_code == 302 and "login" in response["Location"]
        else:
            assert response.status_code == 200
            assert response["Content-Type"].startswith("text/html")
            assert 'name="password"' in response.content.decode()
        assert client.get(f"/media/{name}").status_code == 404
    restriction.delete()
    built_files(client, report)


def test_a_report_below_a_private_column_gates_its_downloads(client, report):
    built_files(client, report)
    PageViewRestriction.objects.create(page=report.get_parent(), restriction_type="login")
    for export_format in FORMATS:
        response = download(client, report, export_format)
        assert response.status_code == 302 and "login" in response["Location"]
