"""The walls between organisations on the admin views that name pages outside the explorer,
tried over HTTP as the attacker did: the county office's staff reading the township's drafts
through the page chooser, the bulk-action confirmation pages and the page-types-usage report.

Page bulk actions are enumerated from Wagtail's registry, so one added by an upgrade or an app
is tried too.
"""

import json

from django.test import TestCase
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page

from .walled_offices import DRAFT, LIVE, OWN_DRAFT, WalledPages


def page_bulk_actions():
    """Every registered bulk action on a page model, as (app_label, model_name, action_type)."""
    bulk_action_registry._scan_for_bulk_actions()
    found = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            for action_type, action_class in actions.items():
                if any(issubclass(model, Page) for model in action_class.models):
                    found.append((app_label, model_name, action_type))
    return found


class AdminPageWalls(WalledPages, TestCase):
    def login(self, key):
        self.client.force_login(self.users[key])

    def text(self, response):
        # The chooser answers JSON, its Chinese escaped: compare with the decoded document.
        if response.get("Content-Type", "").startswith("application/json"):
            return json.dumps(response.json(), ensure_ascii=False)
        return response.content.decode()

    # --- the page chooser -------------------------------------------------------------------

    def test_the_chooser_lists_other_organisations_pages_only_when_live(self):
        self.login("township_admin")
        response = self.client.get(
            reverse("wagtailadmin_choose_page_child", args=[self.office["county_root"].pk])
        )
        assert response.status_code == 200
        assert LIVE in self.text(response)
        assert DRAFT not in self.text(response)

    def test_the_chooser_lists_the_users_own_drafts(self):
        self.login("editor")
        response = self.client.get(
            reverse("wagtailadmin_choose_page_child", args=[self.office["root"].pk])
        )
        assert OWN_DRAFT in self.text(response)

    def test_the_chooser_search_finds_other_organisations_pages_only_when_live(self):
        self.login("township_admin")
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "县里"})
        assert response.status_code == 200
        assert LIVE in self.text(response)
        assert DRAFT not in self.text(response)
        self.login("outsider")
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "县里"})
        assert DRAFT in self.text(response)

    def test_the_chooser_does_not_browse_or_return_another_organisations_draft(self):
        self.login("township_admin")
        browse = self.client.get(reverse("wagtailadmin_choose_page_child", args=[self.draft.pk]))
        assert browse.status_code == 404
        assert DRAFT not in self.text(browse)
        chosen = self.client.get(
            reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [self.draft.pk]}
        )
        assert chosen.status_code == 404
        self.login("site_admin")
        browse = self.client.get(reverse("wagtailadmin_choose_page_child", args=[self.draft.pk]))
        assert browse.status_code == 200

    # --- bulk actions -----------------------------------------------------------------------

    def test_no_page_bulk_action_names_another_organisations_pages(self):
        actions = page_bulk_actions()
        assert {"delete", "publish", "unpublish", "move"} <= {a for _, _, a in actions}
        self.login("township_admin")
        for app_label, model_name, action in actions:
            url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
            mixed = self.client.get(
                url, {"id": [self.draft.pk, self.live.pk, self.own_draft.pk], "next": "/admin/"}
            )
            assert mixed.status_code == 200, (action, mixed.status_code)
            assert DRAFT not in self.text(mixed), action
            assert LIVE not in self.text(mixed), action
            assert OWN_DRAFT in self.text(mixed), action
            foreign = self.client.get(url, {"id": [self.draft.pk, self.live.pk]})
            assert foreign.status_code == 404, action
            assert DRAFT not in self.text(foreign), action
            every = self.client.get(url, {"id": "all", "childOf": self.office["county_root"].pk})
            assert every.status_code == 404, action

    def test_a_bulk_delete_posted_for_another_organisations_page_leaves_it(self):
        self.login("county_admin")
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        response = self.client.post(f"{url}?id={self.own_draft.pk}&next=/admin/")
        assert response.status_code == 404
        assert Page.objects.filter(pk=self.own_draft.pk).exists()

    # --- the page-types-usage report --------------------------------------------------------

    def test_the_page_types_usage_report_is_for_site_administrators(self):
        for key in ("township_admin", "editor", "outsider"):
            self.login(key)
            for name in ("page_types_usage", "page_types_usage_results"):
                response = self.client.get(reverse(f"wagtailadmin_reports:{name}"))
                assert response.status_code in (302, 403), (key, name, response.status_code)
                assert DRAFT not in self.text(response)
        self.login("admin")
        response = self.client.get(reverse("wagtailadmin_reports:page_types_usage"))
        assert response.status_code == 200

    def test_the_reports_menu_offers_page_types_usage_only_to_site_administrators(self):
        url = reverse("wagtailadmin_reports:page_types_usage")
        self.login("township_admin")
        assert url not in self.text(self.client.get(reverse("wagtailadmin_home")))
        self.login("admin")
        assert url in self.text(self.client.get(reverse("wagtailadmin_home")))
