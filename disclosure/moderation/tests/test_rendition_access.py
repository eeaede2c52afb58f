"""Image renditions (/media/images/…) follow the pages that show the image, as documents do.

Before, nginx (and `make run`) served every rendition from disk: an image uploaded for a draft
or a withdrawn page, or another office's unpublished page, was anyone's who had its address,
and rendition names are predictable (the upload's name and the filter). Now the public gets a
rendition while a live, public page shows its image; signed-in staff also their own office's
images (moderation/files/attachments.py `visible_attachments`); everyone else 404."""

import io
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.organisations.organisation_collections import organisation_collection
from gongkai.page_cache import page_cache
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GONGKAI_SERVE_MEDIA = True
    page_cache().clear()
    # Wagtail keeps renditions by image id, and ids come round again after a rolled-back test.
    get_image_model().get_rendition_model().cache_backend.clear()
    return tmp_path


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def township_image(office, name="photo"):
    township = office["root"].organisation
    return get_image_model().objects.create(
        title=name,
        file=ContentFile(png(), name=f"{name}.png"),
        collection=organisation_collection(township),
    )


def draft_showing(office, image, slug="draft-with-photo"):
    embed = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="图"/>'
    return DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title="附图的通知",
        slug=slug,
        live=False,
        body=[("paragraph", RichText(f"<p>见图。</p>{embed}"))],
    )


def fetch(client, url, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_an_image_only_on_a_draft_is_public_once_published_and_private_again_when_withdrawn(
    client, small_office
):
    image = township_image(small_office)
    page = draft_showing(small_office, image)
    url = image.get_rendition("width-400").url
    assert url.startswith("/media/images/")

    assert fetch(client, url) == 404

    publish_fixture(page)
    assert fetch(client, url) == 200

    page.unpublish()
    assert fetch(client, url) == 404


def test_own_office_staff_see_a_drafts_image_and_another_office_does_not(client, small_office):
    image = township_image(small_office)
    draft_showing(small_office, image)
    url = image.get_rendition("width-400").url
    users = small_office["users"]

    assert fetch(client, url, users["editor"]) == 200
    assert fetch(client, url, users["reviewer"]) == 200
    assert fetch(client, url, users["admin"]) == 200  # a site administrator
    assert fetch(client, url, users["outsider"]) == 404  # the county office's editor


def test_an_image_no_page_shows_and_an_unknown_name_are_not_found(client, small_office):
    image = township_image(small_office, "loose")
    url = image.get_rendition("width-400").url

    assert fetch(client, url) == 404
    assert fetch(client, "/media/images/no-such.width-400.png") == 404


def test_a_rendition_deleted_is_not_served_under_its_old_name(client, small_office):
    image = township_image(small_office)
    page = draft_showing(small_office, image)
    publish_fixture(page)
    rendition = image.get_rendition("width-400")
    assert fetch(client, rendition.url) == 200

    rendition.delete()
    assert fetch(client, rendition.url) == 404


def test_the_public_decision_is_remembered_until_the_next_publication(
    client, small_office, django_assert_max_num_queries
):
    image = township_image(small_office)
    page = draft_showing(small_office, image)
    publish_fixture(page)
    url = image.get_rendition("width-400").url
    assert fetch(client, url) == 200

    # A visitor's further requests for the rendition read nothing from the database.
    with django_assert_max_num_queries(0):
        assert client.get(url).status_code == 200

    page.unpublish()
    assert fetch(client, url) == 404


@override_settings(GONGKAI_SERVE_MEDIA=False)
def test_behind_nginx_the_file_is_handed_to_nginx_after_the_check(client, small_office):
    image = township_image(small_office, "现场照片")
    page = draft_showing(small_office, image)
    rendition = image.get_rendition("width-400")

    assert client.get(rendition.url).status_code == 404

    publish_fixture(page)
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-media/{quote(rendition.file.name)}"
    assert response["Content-Type"] == "image/png"
    assert not response.content
