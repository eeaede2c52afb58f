"""A draft whose address a sibling already has is still created, and the editor is told the
address it got (issue 17, try-out: the suffix was added silently)."""

import pytest
from django.urls import reverse

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.moderation.tests.helpers import edit_form_data, new_service_guide
from disclosure.moderation.tests.offices import build_office

SLUG = "ban-shi-zhi-nan-lao-nian-ren-you-dai-zheng-ban-li"


@pytest.fixture
def office(db):
    return build_office()


def create_url(office):
    column = office["columns"][0]
    return reverse("wagtailadmin_pages:add", args=("catalogue", "serviceguidepage", column.pk))


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_the_editor_is_told_the_address_a_taken_slug_became(client, office):
    client.force_login(office["users"]["editor"])
    url = create_url(office)
    first = client.post(url, edit_form_data(new_service_guide(None), slug=""))
    assert not any("地址" in message for message in messages_of(first))

    second = client.post(url, edit_form_data(new_service_guide(None), slug=""))

    assert second.status_code == 302
    made = ServiceGuidePage.objects.order_by("pk").last()
    assert made.slug == f"{SLUG}-2"
    [notice] = [message for message in messages_of(second) if "地址" in message]
    assert f"“{SLUG}”" in notice
    assert f"{SLUG}-2/" in notice


def test_an_autosave_gets_no_message(client, office):
    client.force_login(office["users"]["editor"])
    url = create_url(office)
    client.post(url, edit_form_data(new_service_guide(None), slug=""))
    response = client.post(
        url, edit_form_data(new_service_guide(None), slug=""), HTTP_ACCEPT="application/json"
    )
    assert response.json()["success"]
    assert not any("地址" in message for message in messages_of(response))
