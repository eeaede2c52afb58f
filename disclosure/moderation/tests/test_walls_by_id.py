"""The walls between organisations where the admin names an object by its id or lists it:
every admin API endpoint, the document download, every admin URL that takes a page id, the
page chooser's titles and wagtail-localize's translations report.

Tried over HTTP as the attacker did: the township's staff (an 依申请 handler too) against the
county office. The admin API's endpoints and the admin URLs that take a page id are enumerated
from Wagtail's registries, so one added by an upgrade or an app is tried too.
"""

import json

from django.test import TestCase
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

# Keywords of Wagtail's admin URLs that name a page (pages/…, and the apps' own views).
PAGE_KEYWORDS = {"page_id", "parent_page_id", "page_to_move_id"}


def text(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def admin_urls_taking_a_page_id():
    """(route, name, keywords) of every admin URL pattern under /admin/pages/ whose keywords
    name a page."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    found = []
    for route, pattern in walk(get_resolver().url_patterns):
        keywords = set(pattern.pattern.converters)
        if route.startswith("admin/pages/") and keywords & (PAGE_KEYWORDS | {"pk"}):
            found.append((route, keywords))
    return found


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
            "destination_id": self.office["root"].pk,
            "task_id": task.pk if task else 1,
            "revision_id": revision.pk,
            "task_state_id": 1,
            "workflow_state_id": 1,
            "action_name": "approve",
            "content_type_app_name": "catalogue",
            "content_type_model_name": "categorypage",
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
