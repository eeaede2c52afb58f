"""An alias of a disclosure page is created only of a live page (whose content passed review).

An alias mirrors its original and goes live with it: an alias of a never-published draft, put
under another column, would appear there the moment the draft's review published it, in a place
no reviewer was shown. Refused where the alias is created (publication.py, the `pre_save`
check), on every path: the admin API's create_alias, the copy view's alias, Wagtail's
CreatePageAliasAction in code. Translation aliases (wagtail-localize's copy_for_translation and
its tree synchronisation) mirror the source in another locale's tree and stay allowed.
"""

import pytest
from django.urls import reverse
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Locale, Page

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.publishing.guards import ALIAS_OF_UNPUBLISHED
from disclosure.moderation.publishing.publication import UnreviewedPublication
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import approve_all, fresh, submit

pytestmark = OFFICE_PER_MODULE

# Every admin API page action that creates an alias (Wagtail's copy action has no alias option);
# copy_for_translation's alias is a translation alias, allowed (the last test).
ALIAS_CREATING_API_ACTIONS = ["copy_for_translation", "create_alias"]


@pytest.fixture
def office(small_office):
    return small_office


@pytest.fixture
def draft(office):
    return ServiceGuidePageFactory(
        parent=office["columns"][0],
        slug="never-published",
        live=False,
        owner=office["users"]["editor"],
    )


def no_alias_of(page):
    return not Page.objects.filter(alias_of_id=page.pk).exists()


def test_the_admin_api_offers_no_other_way_to_create_an_alias():
    from wagtail.admin.api.actions.create_alias import CreatePageAliasAPIAction

    def posts_an_alias(action):
        fields = action.serializer().fields if action.serializer else {}
        return issubclass(action, CreatePageAliasAPIAction) or "alias" in fields

    creating = sorted(
        name for name, action in PagesAdminAPIViewSet.actions.items() if posts_an_alias(action)
    )
    assert creating == ALIAS_CREATING_API_ACTIONS


@pytest.mark.parametrize("user", ["editor", "admin"])
def test_the_admin_api_refuses_an_alias_of_a_never_published_draft(client, office, draft, user):
    client.force_login(office["users"][user])
    response = client.post(
        f"/admin/api/main/pages/{draft.pk}/action/create_alias/",
        {"destination_page_id": office["columns"][1].pk, "update_slug": "draft-alias"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert str(ALIAS_OF_UNPUBLISHED) in response.json()["detail"]
    assert no_alias_of(draft)


@pytest.mark.parametrize("user", ["editor", "admin"])
def test_the_copy_view_refuses_an_alias_of_a_never_published_draft(client, office, draft, user):
    client.force_login(office["users"][user])
    url = reverse("wagtailadmin_pages:copy", args=[draft.pk])
    form = {"new_title": "别名", "new_parent_page": office["columns"][1].pk, "new_slug": "alias"}
    response = client.post(url, {**form, "alias": "on"}, follow=True)
    assert str(ALIAS_OF_UNPUBLISHED) in response.content.decode()
    assert no_alias_of(draft)


def test_code_cannot_create_an_alias_of_a_never_published_draft(office, draft):
    with pytest.raises(UnreviewedPublication):
        CreatePageAliasAction(draft, parent=office["columns"][1], update_slug="code-alias").execute(
            skip_permission_checks=True
        )
    assert no_alias_of(draft)


def test_an_alias_of_a_draft_whose_original_went_down_is_refused_too(office, draft):
    submit(draft, office["users"]["editor"])
    page = approve_all(draft, office["users"])
    page.unpublish()
    with pytest.raises(UnreviewedPublication):
        CreatePageAliasAction(fresh(page), parent=office["columns"][1], update_slug="x").execute(
            skip_permission_checks=True
        )
    assert no_alias_of(page)


def test_an_alias_of_a_live_page_is_created_in_code(office, draft):
    submit(draft, office["users"]["editor"])
    page = approve_all(draft, office["users"])
    alias = CreatePageAliasAction(
        page, parent=office["columns"][1], update_slug="live-alias"
    ).execute(skip_permission_checks=True)
    assert alias.live and alias.alias_of_id == page.pk


def test_a_translation_alias_of_a_draft_is_still_created(office, draft):
    english, _created = Locale.objects.get_or_create(language_code="en")
    alias = draft.copy_for_translation(english, copy_parents=True, alias=True)
    assert alias.alias_of_id == draft.pk and not alias.live
