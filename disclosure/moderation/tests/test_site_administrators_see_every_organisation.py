"""A site administrator sees every organisation, whether or not recorded with one
(staff_roles.sees_every_organisation): one recorded with the township (a county office's
administrator who also runs the platform) still sees the county office's pages, users and log
in every reader of moderation — the walls, the dashboard, the user admin and the audit export.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.models import StaffOrganisation
from disclosure.catalogue.staff_roles import organisations_visible_to, sees_every_organisation
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.organisations.admin_page_walls import other_organisations_pages_q
from disclosure.moderation.organisations.walls import manageable_users, within_organisation
from disclosure.moderation.people.audit import AuditFilterForm
from disclosure.moderation.people.user_admin import ScopedUserEditForm
from disclosure.moderation.review.dashboard import my_drafts
from gongkai.accounts.administrators import site_administrators_group
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KINDS = ("superuser", "administrators_group")


@pytest.fixture(params=KINDS)
def township_site_administrator(request, small_office):
    """A site administrator of either kind, recorded with the township."""
    if request.param == "superuser":
        user = UserFactory(username="platform-root", is_superuser=True, is_staff=True)
    else:
        group, _ = (site_administrators_group(), False)
        user = UserFactory(username="platform-admin", groups=[group])
    user.first_name, user.last_name = "某", user.username
    user.save(update_fields=["first_name", "last_name"])
    StaffOrganisation.objects.create(user=user, organisation=small_office["root"].organisation)
    return user


def test_the_predicate_answers_yes(township_site_administrator):
    assert sees_every_organisation(township_site_administrator)


def test_it_sees_every_organisation(township_site_administrator, small_office):
    county = small_office["county_root"].organisation
    assert organisations_visible_to(township_site_administrator).filter(pk=county.pk).exists()


def test_the_walls_let_it_see_the_other_organisations_pages(
    township_site_administrator, small_office
):
    county_root = small_office["county_root"]
    mine = Page.objects.filter(within_organisation(township_site_administrator))
    assert mine.filter(pk=county_root.pk).exists()


def test_its_dashboard_lists_its_drafts_in_the_other_organisation(
    township_site_administrator, small_office
):
    draft = DisclosureDocumentPageFactory(
        parent=small_office["county_root"],
        title="站点管理员在县里写的草稿",
        live=False,
        owner=township_site_administrator,
    )
    assert draft.pk in {page.pk for page in my_drafts(township_site_administrator)}


def test_the_user_admin_lets_it_manage_the_other_organisations_staff(
    client, township_site_administrator, small_office
):
    county_editor = small_office["users"]["outsider"]
    assert manageable_users(township_site_administrator).filter(pk=county_editor.pk).exists()
    form = ScopedUserEditForm(instance=county_editor, for_user=township_site_administrator)
    assert (
        form.fields["organisation"]
        .queryset.filter(pk=small_office["county_root"].organisation_id)
        .exists()
    )
    client.force_login(township_site_administrator)
    response = client.get(reverse("wagtailusers_users:edit", args=[county_editor.pk]))
    assert response.status_code == 200


def test_the_audit_export_carries_the_other_organisations_entries(
    client, township_site_administrator, small_office
):
    county_root = small_office["county_root"]
    PageLogEntry.objects.log_action(
        county_root, "wagtail.edit", user=small_office["users"]["outsider"]
    )
    form = AuditFilterForm(user=township_site_administrator)
    assert form.fields["organisation"].queryset.filter(pk=county_root.organisation_id).exists()
    client.force_login(township_site_administrator)
    response = client.get(reverse("moderation:audit_export"), {"format": "csv"})
    assert county_root.title in response.content.decode()


def test_no_page_is_another_organisations_to_it(township_site_administrator, small_office):
    """The admin's page walls (choosers, the admin API, pages named by id) hide nothing."""
    county_root = small_office["county_root"]
    others = Page.objects.filter(other_organisations_pages_q(township_site_administrator))
    assert not others.filter(pk=county_root.pk).exists()
