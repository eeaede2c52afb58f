"""Attachments are content: a document or image that a live page uses is replaced only through
the review of a page revision that links a new file (issue 14, item 12)."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.moderation.files.attachment_lock import ActingUserMiddleware, AttachmentInUse
from disclosure.moderation.models import OrganisationCollection
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE
from tests.factories import DocumentFactory

from .helpers import approve_all, body_with, fresh, submit

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def new_document(title, content=None, organisation=None):
    """A document in the root collection, or in `organisation`'s own collection."""
    extra = {}
    if organisation is not None:
        extra["collection"] = OrganisationCollection.objects.get(
            organisation=organisation
        ).collection
    return DocumentFactory(title=title, file__data=content or f"%PDF-1.4 {title}".encode(), **extra)


def county_live_page(office, document):
    """A live page of the county office (published directly, as the demo loader does)."""
    column = CategoryPageFactory(
        parent=office["county_root"], title="通知公告", slug="county-notices"
    )
    return DisclosureDocumentPageFactory(
        parent=column, title="县政府办通知", slug="county-notice", body=body_with(document)
    )


def served(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_item_12_an_editor_cannot_replace_another_organisations_live_attachment(client, office):
    original = new_document(
        "县政府办附件", b"%PDF-1.4 original", office["county_root"].organisation
    )
    county_live_page(office, original)
    original_path = original.file.path

    client.force_login(office["users"]["editor"])
    response = client.post(
        reverse("wagtaildocs:edit", args=[original.pk]),
        {
            "title": "县政府办附件",
            "file": SimpleUploadedFile("forged.pdf", b"%PDF-1.4 forged"),
        },
    )
    client.logout()

    assert response.status_code != 302 or fresh_document(original).file.name == original.file.name
    assert served(client, original) == b"%PDF-1.4 original"
    with open(original_path, "rb") as kept:
        assert kept.read() == b"%PDF-1.4 original"


def fresh_document(document):
    return get_document_model().objects.get(pk=document.pk)


def township_live_page(office, document, slug="township-notice"):
    return DisclosureDocumentPageFactory(
        parent=office["columns"][0], title="友谊镇通知", slug=slug, body=body_with(document)
    )


def test_the_own_organisations_editor_is_told_how_to_replace_a_live_attachment(client, office):
    original = new_document("友谊镇附件", b"%PDF-1.4 original", office["root"].organisation)
    township_live_page(office, original)
    client.force_login(office["users"]["editor"])
    form = client.get(reverse("wagtaildocs:edit", args=[original.pk]))
    assert "上传新文件并在页面中替换链接，经审核发布后生效" in form.content.decode()

    response = client.post(
        reverse("wagtaildocs:edit", args=[original.pk]),
        {"title": "友谊镇附件", "file": SimpleUploadedFile("new.pdf", b"%PDF-1.4 new")},
        follow=True,
    )

    assert "上传新文件并在页面中替换链接，经审核发布后生效" in response.content.decode()
    assert fresh_document(original).file.name == original.file.name
    client.logout()
    assert served(client, original) == b"%PDF-1.4 original"


def test_the_refusal_comes_back_to_a_query_sent_unencoded(client, office):
    """The refused POST is sent back to its own address: a query string sent as raw UTF-8
    bytes (the WSGI server hands it over as Latin-1 text) came back re-encoded byte by byte
    (gongkai/request_paths.py)."""
    original = new_document("友谊镇附件", b"%PDF-1.4 original", office["root"].organisation)
    township_live_page(office, original)
    client.force_login(office["users"]["editor"])
    edit = reverse("wagtaildocs:edit", args=[original.pk])
    raw = "next=/admin/documents/?q=政府".encode().decode("latin-1")

    response = client.post(edit, {"title": "友谊镇附件"}, QUERY_STRING=raw)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == edit
    assert parse_qs(location.query) == {"next": ["/admin/documents/?q=政府"]}


def test_a_new_file_reaches_the_public_only_through_the_reviewed_revision(client, office):
    users = office["users"]
    old = new_document("旧版附件", b"%PDF-1.4 old")
    page = township_live_page(office, old, slug="reviewed-replacement")

    client.force_login(users["editor"])
    client.post(
        reverse("wagtaildocs:add"),
        {"title": "新版附件", "file": SimpleUploadedFile("new.pdf", b"%PDF-1.4 new")},
    )
    new = get_document_model().objects.get(title="新版附件")
    # Into the township's own collection, never the root collection nobody else may see.
    assert new.collection.organisation_link.organisation == office["root"].organisation
    client.logout()

    page = fresh(page)
    page.body = body_with(new)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    assert served(client, old) == b"%PDF-1.4 old"
    assert client.get(new.url).status_code == 404

    approve_all(page, users)
    assert served(client, new) == b"%PDF-1.4 new"
    assert client.get(old.url).status_code == 404


def as_request_of(user, effect):
    """Run `effect` inside a request of `user`, through the middleware that names the actor."""
    request = RequestFactory().post("/admin/")
    request.user = user
    outcome = {}

    def view(request):
        try:
            # Django deletes inside atomic(savepoint=False): a refusal inside the test's own
            # transaction would spoil it without a savepoint of its own.
            with transaction.atomic():
                effect()
            outcome["refused"] = False
        except AttachmentInUse:
            outcome["refused"] = True
        return HttpResponse()

    ActingUserMiddleware(view)(request)
    return outcome["refused"]


@pytest.mark.parametrize(
    "effect",
    [
        lambda doc: doc.save(),
        lambda doc: doc.delete(),
        lambda doc: get_document_model().objects.filter(pk=doc.pk).delete(),
        lambda doc: doc.tags.add("标签"),
        lambda doc: doc.tags.clear(),
    ],
    ids=["save", "delete", "queryset-delete", "add-tag", "clear-tags"],
)
def test_the_model_refuses_every_change_of_a_used_attachment_below_site_administrator(
    office, effect
):
    document = new_document("在用附件")
    township_live_page(office, document)
    users = office["users"]
    for role in ["editor", "reviewer", "leader"]:
        assert as_request_of(users[role], lambda: effect(document)), role
    assert get_document_model().objects.filter(pk=document.pk).exists()
    # The site administrator, and code outside any request (demo loader, migrations), may.
    assert not as_request_of(users["admin"], lambda: effect(document))


def test_the_model_lets_unused_files_and_file_metadata_change(office):
    unused = new_document("未使用附件")
    assert not as_request_of(office["users"]["editor"], lambda: unused.save())
    used = new_document("在用附件")
    township_live_page(office, used)
    assert not as_request_of(
        office["users"]["editor"], lambda: used.save(update_fields=["file_size"])
    )


def test_images_are_guarded_like_documents(office):
    image = get_image_model().objects.create(title="在用图片", file=get_test_image_file())
    embed = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
    DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title="图片通知",
        slug="image-notice",
        body=[("paragraph", RichText(embed))],
    )
    assert as_request_of(office["users"]["editor"], lambda: image.save())
    assert as_request_of(office["users"]["editor"], lambda: image.delete())


def test_the_admin_api_does_not_change_images(client, office):
    image = get_image_model().objects.create(title="接口图片", file=get_test_image_file())
    client.force_login(office["users"]["editor"])
    for method in (client.delete, client.put, client.patch, client.post):
        assert method(f"/admin/api/main/images/{image.pk}/").status_code in {403, 404, 405}
    assert get_image_model().objects.filter(pk=image.pk, title="接口图片").exists()


def test_a_file_linked_by_a_page_under_review_is_locked_until_the_review_ends(client, office):
    """Reviewers sign the file too: it cannot change under them before publication."""
    users = office["users"]
    document = new_document("送审附件", b"%PDF-1.4 reviewed", office["root"].organisation)
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title="送审通知",
        slug="under-review",
        body=body_with(document),
        live=False,
        revised_by=users["editor"],
    )
    assert not as_request_of(users["editor"], lambda: fresh_document(document).save())

    submit(page, users["editor"])
    client.force_login(users["editor"])
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "送审附件", "file": SimpleUploadedFile("swap.pdf", b"%PDF-1.4 swapped")},
    )
    assert fresh_document(document).file.name == document.file.name
    client.logout()

    approve_all(page, users)
    assert served(client, document) == b"%PDF-1.4 reviewed"


def test_every_document_and_image_bulk_action_leaves_out_files_that_are_content():
    """Enumerates Wagtail's bulk-action registry: an action added by a Wagtail upgrade fails
    here until it is guarded."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from disclosure.moderation.files.attachment_bulk_actions import BULK_ACTIONS

    for app_label, model_name in [("wagtaildocs", "document"), ("wagtailimages", "image")]:
        actions = list(bulk_action_registry.get_bulk_actions_for_model(app_label, model_name))
        assert {action.action_type for action in actions} >= {"delete", "add_tags"}
        for action in actions:
            assert action in BULK_ACTIONS, (model_name, action.action_type)


def test_every_admin_view_of_one_document_or_image_is_refused_before_it_runs():
    """Enumerates the URL patterns of Wagtail's document and image admin: each one that names
    an object does so with a keyword the middleware looks up (uploaded_file_id names a pending
    upload, which becomes a new object)."""
    from django.urls import get_resolver

    from disclosure.moderation.files.attachment_lock import _OBJECT_VIEWS

    def patterns(resolver, namespace=None):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from patterns(pattern, pattern.namespace or namespace)
            else:
                yield namespace, pattern

    seen = set()
    for namespace, pattern in patterns(get_resolver()):
        if namespace not in _OBJECT_VIEWS:
            continue
        keywords = set(pattern.pattern.regex.groupindex) - {"uploaded_file_id", "filter_spec"}
        seen.add(namespace)
        assert keywords <= set(_OBJECT_VIEWS[namespace][1]), (namespace, str(pattern.pattern))
    assert seen == set(_OBJECT_VIEWS)


def test_a_file_of_an_approved_page_waiting_for_its_publication_time_is_locked(client, office):
    """An approved run schedules its revision (定时发布): the file the reviewers signed is what
    goes live at that time, so it cannot change while the page waits."""
    users = office["users"]
    document = new_document("定时附件", b"%PDF-1.4 reviewed", office["root"].organisation)
    page = DisclosureDocumentPage(
        title="定时发布通知", slug="scheduled", live=False, body=body_with(document)
    )
    office["columns"][0].add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    approve_all(page, users)
    assert not fresh(page).live and fresh(page).scheduled_revision is not None

    client.force_login(users["editor"])
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "定时附件", "file": SimpleUploadedFile("swap.pdf", b"%PDF-1.4 swapped")},
    )
    assert fresh_document(document).file.name == document.file.name
    assert as_request_of(users["editor"], lambda: fresh_document(document).delete())
