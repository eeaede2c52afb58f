"""Each organisation's documents and images live in its own collection: created when the
organisation is placed, and filled by the data migration (0008_organisation_collections) with
the files its pages use; the root collection is left to site administrators. The migration's
own functions are tested, with the models as they were at that migration."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.moderation.models import OrganisationCollection
from tests.factories import DocumentFactory

from .helpers import body_with

MIGRATION = ("moderation", "0008_organisation_collections")
migration = importlib.import_module("disclosure.moderation.migrations." + MIGRATION[1])


@pytest.fixture
def historical_apps(db):
    """The models as the migration saw them."""
    return MigrationLoader(connection).project_state(MIGRATION).apps


def root_document(title):
    return DocumentFactory(title=title)


def page_using(parent, slug, *documents):
    # A draft: its row refers to its files too.
    return DisclosureDocumentPageFactory(
        parent=parent, title=slug, slug=slug, live=False, body=body_with(*documents)
    )


def collection_of(organisation):
    return OrganisationCollection.objects.get(organisation=organisation).collection


def test_placing_an_organisation_gives_it_its_collection_and_nothing_on_the_root(small_office):
    township = small_office["root"].organisation
    collection = collection_of(township)
    assert collection.get_parent() == Collection.get_first_root_node()
    assert collection.name == township.name
    assert GroupCollectionPermission.objects.filter(
        collection=collection, group__organisation_role__organisation=township
    ).exists()
    assert not GroupCollectionPermission.objects.filter(
        collection=Collection.get_first_root_node()
    ).exists()


def test_the_data_migration_moves_each_file_to_the_organisation_whose_pages_use_it(
    small_office, historical_apps
):
    township = small_office["root"].organisation
    county_root = small_office["county_root"]
    own, shared, unused = (root_document(t) for t in ["镇附件", "共用附件", "未用附件"])
    page_using(small_office["columns"][0], "township-page", own, shared)
    county_column = CategoryPageFactory(parent=county_root, title="县栏目", slug="county-column")
    page_using(county_column, "county-page", shared)

    migration.move_attachments_to_organisations(historical_apps)

    def collection_now(document):
        return get_document_model().objects.get(pk=document.pk).collection

    assert collection_now(own) == collection_of(township)
    root = Collection.get_first_root_node()
    assert collection_now(shared) == root
    assert collection_now(unused) == root


def test_the_data_migration_revokes_every_grant_on_the_root_collection(
    small_office, historical_apps
):
    editors = small_office["users"]["editor"].groups.first()
    root = Collection.get_first_root_node()
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=root,
        permission=GroupCollectionPermission._meta.get_field(
            "permission"
        ).related_model.objects.get(codename="change_document"),
    )
    migration.revoke_root_collection_permissions(historical_apps)
    assert not GroupCollectionPermission.objects.filter(collection=root).exists()


def test_the_data_migration_builds_valid_collections_with_historical_models(
    small_office, historical_apps
):
    """The migration's models have no treebeard methods: the paths it computes must make a
    tree Wagtail can still extend."""
    OrganisationCollection.objects.all().delete()
    Collection.objects.filter(depth__gt=1).delete()
    Collection.objects.filter(depth=1).update(numchild=0)
    own = root_document("镇附件")
    page_using(small_office["columns"][0], "township-page", own)

    migration.give_each_organisation_its_collection(historical_apps, None)

    township = small_office["root"].organisation
    assert get_document_model().objects.get(pk=own.pk).collection == collection_of(township)
    assert Collection.find_problems() == ([], [], [], [], [])
    Collection.get_first_root_node().add_child(name="站点管理员新建")
    assert Collection.find_problems() == ([], [], [], [], [])


def test_the_collection_follows_the_organisations_name(small_office):
    township = small_office["root"].organisation
    township.name = "友谊镇人民政府（新）"
    township.save()
    assert collection_of(township).name == "友谊镇人民政府（新）"
