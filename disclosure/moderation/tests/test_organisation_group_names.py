"""An organisation's groups (`某镇·初审`, `某镇·依申请办理`…) follow its name: renamed with it,
so that a new organisation given the old name gets groups of its own."""

from django.contrib.auth.models import Group

from disclosure.applications.roles import ensure_organisation_handlers
from disclosure.catalogue.models import Organisation
from disclosure.catalogue.staff_roles import organisation_group_ids
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

pytestmark = OFFICE_PER_MODULE


def group_names(organisation):
    return set(
        Group.objects.filter(pk__in=organisation_group_ids(organisation.pk)).values_list(
            "name", flat=True
        )
    )


def test_renaming_an_organisation_renames_its_groups(small_office):
    township = small_office["root"].organisation
    old_name = township.name
    ensure_organisation_handlers(township)
    township.name = "友谊镇人民政府（新）"
    township.save()
    names = group_names(township)
    assert "友谊镇人民政府（新）·依申请办理" in names
    assert "友谊镇人民政府（新）·初审" in names
    assert not [name for name in names if name.startswith(f"{old_name}·")]


def test_a_new_organisation_with_the_old_name_gets_groups_of_its_own(small_office):
    township = small_office["root"].organisation
    old_name = township.name
    ensure_organisation_handlers(township)
    township.name = "友谊镇人民政府（新）"
    township.save()
    kept = organisation_group_ids(township.pk)

    newcomer = Organisation.objects.create(name=old_name)
    ensure_organisation_roles(newcomer)
    ensure_organisation_handlers(newcomer)

    assert not organisation_group_ids(newcomer.pk) & kept
    assert organisation_group_ids(township.pk) == kept
    assert f"{old_name}·初审" in group_names(newcomer)


def test_a_rename_onto_a_name_a_foreign_group_holds_takes_a_numbered_name(small_office):
    township = small_office["root"].organisation
    planted = Group.objects.create(name="新名镇人民政府·初审")  # a leftover or planted group
    township.name = "新名镇人民政府"
    township.save()  # refused with an IntegrityError before: Group.name is unique
    names = group_names(township)
    assert "新名镇人民政府·初审（2）" in names
    assert planted.pk not in organisation_group_ids(township.pk)
    assert Group.objects.get(pk=planted.pk).name == "新名镇人民政府·初审"
    township.name = "又一新名镇人民政府"
    township.save()
    assert "又一新名镇人民政府·初审" in group_names(township)  # the number goes with the clash
