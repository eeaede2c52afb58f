"""Another process holds SQLite's write lock longer than the busy timeout while an editor saves.

The editor's create-and-submit and edit get the form back exactly as typed with a clear message,
nothing of the attempt is in the database, and the same post succeeds once the lock is released.
Login answers a clear page instead of a 500.
"""

import sqlite3
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.tests.helpers import GUIDE_ELEMENTS, edit_form_data, new_service_guide
from disclosure.moderation.tests.offices import PASSWORD, build_office
from gongkai.busy import BUSY_NOT_SAVED
from tests.fixtures import sqlite_only

pytestmark = [sqlite_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BUSY_TIMEOUT_SECONDS = 1  # the settings' 20 s, shortened so that the test stays fast


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", BUSY_TIMEOUT_SECONDS)
    connection.close()  # the next query connects with the short timeout
    yield
    connection.close()


@contextmanager
def write_lock_held_elsewhere():
    """What the worker, beat or a backup does to the web process: a long write transaction."""
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def office(short_busy_timeout):
    return build_office()


@pytest.fixture
def editor_client(client, office):
    client.force_login(office["users"]["editor"])
    return client


def counts():
    """Everything a save or a submission writes: none of it may be left by a failed one."""
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, WorkflowState, TaskState, PageLogEntry)
    }


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def assert_typed_text_back(response, posted, *typed):
    """The editor is shown the message and the form bound to exactly what was posted."""
    assert response.status_code == 200
    html = response.content.decode()
    assert str(BUSY_NOT_SAVED) in html
    form = response.context["form"]
    assert form.is_bound
    assert {name: form.data.get(name) for name in posted} == {
        name: str(value) for name, value in posted.items()
    }
    for text in typed:
        assert text in html


def test_create_and_submit_keeps_the_typed_text_and_saves_nothing(editor_client, office):
    column = office["columns"][0]
    url = reverse("wagtailadmin_pages:add", args=["catalogue", "serviceguidepage", column.pk])
    typed = new_service_guide(office["users"]["editor"])
    typed.title = "办事指南：数据库繁忙时填写的标题"
    typed.item_name = "繁忙时填写的事项名称"
    typed.fees = "不收费（繁忙时填写）"
    data = edit_form_data(typed, slug="busy-guide", **{"action-submit": "1"})
    before = counts()

    with write_lock_held_elsewhere():
        response = editor_client.post(url, data)

    assert_typed_text_back(response, data, typed.title, typed.item_name, typed.fees)
    assert counts() == before  # no page, no revision, no workflow: nothing half-saved

    response = editor_client.post(url, data)
    assert response.status_code == 302
    page = ServiceGuidePage.objects.get(slug="busy-guide")
    assert page.revisions.count() == 1
    assert page.get_latest_revision_as_object().fees == typed.fees
    assert page.workflow_in_progress


def test_edit_keeps_the_typed_text_and_saves_nothing(editor_client, office):
    column = office["columns"][0]
    page = ServiceGuidePageFactory(
        parent=column, slug="guide", live=False, owner=office["users"]["editor"], **GUIDE_ELEMENTS
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert editor_client.get(url).status_code == 200  # the editor opened the page first
    data = edit_form_data(
        page, title="修改后的标题（繁忙时）", fees="收费标准已修改", **{"action-submit": "1"}
    )
    before = counts()

    with write_lock_held_elsewhere():
        response = editor_client.post(url, data)
        autosave = editor_client.post(url, data, headers={"Accept": "application/json"})

    assert_typed_text_back(response, data, "修改后的标题（繁忙时）", "收费标准已修改")
    # Wagtail's autosave asks for JSON: told why, and the editor's page keeps its state.
    assert autosave.json()["error_code"] == "database_busy"
    assert autosave.json()["error_message"] == str(BUSY_NOT_SAVED)
    assert counts() == before
    assert latest(page).title == "办事指南：老年人优待证办理"

    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert latest(page).title == "修改后的标题（繁忙时）"
    assert latest(page).fees == "收费标准已修改"
    assert Page.objects.get(pk=page.pk).specific.workflow_in_progress


def test_login_answers_a_clear_page_and_logs_nobody_in(client, office):
    url = reverse("wagtailadmin_login")
    credentials = {"username": "editor", "password": PASSWORD}

    with write_lock_held_elsewhere():
        response = client.post(url, credentials)

    assert response.status_code == 503
    assert response["Retry-After"]
    assert "数据库繁忙" in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # still signed out

    assert client.post(url, credentials).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
