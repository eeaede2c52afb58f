"""Each organisation's register is seen and handled by its own 依申请办理 group and
administrators only; staff of another organisation get 404 for every object."""

import datetime

import pytest
from django.contrib.auth.models import Group

from disclosure.applications.models import Application, ReviewCase, State
from disclosure.applications.scoping import register_organisations
from disclosure.applications.tests.factories import staff_form
from disclosure.catalogue.staff_roles import organisations_visible_to
from disclosure.catalogue.tests.factories import OrganisationFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from tests.factories import UserFactory

D = datetime.date
pytestmark = pytest.mark.django_db
REGISTER = "/admin/applications_application/"


def member_of(group, username):
    return UserFactory(username=username, first_name=username, groups=[group])


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="友谊县人民政府办公室测试", short_name="县政府办")


@pytest.fixture
def outsider_client(client, other_organisation):
    client.force_login(member_of(other_organisation.application_handlers.group, "outsider"))
    return client


def test_a_new_organisation_gets_its_own_handler_group(organisation):
    group = organisation.application_handlers.group
    assert group.name == "友谊镇人民政府测试·依申请办理"
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_application", "change_application", "add_reviewcase"} <= codenames


def test_staff_of_another_organisation_get_404(outsider_client, make_application, clerk):
    application = make_application(received_on=D(2025, 3, 3))
    application.reply(clerk, D(2025, 3, 4), "granted")
    case = ReviewCase.objects.create(application=application, kind="review", filed_on=D(2025, 4, 1))

    listing = outsider_client.get(REGISTER)
    assert listing.status_code == 200 and application.tracking_number not in listing.text
    assert "友谊镇人民政府测试" not in listing.text  # not even as a filter choice
    filtered = outsider_client.get(REGISTER, {"organisation": application.organisation_id})
    assert application.tracking_number not in filtered.text
    for url in [
        f"{REGISTER}edit/{application.pk}/",
        f"{REGISTER}inspect/{application.pk}/",
        f"{REGISTER}handle/{application.pk}/",
        f"{REGISTER}letter/{application.pk}/",
        f"{REGISTER}history/{application.pk}/",
        f"/admin/applications_reviewcase/edit/{case.pk}/",
    ]:
        assert outsider_client.get(url).status_code == 404, url
    refused = outsider_client.post(
        f"{REGISTER}handle/{application.pk}/", {"action": "archive", "on": "2025-03-05"}
    )
    assert refused.status_code == 404
    cases = outsider_client.get("/admin/applications_reviewcase/")
    assert application.tracking_number not in cases.text
    application.refresh_from_db()
    assert application.state == State.REPLIED
    assert not application.events.filter(action="view").exists()


def test_staff_cannot_register_for_another_organisation(outsider_client, organisation):
    response = outsider_client.post(
        f"{REGISTER}new/",
        staff_form(organisation),
    )
    assert response.status_code == 200 and "organisation" in response.context["form"].errors
    assert not Application.objects.exists()


def test_the_organisations_administrators_see_its_register_and_nobody_else(
    client, organisation, make_application
):
    application = make_application(received_on=D(2020, 3, 2))
    administrators = ensure_organisation_roles(organisation)["administrators"]
    client.force_login(member_of(administrators, "township-admin"))
    assert application.tracking_number in client.get(REGISTER).text
    assert client.get(f"{REGISTER}inspect/{application.pk}/").status_code == 200
    assert application.tracking_number in client.get("/admin/").text  # the deadlines panel

    # The site-wide groups carry permissions but no organisation.
    client.force_login(member_of(Group.objects.get(name="依申请办理"), "unplaced"))
    assert application.tracking_number not in client.get(REGISTER).text
    assert client.get(f"{REGISTER}inspect/{application.pk}/").status_code == 404
    assert application.tracking_number not in client.get("/admin/").text


def test_groups_and_permissions_are_made_once(organisation):
    from django.contrib.auth.models import Permission

    from disclosure.applications.roles import ensure_organisation_handlers
    from gongkai.permissions import get_permission

    Permission.objects.filter(codename="view_calendarday").delete()
    made = get_permission("workdays", "calendarday", "view_calendarday")
    assert made.content_type.model_class().__name__ == "CalendarDay"
    assert get_permission("workdays", "calendarday", "view_calendarday") == made
    group = organisation.application_handlers.group
    assert ensure_organisation_handlers(organisation) == group
    assert Group.objects.filter(name=group.name).count() == 1


def test_every_class_based_view_of_the_scoped_viewsets_is_scoped():
    """Each view Wagtail's ModelViewSet serves for the register and the review cases (index,
    results, add, edit, delete, history, usage, inspect …), read from their URL patterns, is an
    OrganisationScopedView with the viewset's organisation field."""
    from django.core.exceptions import ImproperlyConfigured
    from wagtail.admin.views import generic

    from disclosure.applications.register_admin import (
        OrganisationScopedView,
        application_viewset,
        review_case_viewset,
    )

    for viewset in (application_viewset, review_case_viewset):
        views = [
            pattern.callback.view_class
            for pattern in viewset.get_urlpatterns()
            if hasattr(pattern.callback, "view_class")
        ]
        assert len(views) >= 6, views
        for view_class in views:
            assert issubclass(view_class, OrganisationScopedView), view_class
        scoped = viewset.index_view
        assert scoped.view_initkwargs["organisation_field"] == viewset.organisation_field
    with pytest.raises(ImproperlyConfigured):
        application_viewset.construct_view(generic.IndexView)


def test_the_registers_organisations_are_not_the_walls_organisations(
    organisation, other_organisation
):
    """A site administrator who is no superuser sees every organisation's published work
    (the walls, `organisations_visible_to`) but no register beyond its own organisations':
    the register holds personal data (`register_organisations`)."""
    site_administrator = member_of(Group.objects.get(name="管理员"), "site-admin")
    assert set(organisations_visible_to(site_administrator)) >= {organisation, other_organisation}
    assert not register_organisations(site_administrator).exists()
    handler = member_of(organisation.application_handlers.group, "handler-one")
    assert list(register_organisations(handler)) == [organisation]
    superuser = UserFactory(username="root", is_superuser=True)
    assert set(register_organisations(superuser)) >= {organisation, other_organisation}
