"""Who holds which role, read in one place (disclosure.catalogue.staff_roles): the
organisations' own role groups count, the site-wide groups and the superuser flag do not, and
each answer says whether deactivated users count."""

import ast

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

from disclosure.catalogue.models import Organisation, OrganisationRole
from disclosure.catalogue.staff_roles import (
    holds_role,
    organisation_ids_where,
    role_group,
    role_members,
    roles_held,
)
from gongkai.accounts.roles import Role, role_holders_q
from gongkai.tests.project_code import source_files

# Who may read the role groups' relation itself: this reader, and the two modules that make the
# groups (placement) and keep a user's groups in its organisation before they are saved
# (membership).
READERS = {
    "disclosure/catalogue/staff_roles.py",
    "disclosure/moderation/organisations/placement.py",
    "disclosure/moderation/organisations/membership.py",
}


def role_groups(organisation):
    groups = {}
    for role in (Role.EDITORS, Role.REVIEWERS, Role.ADMINISTRATORS):
        group = Group.objects.create(name=f"{organisation.name}·{role.label}")
        OrganisationRole.objects.create(organisation=organisation, role=role, group=group)
        groups[role] = group
    return groups


def member(username, *groups, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", **fields)
    user.groups.add(*groups)
    return user


@pytest.fixture
def offices(db):
    east = Organisation.objects.create(name="东镇人民政府")
    west = Organisation.objects.create(name="西镇人民政府")
    east_groups, west_groups = role_groups(east), role_groups(west)
    site_wide_reviewers, _ = Group.objects.get_or_create(name=Role.REVIEWERS.group_name)
    return {
        "east": east,
        "west": west,
        "east_groups": east_groups,
        "reviewer": member("reviewer", east_groups[Role.REVIEWERS]),
        "head": member("head", east_groups[Role.REVIEWERS], east_groups[Role.ADMINISTRATORS]),
        "retired": member("retired", east_groups[Role.REVIEWERS], is_active=False),
        "neighbour": member("neighbour", west_groups[Role.REVIEWERS]),
        "site_wide": member("site-wide", site_wide_reviewers),
        "root": get_user_model().objects.create_superuser("root", "root@example.org", "x"),
    }


def usernames(users):
    return sorted(user.username for user in users)


def test_role_members_are_the_active_members_of_that_organisations_groups(offices):
    east = offices["east"].pk
    assert usernames(role_members(east, [Role.REVIEWERS])) == ["head", "reviewer"]
    assert usernames(role_members(east, [Role.ADMINISTRATORS])) == ["head"]
    # Holding two of the roles asked for lists a user once.
    assert usernames(role_members(east, [Role.REVIEWERS, Role.ADMINISTRATORS])) == [
        "head",
        "reviewer",
    ]
    assert usernames(role_members(offices["west"].pk, [Role.REVIEWERS])) == ["neighbour"]
    assert usernames(role_members(east, [Role.EDITORS])) == []


def test_holds_role_only_in_its_own_organisation_and_only_while_active(offices):
    east, west = offices["east"].pk, offices["west"].pk
    assert holds_role(offices["reviewer"], east, Role.REVIEWERS)
    assert not holds_role(offices["reviewer"], east, Role.ADMINISTRATORS)
    assert not holds_role(offices["reviewer"], west, Role.REVIEWERS)
    assert not holds_role(offices["retired"], east, Role.REVIEWERS)
    assert not holds_role(offices["site_wide"], east, Role.REVIEWERS)
    assert not holds_role(offices["root"], east, Role.REVIEWERS)
    assert not holds_role(AnonymousUser(), east, Role.REVIEWERS)
    assert not holds_role(offices["reviewer"], None, Role.REVIEWERS)


def test_roles_held_reads_the_groups_whether_or_not_the_user_is_active(offices):
    east, west = offices["east"].pk, offices["west"].pk
    assert roles_held(offices["head"]) == {Role.REVIEWERS, Role.ADMINISTRATORS}
    assert roles_held(offices["head"], east) == {Role.REVIEWERS, Role.ADMINISTRATORS}
    assert roles_held(offices["head"], west) == set()
    assert roles_held(offices["retired"]) == {Role.REVIEWERS}
    assert roles_held(offices["site_wide"]) == set()
    assert roles_held(offices["root"]) == set()
    assert roles_held(AnonymousUser()) == set()


def test_organisation_ids_where_a_user_holds_a_role_or_any(offices):
    east = offices["east"].pk
    assert organisation_ids_where(offices["head"], Role.ADMINISTRATORS) == {east}
    assert organisation_ids_where(offices["reviewer"], Role.ADMINISTRATORS) == set()
    assert organisation_ids_where(offices["reviewer"]) == {east}
    assert organisation_ids_where(offices["retired"], Role.REVIEWERS) == {east}
    assert organisation_ids_where(offices["site_wide"]) == set()
    assert organisation_ids_where(AnonymousUser()) == set()


def test_role_group_is_the_organisations_group_for_the_role(offices):
    east = offices["east"]
    assert role_group(east.pk, Role.REVIEWERS) == offices["east_groups"][Role.REVIEWERS]
    assert role_group(east.pk, Role.SECRECY) is None


def test_accounts_counts_site_wide_and_organisation_members_through_the_hook(offices):
    """The two-factor rule's reader (gongkai.accounts.roles.role_holders_q) adds the site-wide
    group to every organisation's copies, through ROLE_HOLDERS_HOOK."""
    holders = get_user_model().objects.filter(role_holders_q([Role.REVIEWERS])).distinct()
    assert usernames(holders) == ["head", "neighbour", "retired", "reviewer", "site-wide"]


def reads_of_the_role_relation(text):
    """`OrganisationRole.objects` and query keywords through its relations, in a module."""
    for node in ast.walk(ast.parse(text)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and getattr(node.value, "id", None) == "OrganisationRole"
        ):
            yield "OrganisationRole.objects"
        names = [k.arg for k in node.keywords if k.arg] if isinstance(node, ast.Call) else []
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.append(node.value)
        for name in names:
            parts = name.split("__")
            if "organisation_role" in parts[:-1] or (parts[0] == "role_groups" and len(parts) > 1):
                yield name


def test_no_other_module_reads_who_holds_a_role():
    elsewhere = {
        str(path): sorted(set(found))
        for path, text in source_files()
        if str(path) not in READERS and (found := list(reads_of_the_role_relation(text)))
    }
    assert elsewhere == {}


def test_the_scan_finds_a_query_of_its_own():
    text = (
        "OrganisationRole.objects.filter(group__user=user)\n"
        "User.objects.filter(groups__organisation_role__role='leaders')\n"
        "Organisation.objects.filter(role_groups__role='leaders')\n"
    )
    assert set(reads_of_the_role_relation(text)) == {
        "OrganisationRole.objects",
        "groups__organisation_role__role",
        "role_groups__role",
    }


def group_names_written_out(text):
    """f-strings joining two values with a bare `·`: an organisation's group name, `某镇·初审`."""
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.JoinedStr):
            continue
        parts = node.values
        for before, middle, after in zip(parts, parts[1:], parts[2:], strict=False):
            if (
                isinstance(before, ast.FormattedValue)
                and isinstance(middle, ast.Constant)
                and middle.value == "·"
                and isinstance(after, ast.FormattedValue)
            ):
                yield ast.unparse(node)


def test_an_organisations_group_is_named_in_one_place():
    """organisation_groups.organisation_group_name names the role groups (placement) and the
    register's handlers' group alike: a second format would let the two drift apart."""
    elsewhere = {
        str(path): found
        for path, text in source_files()
        if str(path) != "disclosure/catalogue/organisation_groups.py"
        and (found := list(group_names_written_out(text)))
    }
    assert elsewhere == {}
    assert list(group_names_written_out('f"{organisation.name}·{role.group_name}"')) == [
        "f'{organisation.name}·{role.group_name}'"
    ]
