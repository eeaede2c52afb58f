"""The Wagtail admin API and the explorer's search do not name another organisation's drafts,
and a draft moved through the admin API cannot take a slug its new parent answers at itself."""

import json

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from disclosure.catalogue.tests.factories import CategoryPageFactory

from .walled_offices import DRAFT, OWN_DRAFT, WalledPages, build_walled_office

API = "/admin/api/main/pages/"


def _text(response):
    """The JSON answer with its Chinese as written."""
    return json.dumps(response.json(), ensure_ascii=False)


# Township staff of every role below site administrator.
TOWNSHIP_STAFF = ["editor", "reviewer", "secrecy", "leader", "township_admin"]


class AdminApiWalls(WalledPages, TestCase):
    def test_the_admin_api_lists_no_other_organisations_draft(self):
        county_root = self.office["county_root"]
        for key in TOWNSHIP_STAFF:
            self.client.force_login(self.users[key])
            for query in (
                {},
                {"search": "县里"},
                {"child_of": county_root.pk},
                {"descendant_of": county_root.pk},
                {"limit": 500},
            ):
                response = self.client.get(API, query)
                assert response.status_code in (200, 400, 404), (key, query)
                if response.status_code == 200:
                    assert DRAFT not in _text(response), (key, query)
            detail = self.client.get(f"{API}{self.draft.pk}/")
            assert detail.status_code == 404, key
        # The wall is not a blind: the county's own editor, and the township's own drafts.
        self.client.force_login(self.users["outsider"])
        assert DRAFT in _text(self.client.get(API, {"child_of": county_root.pk}))
        self.client.force_login(self.users["editor"])
        own = self.client.get(API, {"child_of": self.office["root"].pk})
        assert OWN_DRAFT in _text(own)

    def test_the_explorer_search_names_no_other_organisations_draft(self):
        for key in TOWNSHIP_STAFF:
            self.client.force_login(self.users[key])
            for url in (reverse("wagtailadmin_pages:search"),):
                # The page repeats the query: search for part of the title, look for all of it.
                for query in ({"q": "县里"}, {"q": "未审草稿"}):
                    response = self.client.get(url, query)
                    assert response.status_code == 200, (key, url)
                    assert DRAFT not in response.content.decode(), (key, url, query)
        self.client.force_login(self.users["outsider"])
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "县里"})
        assert DRAFT in response.content.decode()


class AdminApiMoveToReservedSlug(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_walled_office()
        cls.users = cls.office["users"]
        cls.column = cls.office["columns"][1]
        # A draft slugged "rss" below the site's home page, which has no feed route.
        cls.home = cls.office["root"].get_parent()
        cls.draft = CategoryPageFactory(parent=cls.home, title="订阅说明", slug="rss", live=False)

    def test_moving_a_draft_slugged_rss_under_a_column_is_refused(self):
        assert "rss" in type(self.column.specific).reserved_child_slugs
        # The superuser: everyone else lacks a permission on the home page's children anyway.
        for key in ("admin",):
            self.client.force_login(self.users[key])
            response = self.client.post(
                f"{API}{self.draft.pk}/action/move/",
                data=json.dumps({"destination_page_id": self.column.pk}),
                content_type="application/json",
            )
            assert response.status_code in (400, 403), (key, response.status_code)
            assert "RSS" in _text(response), _text(response)
            assert Page.objects.get(pk=self.draft.pk).get_parent().pk == self.home.pk
            assert self.client.get(f"{self.column.url}rss/").status_code == 200
