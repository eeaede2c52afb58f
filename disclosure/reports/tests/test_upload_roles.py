"""Who may upload a workbook into a report: exactly who may edit it (docs/reports.md, "Who may
fill the tables"). 初审 reviewers hold change permission on their organisation's pages — they
correct a text while approving it (docs/moderation.md) — so they may upload into a draft of their
organisation and into a report waiting at their own step, and not into one locked at another
step or another organisation's. Each case is tried over HTTP, the edit view beside the upload."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Revision

from disclosure.moderation.tests.helpers import act, fresh, submit
from disclosure.moderation.tests.offices import build_office
from disclosure.reports.tests.factories import (
    AnnualReportIndexPageFactory,
    consistent_report,
    make_report,
    workbook_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    office = build_office()
    index = AnnualReportIndexPageFactory(parent=office["root"], revised_by=office["users"]["admin"])
    office["report"] = make_report(index, 2024, publish=False)
    return office


def may_edit(client, page):
    """Whether Wagtail's own edit view opens for the user."""
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def upload(client, page, values=None):
    """Whether the upload wrote a new draft revision (checked in the database, not only by the
    answer: Wagtail's admin answers a refusal with a redirect to the dashboard)."""
    before = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    response = client.post(
        reverse("reports:upload", args=[page.pk]),
        {"workbook": workbook_upload(values or consistent_report(), page.organisation.name)},
    )
    written = Revision.page_revisions.filter(object_id=str(page.pk)).count() > before
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert response.status_code in (302, 403, 404)
    assert written == (response.status_code == 302 and response.url == edit_url)
    return written


def test_a_reviewer_may_upload_into_a_draft_of_their_organisation(client, office):
    reviewer, page = office["users"]["reviewer"], office["report"]
    client.force_login(reviewer)
    assert may_edit(client, page)
    assert upload(client, page)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).latest("pk").user == reviewer


def test_a_reviewer_may_upload_at_their_own_step_as_a_correction(client, office):
    reviewer, page = office["users"]["reviewer"], office["report"]
    submit(page, office["users"]["editor"])
    client.force_login(reviewer)
    assert may_edit(client, page)
    corrected = consistent_report()  # the submitted tables, with one figure corrected
    corrected["table_a"]["fees"]["amount"] = Decimal("0.50")
    assert upload(client, page, corrected)
    # A correction like any edit: approving sends the uploaded tables back to 初审 (runs.py),
    # where another reviewer must approve them (four-eyes).
    act(page, reviewer, "approve")
    assert fresh(page).current_workflow_task.specific.role == "reviewers"


def test_a_reviewer_may_not_upload_into_a_report_locked_at_another_step(client, office):
    users, page = office["users"], office["report"]
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")  # now at 保密审查: locked for 初审
    client.force_login(users["reviewer"])
    assert not upload(client, page)


@pytest.mark.parametrize("role", ["secrecy", "leader"])
def test_other_review_roles_may_not_upload_at_the_first_step(client, office, role):
    page = office["report"]
    submit(page, office["users"]["editor"])
    client.force_login(office["users"][role])
    assert not upload(client, page)


def test_another_organisations_editor_may_not_upload(client, office):
    client.force_login(office["users"]["outsider"])
    assert not may_edit(client, office["report"])
    assert not upload(client, office["report"])
