"""The walls between organisations where the admin names an object by its id or lists it:
every admin API endpoint, the document download, every admin URL that takes a page id, the
page chooser's titles and wagtail-localize's translations report.

Tried over HTTP as the attacker did: the township's staff (an 依申请 handler too) against the
county office. The admin API's endpoints and the admin URLs that take a page id are enumerated
from Wagtail's registries, so one added by an upgrade or an app is tried too.
"""

import json
import re

from django.http import Http404, HttpResponse
from django.test import RequestFactory, TestCase
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.api.urls import admin_api
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Task
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import Translation, TranslationSource

from disclosure.catalogue.models import StaffOrganisation
from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.moderation.organisations.admin_page_walls import (
    OBJECT_KEYWORDS,
    PAGE_KEYWORDS,
    walled_by_page_id,
)
from disclosure.moderation.organisations.organisation_collections import organisation_collection
from tests.factories import DocumentFactory

from .helpers import body_with
from .offices import make_user
from .walled_offices import build_walled_office

DRAFT = "县里未审草稿栏目"
LIVE = "县里已公开栏目"
UNREVIEWED_TITLE = "县里未审核的新标题"
PRIVATE_DOCUMENT = "县里未公开的内部文件"
PUBLIC_DOCUMENT = "县里已公开的附件"
PRIVATE_IMAGE = "县里未公开的图片"
OWN_DOCUMENT = "镇里自己的文件"

# An admin URL keyword that names an object by its id: each one either names a page, and the
# wall reads it (`PAGE_KEYWORDS`, `OBJECT_KEYWORDS` when the URL names a page model), or is
# listed here with what it names instead.
ID_LIKE = re.compile(r"(^|_)(id|pk)$")
NOT_A_PAGE_ID = {
    "collection_id": "a collection (its privacy)",
    "doc_id": "a document being uploaded (wagtail.documents' multiple upload)",
    "document_id": "a document: its views check the collection permissions, the files walls",
    "image_id": "an image: its views check the collection permissions",
    "organisation_id": "an organisation's inspection report (disclosure/inspection walls it)",
    "overridable_segment_id": "a segment of a wagtail-localize translation",
    "query_id": "a search promotion's query",
    "redirect_id": "a redirect",
    "revision_id": "a revision of the page its page_id names, which the wall reads",
    "session_id": "an editing session, the requester's own (Wagtail looks it up by user)",
    "string_segment_id": "a segment of a wagtail-localize translation",
    "task_id": "a workflow task",
    "task_state_id": "a task state of the page its page_id names, which the wall reads",
    "translation_id": "a wagtail-localize translation (its views check the source's permissions)",
    "translation_source_id": "a wagtail-localize translation source",
    "uploaded_file_id": "a file being uploaded, the requester's own",
    "user_id": "a user (account security: site administrators only)",
    "withdrawal_id": "a withdrawal request (moderation's views wall it)",
    "workflow_pk": "a workflow",
    "workflow_state_id": "a workflow state of the page its page_id names, which the wall reads",
}
# `pk` names the object of the view's own model. Wagtail's page views name a page by the
# keywords above; the admin API's page endpoint is walled by admin_api_walls
# (test_every_admin_api_endpoint_is_walled).
PK_OF_PAGES_WALLED_ELSEWHERE = {"wagtailadmin_api:pages"}


def text(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def admin_url_patterns():
    """(route, namespace, pattern) of every URL pattern under /admin/."""

    def walk(patterns, prefix="", namespaces=()):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                yield prefix + str(pattern.pattern), ":".join(namespaces), pattern

    for route, namespace, pattern in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            yield route, namespace, pattern


def admin_urls_taking_a_page_id():
    """(route, keywords) of every admin URL pattern whose keywords name a page."""
    return [
        (route, set(pattern.pattern.converters))
        for route, _namespace, pattern in admin_url_patterns()
        if set(pattern.pattern.converters) & set(PAGE_KEYWORDS)
    ]


def test_every_id_in_an_admin_url_is_walled_or_names_no_page():
    unclassified = set()
    for route, namespace, pattern in admin_url_patterns():
        for keyword in pattern.pattern.converters:
            if not ID_LIKE.search(keyword) or keyword in PAGE_KEYWORDS:
                continue
            if keyword in OBJECT_KEYWORDS or keyword in NOT_A_PAGE_ID:
                continue
            if keyword == "pk":
                page_namespace = "page" in namespace
                if page_namespace and namespace not in PK_OF_PAGES_WALLED_ELSEWHERE:
                    unclassified.add((route, keyword))
                continue
            unclassified.add((route, keyword))
    assert unclassified == set(), "wall the keyword (PAGE_KEYWORDS) or say what it names"
    routes = {route for route, _keywords in admin_urls_taking_a_page_id()}
    assert "admin/workflows/remove/<int:page_pk>/" in routes
    assert "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/" in routes


class OrganisationWallsById(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_walled_office()
        cls.users = cls.office["users"]
        township, county = cls.office["township"], cls.office["county"]
        handler = make_user("township-handler", township.application_handlers.group)
        StaffOrganisation.objects.get_or_create(user=handler, defaults={"organisation": township})
        cls.users["handler"] = handler
        county_root = cls.office["county_root"]
        cls.draft = CategoryPageFactory(parent=county_root, title=DRAFT, slug="draft", live=False)
        cls.draft.save_revision(user=cls.users["county_admin"])
        cls.live = CategoryPageFactory(parent=county_root, title=LIVE, slug="live")
        county_files = organisation_collection(county)
        cls.private_document = DocumentFactory(title=PRIVATE_DOCUMENT, collection=county_files)
        cls.public_document = DocumentFactory(title=PUBLIC_DOCUMENT, collection=county_files)
        cls.own_document = DocumentFactory(
            title=OWN_DOCUMENT, collection=organisation_collection(township)
        )
        cls.private_image = get_image_model().objects.create(
            title=PRIVATE_IMAGE, file=get_test_image_file(), collection=county_files
        )
        DisclosureDocumentPageFactory(
            parent=cls.live,
            title="县里的公开通知",
            slug="notice",
            body=body_with(cls.public_document),
        )
        # The county's unreviewed next version of a live page, under a new title.
        cls.live.title = UNREVIEWED_TITLE
        cls.live.save_revision(user=cls.users["county_admin"])
        cls.live.refresh_from_db()
        assert cls.live.title == LIVE and cls.live.draft_title == UNREVIEWED_TITLE
        backend = get_search_backend()
        for obj in (cls.draft, cls.live, cls.private_document, cls.public_document):
            backend.add(obj)

    def login(self, key):
        self.client.force_login(self.users[key])

    # --- the admin API ----------------------------------------------------------------------

    def test_every_admin_api_endpoint_is_walled(self):
        """Each registered endpoint lists and details only what the user may see."""
        hidden = {
            "pages": self.draft,
            "documents": self.private_document,
            "images": self.private_image,
        }
        assert set(admin_api._endpoints) == set(hidden), "classify the new admin API endpoint"
        for key in ("editor", "handler", "township_admin"):
            self.login(key)
            for name, obj in hidden.items():
                base = f"/admin/api/main/{name}/"
                listing = self.client.get(base, {"limit": 20})
                assert listing.status_code == 200, (key, name)
                assert obj.pk not in {item["id"] for item in listing.json()["items"]}, (key, name)
                assert obj.title not in text(listing), (key, name)
                detail = self.client.get(f"{base}{obj.pk}/")
                assert detail.status_code == 404, (key, name, detail.status_code)
                assert obj.title not in text(detail)
        self.login("outsider")
        for name, obj in hidden.items():
            response = self.client.get(f"/admin/api/main/{name}/{obj.pk}/")
            assert response.status_code == 200, name

    def test_the_admin_api_search_does_not_find_another_organisations_documents(self):
        self.login("handler")
        response = self.client.get("/admin/api/main/documents/", {"search": PRIVATE_DOCUMENT})
        assert response.status_code == 200
        assert PRIVATE_DOCUMENT not in text(response)
        assert "download_url" not in text(response) or self.private_document.url not in text(
            response
        )

    # --- downloads --------------------------------------------------------------------------

    def test_staff_download_their_own_and_public_documents_only(self):
        for key in ("editor", "handler", "reviewer", "township_admin"):
            self.login(key)
            assert self.client.get(self.private_document.url).status_code == 404, key
            assert self.client.get(self.public_document.url).status_code == 200, key
            assert self.client.get(self.own_document.url).status_code == 200, key
        for key in ("outsider", "county_reviewer", "site_admin", "admin"):
            self.login(key)
            assert self.client.get(self.private_document.url).status_code == 200, key
        self.client.logout()
        assert self.client.get(self.private_document.url).status_code == 404
        assert self.client.get(self.public_document.url).status_code == 200

    # --- admin URLs taking a page id --------------------------------------------------------

    def _arguments(self, keywords):
        task = Task.objects.first()
        revision = self.draft.latest_revision
        values = {
            "page_id": self.draft.pk,
            "parent_page_id": self.draft.pk,
            "page_to_move_id": self.draft.pk,
            "pk": self.draft.pk,
            "page_pk": self.draft.pk,
            "workflow_pk": 1,
            "destination_id": self.office["root"].pk,
            "task_id": task.pk if task else 1,
            "revision_id": revision.pk,
            "task_state_id": 1,
            "workflow_state_id": 1,
            "action_name": "approve",
            "content_type_app_name": "catalogue",
            "content_type_model_name": "categorypage",
            "source": "register",  # what an annual report's tables are filled from
        }
        return {keyword: values[keyword] for keyword in keywords}

    def test_every_admin_url_taking_a_page_id_refuses_another_organisations_page(self):
        urls = admin_urls_taking_a_page_id()
        routes = {route for route, _ in urls}
        assert "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/" in routes
        assert "admin/pages/<int:page_id>/edit/" in routes
        for key in ("editor", "handler", "township_admin"):
            self.login(key)
            for route, keywords in urls:
                resolver_route = route
                for keyword, value in self._arguments(keywords).items():
                    resolver_route = resolver_route.replace(
                        f"<{self._converter(route, keyword)}{keyword}>", str(value)
                    )
                url = "/" + resolver_route
                response = self.client.get(url)
                assert response.status_code in (302, 404), (key, url, response.status_code)
                assert DRAFT not in text(response), (key, url)
                assert UNREVIEWED_TITLE not in text(response), (key, url)
        self.login("outsider")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.draft.pk]))
        assert response.status_code == 200

    @staticmethod
    def _converter(route, keyword):
        start = route.index(f"{keyword}>")
        opening = route.rindex("<", 0, start)
        return route[opening + 1 : start]

    def test_the_wall_reads_each_keyword_that_names_a_page(self):
        """Before any view runs: a workflow's removal from a page (page_pk), a move's
        destination and an editing session's page (object_id of a page model) of another
        organisation answer 404; the organisation's own page reaches the view."""

        def view(request, **kwargs):
            return HttpResponse("ran")

        walled = walled_by_page_id(view)
        own = self.office["root"].get_children().first() or self.office["root"]
        for kwargs in (
            {"page_pk": self.draft.pk},
            {"page_pk": self.live.pk, "workflow_pk": 1},
            {"page_to_move_id": own.pk, "destination_id": self.draft.pk},
            {"app_label": "wagtailcore", "model_name": "page", "object_id": str(self.draft.pk)},
            {
                "app_label": "catalogue",
                "model_name": "categorypage",
                "object_id": str(self.live.pk),
            },
        ):
            request = RequestFactory().get("/admin/")
            request.user = self.users["township_admin"]
            with self.assertRaises(Http404, msg=kwargs):
                walled(request, **kwargs)
            own_kwargs = {
                key: (str(own.pk) if key == "object_id" else own.pk)
                if key in {*PAGE_KEYWORDS, *OBJECT_KEYWORDS}
                else value
                for key, value in kwargs.items()
            }
            assert walled(request, **own_kwargs).content == b"ran", own_kwargs
        # An object_id of a model other than a page is not read as a page's id.
        request = RequestFactory().get("/admin/")
        request.user = self.users["township_admin"]
        snippet = {
            "app_label": "catalogue",
            "model_name": "domain",
            "object_id": str(self.draft.pk),
        }
        assert walled(request, **snippet).content == b"ran"
        request.user = self.users["site_admin"]
        assert walled(request, page_pk=self.draft.pk).content == b"ran"

    def test_the_workflow_preview_does_not_name_another_organisations_draft(self):
        task = Task.objects.first()
        self.login("handler")
        url = reverse("wagtailadmin_pages:workflow_preview", args=[self.draft.pk, task.pk])
        response = self.client.get(url)
        assert response.status_code == 404
        assert DRAFT not in text(response)

    # --- the page chooser -------------------------------------------------------------------

    def test_the_chooser_shows_another_organisations_live_title_not_its_unreviewed_one(self):
        requests = [
            (reverse("wagtailadmin_choose_page_child", args=[self.office["county_root"].pk]), {}),
            (reverse("wagtailadmin_choose_page_child", args=[self.live.pk]), {}),
            (reverse("wagtailadmin_choose_page_search"), {"q": "县里"}),
            (reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [self.live.pk]}),
        ]
        for key in ("editor", "township_admin"):
            self.login(key)
            for url, query in requests:
                response = self.client.get(url, query)
                assert response.status_code == 200, (key, url)
                assert UNREVIEWED_TITLE not in text(response), (key, url)
                assert LIVE in text(response), (key, url)
        self.login("outsider")
        response = self.client.get(requests[3][0], requests[3][1])
        assert UNREVIEWED_TITLE in text(response)

    # --- wagtail-localize's translations report ---------------------------------------------

    def test_the_translations_report_lists_only_the_organisations_own_translations(self):
        english = Locale.objects.get(language_code="en")
        source, _created = TranslationSource.get_or_create_from_instance(
            Page.objects.get(pk=self.live.pk).specific
        )
        Translation.objects.create(source=source, target_locale=english)
        for name in ("translations_report", "translations_report_results"):
            url = reverse(f"wagtail_localize:{name}")
            for key in ("township_admin", "editor"):
                self.login(key)
                response = self.client.get(url)
                assert response.status_code in (200, 302, 403), (key, name)
                assert LIVE not in text(response), (key, name)
            for key in ("county_admin", "site_admin"):
                self.login(key)
                response = self.client.get(url)
                assert response.status_code == 200, (key, name)
                assert LIVE in text(response), (key, name)


def test_a_signed_out_request_for_a_page_view_goes_to_the_login_page(client, db):
    """The wall answers for a signed-in user of another organisation; a signed-out one is sent
    to sign in, as Wagtail's views do (an editor whose session ended keeps her way back)."""
    from wagtail.models import Page

    page = Page.objects.filter(depth__gt=1).first()
    for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        response = client.post(url, {})
        assert response.status_code in (302, 403) and response.status_code != 404, url
