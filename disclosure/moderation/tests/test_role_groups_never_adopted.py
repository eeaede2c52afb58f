"""An organisation's groups (its role groups, `某镇·初审`…, and the register's `某镇·依申请办理`)
are created for it, never found by their name: a group that already bears the name (made by a
site administrator, planted before the organisation was created) keeps its members and
permissions to itself and the organisation gets a group of its own under a distinct name.

Before, both were `get_or_create(name=…)`: a planted `某镇·管理员` holding a user of another
office, or permissions no office holds, became the new office's administrators' group."""

import pytest
from django.contrib.auth.models import Group, Permission

from disclosure.applications.models import OrganisationHandlers
from disclosure.applications.roles import APPLICATION_HANDLERS_GROUP, ensure_organisation_handlers
from disclosure.catalogue.models import OrganisationRole, StaffOrganisation
from disclosure.catalogue.staff_roles import (
    organisation_group_ids_of_user_id,
    role_group,
    role_members,
)
from disclosure.catalogue.tests.factories import OrganisationFactory
from disclosure.moderation.organisations.membership import conflict
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_OFFICE = "新城镇人民政府"


def planted(name, members=(), permissions=()):
    group = Group.objects.create(name=name)
    group.user_set.add(*members)
    group.permissions.add(*permissions)
    return group


def other_office_staff():
    """A user of another office, in that office's editors' group."""
    other = OrganisationFactory(name="旧城镇人民政府")
    user = UserFactory(username="old-town-editor")
    user.groups.add(ensure_organisation_roles(other)[Role.EDITORS])
    assert StaffOrganisation.objects.get(user=user).organisation == other
    return other, user


def test_a_name_taken_by_a_group_with_another_offices_member_is_not_adopted():
    other, outsider = other_office_staff()
    administrators = planted(f"{NEW_OFFICE}·{Role.ADMINISTRATORS.group_name}", [outsider])
    handlers = planted(f"{NEW_OFFICE}·{APPLICATION_HANDLERS_GROUP}", [outsider])

    office = OrganisationFactory(name=NEW_OFFICE)
    groups = ensure_organisation_roles(office)

    assert groups[Role.ADMINISTRATORS] != administrators
    assert OrganisationHandlers.objects.get(organisation=office).group != handlers
    assert not OrganisationRole.objects.filter(group__in=[administrators, handlers]).exists()
    assert not role_members(office.pk, list(Role)).exists()
    # The outsider still belongs to one organisation only, as membership.py requires.
    assert conflict(other.pk, organisation_group_ids_of_user_id(outsider.pk)) is None
    # The planted groups are left as they were, under their own names.
    assert set(administrators.user_set.all()) == {outsider}
    assert Group.objects.get(pk=handlers.pk).name == f"{NEW_OFFICE}·{APPLICATION_HANDLERS_GROUP}"


def test_a_name_taken_by_an_empty_group_with_extra_permissions_is_not_adopted():
    extra = list(Permission.objects.filter(codename__in=["change_site", "delete_group"]))
    reviewers = planted(f"{NEW_OFFICE}·{Role.REVIEWERS.group_name}", permissions=extra)
    handlers = planted(f"{NEW_OFFICE}·{APPLICATION_HANDLERS_GROUP}", permissions=extra)

    office = OrganisationFactory(name=NEW_OFFICE)
    groups = ensure_organisation_roles(office)

    own_reviewers = groups[Role.REVIEWERS]
    own_handlers = OrganisationHandlers.objects.get(organisation=office).group
    assert own_reviewers != reviewers and own_handlers != handlers
    for group in (own_reviewers, own_handlers, groups[Role.ADMINISTRATORS]):
        assert not group.permissions.filter(pk__in=[p.pk for p in extra]).exists()
    # Distinct names that still say whose group it is.
    assert own_reviewers.name.startswith(f"{NEW_OFFICE}·{Role.REVIEWERS.group_name}")
    assert own_handlers.name.startswith(f"{NEW_OFFICE}·{APPLICATION_HANDLERS_GROUP}")


def test_without_a_clash_the_groups_are_named_after_the_organisation():
    office = OrganisationFactory(name=NEW_OFFICE)
    groups = ensure_organisation_roles(office)

    assert {role: group.name for role, group in groups.items()} == {
        role: f"{NEW_OFFICE}·{role.group_name}" for role in Role
    }
    handlers = OrganisationHandlers.objects.get(organisation=office).group
    assert handlers.name == f"{NEW_OFFICE}·{APPLICATION_HANDLERS_GROUP}"
    site_wide = Group.objects.get(name=Role.EDITORS.group_name).permissions.all()
    assert set(groups[Role.EDITORS].permissions.all()) <= set(site_wide)
    assert groups[Role.EDITORS].permissions.exists()


def test_running_again_keeps_the_recorded_groups():
    planted(f"{NEW_OFFICE}·{Role.EDITORS.group_name}")
    office = OrganisationFactory(name=NEW_OFFICE)
    first = ensure_organisation_roles(office)
    handlers = ensure_organisation_handlers(office)
    count = Group.objects.count()

    assert ensure_organisation_roles(office) == first
    assert ensure_organisation_handlers(office) == handlers
    assert Group.objects.count() == count
    assert role_group(office.pk, Role.EDITORS) == first[Role.EDITORS]


def test_a_collection_bearing_the_organisations_name_is_not_adopted():
    """The organisation's collection (its files, on which its groups hold the document and image
    permissions) is recorded by OrganisationCollection, never found by its name either."""
    from wagtail.models import Collection, GroupCollectionPermission

    from disclosure.moderation.models import OrganisationCollection

    _other, outsider = other_office_staff()
    planted_collection = Collection.get_first_root_node().add_child(name=NEW_OFFICE)
    foreign = planted("外来组", [outsider])
    GroupCollectionPermission.objects.create(
        group=foreign,
        collection=planted_collection,
        permission=Permission.objects.get(codename="choose_image"),
    )

    office = OrganisationFactory(name=NEW_OFFICE)
    ensure_organisation_roles(office)

    own = OrganisationCollection.objects.get(organisation=office).collection
    assert own != planted_collection
    assert not GroupCollectionPermission.objects.filter(collection=own, group=foreign).exists()
