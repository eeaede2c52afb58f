"""A 办事指南 goes to review and to the public only with its key elements: one guide without
them vetoes the whole site at inspection (服务不实用). A draft may be saved without them (the
editor fills them in later; Wagtail's autosave saves it as it is); submitting and publishing
refuse it, the message on each missing field."""

import pytest
from django.urls import reverse

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.catalogue.models.guide_elements import GUIDE_ELEMENTS
from disclosure.moderation.tests.helpers import edit_form_data, new_service_guide
from disclosure.moderation.tests.offices import build_office

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "提交审核"}


@pytest.fixture
def office(db):
    return build_office()


def create_url(office):
    column = office["columns"][0]
    return reverse("wagtailadmin_pages:add", args=("catalogue", "serviceguidepage", column.pk))


def lacking(office, *names, slug="guide"):
    guide = new_service_guide(office["users"]["editor"])
    for name in names:
        setattr(guide, name, [] if name in ("materials", "steps") else "")
    guide.slug = slug
    return guide


def field_errors(response):
    assert response.status_code == 200
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


def test_a_draft_may_be_saved_without_its_elements(client, office):
    client.force_login(office["users"]["editor"])
    names = [name for name, _label, _keys in GUIDE_ELEMENTS if name != "item_name"]
    response = client.post(create_url(office), edit_form_data(lacking(office, *names)))
    assert response.status_code == 302
    assert ServiceGuidePage.objects.get().conditions == ""


@pytest.mark.parametrize(
    ("who", "action"), [("editor", SUBMIT), ("admin", {"action-publish": "发布"})]
)
def test_submission_and_publication_name_every_missing_element(client, office, who, action):
    client.force_login(office["users"][who])
    guide = lacking(office, "conditions", "materials", "steps", "service_hours")
    errors = field_errors(client.post(create_url(office), edit_form_data(guide, **action)))
    assert set(errors) == {"conditions", "materials", "steps", "service_hours"}
    assert errors["conditions"] == [
        "提交审核和发布前须填写“受理条件”：网站检查时，缺少要素的办事指南判为单项否决。"
    ]
    assert not ServiceGuidePage.objects.exists()


def test_a_placeholder_is_no_element(client, office):
    """The inspection reads “无” as missing (catalogue/blank.py), so submission does too."""
    client.force_login(office["users"]["editor"])
    guide = lacking(office)
    guide.consultation_phone = "无"
    errors = field_errors(client.post(create_url(office), edit_form_data(guide, **SUBMIT)))
    assert list(errors) == ["consultation_phone"]


def test_a_complete_guide_is_submitted(client, office):
    client.force_login(office["users"]["editor"])
    response = client.post(create_url(office), edit_form_data(lacking(office), **SUBMIT))
    assert response.status_code == 302, response.context["form"].errors
    assert ServiceGuidePage.objects.get().workflow_in_progress


def test_submitting_a_saved_incomplete_draft_is_refused(client, office):
    client.force_login(office["users"]["editor"])
    guide = lacking(office, "location")
    client.post(create_url(office), edit_form_data(guide))
    page = ServiceGuidePage.objects.get()
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    errors = field_errors(client.post(edit, edit_form_data(guide, **SUBMIT)))
    assert list(errors) == ["location"]
    assert not ServiceGuidePage.objects.get().workflow_in_progress


def test_every_key_element_carries_the_required_mark(client, office):
    """Only 事项名称 carried the mark: the editor learnt of the others from the refusal."""
    client.force_login(office["users"]["editor"])
    html = client.get(create_url(office)).content.decode()

    def label(name):
        # A field's label, or a StreamField's panel heading.
        for start, end in ((f'id="id_{name}-label"', "</label>"), (f'-{name}-heading"', "</h2>")):
            if start in html:
                at = html.index(start)
                return html[at : html.index(end, at)]
        raise AssertionError(f"no label for {name}")

    for name, _label, _keys in GUIDE_ELEMENTS:
        assert 'class="w-required-mark"' in label(name), name
    assert "w-required-mark" not in label("supervision_phone")
