"""Submission screening (submission.py) on every path Wagtail's page views offer: create and
submit, edit and submit (test_sensitive_words.py), restart a sent-back review; the request is
never rewritten; every page type's views screen."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, WorkflowState, get_page_models

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.moderation.models import SensitiveWord
from disclosure.moderation.review.submission import SubmissionScreening
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import act, edit_form_data, fresh, new_service_guide, submit

pytestmark = OFFICE_PER_MODULE

FORBIDDEN = "绝密"


@pytest.fixture
def office(small_office):
    SensitiveWord.objects.create(pattern=FORBIDDEN, category="涉密", level="error")
    return small_office


def refusal_shown(response):
    return any("未能提交审核" in str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_is_created_and_edited_by_views_that_screen_submissions(model):
    reverse("wagtailadmin_home")  # the admin's URLs register the viewsets
    viewset = page_viewset_registry.get_by_type(model)
    assert issubclass(viewset.add_view_class, SubmissionScreening)
    assert issubclass(viewset.edit_view_class, SubmissionScreening)


def test_a_new_item_with_a_forbidden_word_is_created_as_a_draft_not_submitted(client, office):
    editor = office["users"]["editor"]
    column = office["columns"][0]
    typed = new_service_guide(editor)
    typed.title = f"{FORBIDDEN}：老年人优待证办理"
    data = edit_form_data(typed, slug="forbidden-guide", **{"action-submit": "1"})
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["catalogue", "serviceguidepage", column.pk])
    response = client.post(url, data)

    page = ServiceGuidePage.objects.get(slug="forbidden-guide")
    assert response.status_code == 302
    assert refusal_shown(response)
    assert not page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == typed.title
    # The view changed its action, not the request: what was posted is still what was posted.
    assert response.wsgi_request.POST.get("action-submit") == "1"


def test_a_new_item_without_one_is_submitted(client, office):
    editor = office["users"]["editor"]
    column = office["columns"][0]
    data = edit_form_data(new_service_guide(editor), slug="clean-guide", **{"action-submit": "1"})
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["catalogue", "serviceguidepage", column.pk])
    response = client.post(url, data)
    assert response.status_code == 302 and not refusal_shown(response)
    assert ServiceGuidePage.objects.get(slug="clean-guide").workflow_in_progress


def test_restarting_a_sent_back_review_with_a_forbidden_word_saves_a_draft(client, office):
    users = office["users"]
    page = new_service_guide(users["editor"])
    page.slug = "sent-back"
    office["columns"][0].add_child(instance=page)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "reject", comment="请补充办理时限。")
    run = fresh(page).workflow_states.get()
    assert run.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(users["editor"])
    title = f"{FORBIDDEN}：补充了办理时限"
    data = edit_form_data(fresh(page), title=title, **{"action-restart-workflow": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert refusal_shown(response)
    assert fresh(page).get_latest_revision_as_object().title == title
    # Neither cancelled nor restarted: the sent-back run waits for a text that may be submitted.
    assert list(Page.objects.get(pk=page.pk).workflow_states.values_list("pk", "status")) == [
        (run.pk, WorkflowState.STATUS_NEEDS_CHANGES)
    ]


def test_a_refused_submission_says_one_thing_the_refusal(client, office):
    """Wagtail's own "页面已创建/已被更新" beside the refusal read as a submission that went
    through: the refusal, which says the draft was saved, is the one message."""
    editor = office["users"]["editor"]
    column = office["columns"][0]
    typed = new_service_guide(editor)
    typed.title = f"{FORBIDDEN}：老年人优待证办理"
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["catalogue", "serviceguidepage", column.pk])
    created = client.post(add, edit_form_data(typed, slug="one-truth", **{"action-submit": "1"}))
    page = ServiceGuidePage.objects.get(slug="one-truth")
    client.get(created["Location"])  # the editor reads the first answer's messages
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    edited = client.post(edit, edit_form_data(fresh(page), **{"action-submit": "1"}))
    for response in (created, edited):
        shown = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
        assert len(shown) == 1 and shown[0][0] == "error", shown
        assert "未能提交审核（已保存为草稿）" in shown[0][1]
