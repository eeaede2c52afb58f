"""One create form, one page (issue 17, try-out: one click of 保存草稿 on a slow server made two
drafts). The same create form posted twice creates one page; the second post goes on with it."""

from django.urls import reverse

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.moderation.tests.helpers import edit_form_data, new_service_guide


def create_url(office):
    column = office["columns"][0]
    return reverse("wagtailadmin_pages:add", args=("catalogue", "serviceguidepage", column.pk))


def the_create_form(client, url):
    """The form as the browser has it: its fields and the token the page was rendered with."""
    response = client.get(url)
    assert response.status_code == 200
    token = response.context["create_form_token"]
    assert f'name="create_form_token" value="{token}"' in response.content.decode()
    return edit_form_data(new_service_guide(None), create_form_token=token)


def test_the_same_create_form_saved_twice_makes_one_draft(editor_client, office):
    """A double click of 保存草稿: the second click saves what the form holds into the draft the
    first made."""
    url = create_url(office)
    data = the_create_form(editor_client, url)

    first = editor_client.post(url, data)
    second = editor_client.post(url, {**data, "title": "老年人优待证办理（补充）"})

    assert first.status_code == 302
    page = ServiceGuidePage.objects.get()
    assert second.status_code == 302
    assert second["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert page.get_latest_revision().as_object().title == "老年人优待证办理（补充）"
    assert page.current_workflow_state is None


def test_a_click_of_submit_after_an_autosave_made_the_draft_submits_it(editor_client, office):
    """The autosave sent just before 提交审核 made the draft: the click submits that draft
    (it used to answer 重复提交 and leave it outside review)."""
    url = create_url(office)
    data = the_create_form(editor_client, url)

    editor_client.post(url, data, HTTP_ACCEPT="application/json")
    clicked = editor_client.post(url, {**data, "action-submit": "1"})

    page = ServiceGuidePage.objects.get()
    assert clicked.status_code == 302
    assert page.current_workflow_state is not None
    messages = [str(message) for message in clicked.wsgi_request._messages]
    assert not any("重复提交" in message for message in messages)


def test_a_second_click_of_submit_submits_nothing_more(editor_client, office):
    url = create_url(office)
    data = {**the_create_form(editor_client, url), "action-submit": "1"}

    editor_client.post(url, data)
    second = editor_client.post(url, data)

    page = ServiceGuidePage.objects.get()
    assert second.status_code == 302
    assert second["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert page.workflow_states.count() == 1 and page.current_workflow_state is not None
    messages = [str(message) for message in second.wsgi_request._messages]
    assert any("重复提交" in message for message in messages)


def test_an_autosave_racing_the_click_saves_into_the_draft_it_made(editor_client, office):
    """The editor's click (or an autosave whose answer the browser never read) created the
    draft; the same form's next autosave saves what it now holds into that draft, and the form
    goes on as its editor."""
    url = create_url(office)
    data = the_create_form(editor_client, url)

    editor_client.post(url, data)
    page = ServiceGuidePage.objects.get()
    raced = editor_client.post(
        url, {**data, "title": "老年人优待证办理（补充）"}, HTTP_ACCEPT="application/json"
    )

    assert ServiceGuidePage.objects.count() == 1
    assert raced.status_code == 200
    answer = raced.json()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert answer["success"] is True and answer["pk"] == page.pk
    assert answer["url"] == edit_url
    assert answer["hydrate_url"] == f"{edit_url}?_w_hydrate_create_view=1"
    latest = ServiceGuidePage.objects.get(pk=page.pk).get_latest_revision()
    assert answer["revision_id"] == latest.pk
    assert latest.as_object().title == "老年人优待证办理（补充）"


def test_two_create_forms_make_two_drafts(editor_client, office):
    url = create_url(office)
    editor_client.post(url, the_create_form(editor_client, url))
    editor_client.post(url, the_create_form(editor_client, url))
    assert ServiceGuidePage.objects.count() == 2


def test_a_form_without_a_token_is_still_created(editor_client, office):
    url = create_url(office)
    response = editor_client.post(url, edit_form_data(new_service_guide(None)))
    assert response.status_code == 302
    assert ServiceGuidePage.objects.count() == 1
