"""Issue 14's acceptance script: the attacks that broke the platform, tried again over HTTP
against the demo, as the attacker tried them. Every step must hold."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, Workflow

from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    Organisation,
    ServiceGuidePage,
)
from disclosure.moderation.models import OrganisationCollection
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.moderation.tests.helpers import (
    FULL_CHECKLIST,
    GUIDE_ELEMENTS,
    act,
    edit_form_data,
    fresh,
    submit,
)
from tests.fixtures import DEMO_PER_MODULE

pytestmark = DEMO_PER_MODULE

ATTACKER_IP = "198.51.100.7"
User = get_user_model()


def signed_in(username, password):
    client = Client(REMOTE_ADDR=ATTACKER_IP)
    client.post("/admin/login/", {"username": username, "password": password})
    assert "_auth_user_id" in client.session, f"{username} could not sign in"
    return client


def users():
    return {user.username: user for user in User.objects.all()}


def township_guide_at_final_step(title):
    """A 办事指南 of 友谊镇 approved by 初审 and 保密审查, waiting at 终审."""
    people = users()
    column = CategoryPage.objects.get(slug="service-guides")
    page = ServiceGuidePage(
        title=title, item_name=title, live=False, owner=people["editor"], **GUIDE_ELEMENTS
    )
    column.add_child(instance=page)
    first = page.save_revision(user=people["editor"])
    page.title = f"{title}（审核稿）"
    page.save_revision(user=people["editor"])
    submit(fresh(page), people["editor"])
    act(page, people["reviewer"], "approve")
    act(page, people["secrecy"], "approve", **FULL_CHECKLIST)
    return fresh(page), first


def live_title(page):
    page = Page.objects.get(pk=page.pk)
    return page.title if page.live else None


def test_a_revert_through_the_admin_api_during_review_never_goes_live(demo):
    page, first = township_guide_at_final_step("老年人优待证办理")
    editor = signed_in("editor", demo)
    editor.post(
        f"/admin/api/main/pages/{page.pk}/action/revert_to_page_revision/",
        {"revision_id": first.pk},
        content_type="application/json",
    )
    act(page, users()["leader"], "approve")
    assert live_title(page) == "老年人优待证办理（审核稿）"


def test_a_reviewers_edit_sent_with_the_approval_never_goes_live(demo):
    page, _first = township_guide_at_final_step("残疾人证办理")
    leader = signed_in("leader", demo)
    page.title = "领导改过、无人审核的标题"
    leader.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, **{"action-workflow-action": "1", "workflow-action-name": "approve"}),
    )
    assert live_title(page) != "领导改过、无人审核的标题"
    assert fresh(page).current_workflow_task.name == "初审"


@pytest.fixture
def county_administrator(demo):
    user = User.objects.create_user("county_admin", password=demo)
    user.groups.add(Group.objects.get(name="友谊县人民政府办公室·管理员"))
    return user


def test_an_organisation_administrator_cannot_take_over_other_accounts(demo, county_administrator):
    attacker = signed_in("county_admin", demo)
    people = users()
    for victim in (people["leader"], people["admin"]):
        form = attacker.get(reverse("wagtailusers_users:edit", args=[victim.pk]))
        assert form.status_code != 200 or "password1" not in form.content.decode()
        attacker.post(
            reverse("wagtailusers_users:edit", args=[victim.pk]),
            {
                "username": victim.username,
                "email": "taken@example.invalid",
                "first_name": "x",
                "last_name": "x",
                "password1": "Taken-over-123",
                "password2": "Taken-over-123",
                "is_active": "on",
                "is_superuser": "on",
            },
        )
        assert authenticate(username=victim.username, password="Taken-over-123") is None
        assert User.objects.get(pk=victim.pk).is_superuser == (victim.username == "admin")
    assert not User.objects.get(pk=county_administrator.pk).is_superuser


def test_an_organisation_administrator_cannot_edit_the_shared_workflow(demo, county_administrator):
    attacker = signed_in("county_admin", demo)
    workflow = Workflow.objects.get(name="政府信息公开先审后发")
    before = list(workflow.workflow_tasks.values_list("task_id", flat=True))
    attacker.post(
        reverse("wagtailadmin_workflows:edit", args=[workflow.pk]),
        {
            "name": workflow.name,
            "workflow_tasks-TOTAL_FORMS": "1",
            "workflow_tasks-INITIAL_FORMS": "3",
            "workflow_tasks-MIN_NUM_FORMS": "0",
            "workflow_tasks-MAX_NUM_FORMS": "1000",
            "workflow_tasks-0-task": str(before[0]),
            "workflow_tasks-0-ORDER": "1",
            "pages-TOTAL_FORMS": "0",
            "pages-INITIAL_FORMS": "0",
        },
    )
    assert list(workflow.workflow_tasks.values_list("task_id", flat=True)) == before


def test_an_editor_cannot_replace_another_organisations_live_attachment(demo, client):
    county = Organisation.objects.get(name="友谊县人民政府办公室")
    document = get_document_model().objects.create(
        title="县政府办附件",
        file=ContentFile(b"%PDF-1.4 original", name="county.pdf"),
        collection=OrganisationCollection.objects.get(organisation=county).collection,
    )
    column = DisclosureIndexPage.objects.get(organisation=county).get_children().first()
    page = DisclosureDocumentPage(
        title="县政府办通知",
        slug="county-attachment",
        body=[("attachment", {"document": document, "title": ""})],
    )
    column.add_child(instance=page)
    with sanctioned_publication("acceptance script: a live county page, as the demo publishes"):
        page.save_revision().publish()

    editor = signed_in("editor", demo)
    editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "县政府办附件", "file": SimpleUploadedFile("forged.pdf", b"%PDF-1.4 forged")},
    )
    response = client.get(get_document_model().objects.get(pk=document.pk).url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 original"


def test_thirty_wrong_passwords_lock_the_account_for_that_address(demo):
    attacker = Client(REMOTE_ADDR=ATTACKER_IP)
    for _ in range(30):
        attacker.post("/admin/login/", {"username": "editor", "password": "wrong"})
    attacker.post("/admin/login/", {"username": "editor", "password": demo})
    assert "_auth_user_id" not in attacker.session
    # The real editor, at the office, still signs in.
    office = Client(REMOTE_ADDR="203.0.113.20")
    office.post("/admin/login/", {"username": "editor", "password": demo})
    assert "_auth_user_id" in office.session


HOSTILE = [
    "/search/?q=政府&year=-1",
    "/search/?q=政府&year=1",
    "/search/?q=政府&year=１",
    "/search/?q=政府&year=99999",
    "/search/?q=政府&year=99999999999999999999999999",
    "/api/v2/pages/?offset=99999999999999999999999",
    "/api/v2/pages/?offset=9223372036854775808",
    "/api/v2/documents/?offset=99999999999999999999999",
    "/api/v2/documents/?offset=9223372036854775808",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_parameters_never_answer_a_server_error(demo, client, url):
    assert client.get(url).status_code < 500


def test_forty_spam_searches_never_become_suggestions(demo, client):
    spam = "诈骗电话请拨打12345678领取补贴"
    for _ in range(40):
        client.get("/search/", {"q": spam})
    for prefix in ("", "/en"):
        page = client.get(f"{prefix}/search/", {"q": "没有结果的查询词"}).content.decode()
        assert spam not in page
