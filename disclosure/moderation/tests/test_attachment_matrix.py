"""The attachment matrix: every role of both organisations of the test office, and a site
administrator, × documents, images and collections × every action Wagtail's admin offers on them,
from ONE table; each cell one test that tries the action over HTTP.

"own" and "other" are the acting user's organisation and the other one (for the site
administrator, who belongs to none: the township and the county office); "live" files are used
by a live page of their organisation, "unused" ones by no page. A cell is "allowed" when the
request had its effect and "refused" when it left the object as it was; both are asserted.

Speed: the office, users, pages and files are built once (setUpTestData); each cell runs in its
own rolled-back transaction. Files a cell removed from storage are written back before the next.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.moderation.models import OrganisationCollection
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role

from .offices import build_office, make_user

ORGANISATIONS = ["township", "county"]
ROLES = Role.values  # editors, reviewers, secrecy, leaders, administrators
ACTORS = [*(f"{org}-{role}" for org in ORGANISATIONS for role in ROLES), "site_admin"]

AUTHORS = {"editors", "administrators"}
EVERY_ROLE = set(ROLES)
SITE = {"site_admin"}
FILE_STATES = [("own", "unused"), ("own", "live"), ("other", "unused"), ("other", "live")]
COLLECTION_STATES = [("own", "-"), ("other", "-")]


def row(own_unused=frozenset(), own_live=frozenset()):
    """Roles (of the file's own organisation) allowed, per state; the site administrator is
    allowed everything Wagtail lets a superuser do, the other organisation nothing."""
    return {
        ("own", "unused"): set(own_unused) | SITE,
        ("own", "live"): set(own_live) | SITE,
        ("other", "unused"): SITE,
        ("other", "live"): SITE,
    }


CHANGES = row(own_unused=AUTHORS)  # nobody below site administrator changes a live file
# Wagtail counts "delete" as "change" for collection members (CollectionOwnershipPermissionPolicy).
DELETES = CHANGES

# THE table: object kind → action → state → roles allowed.
FILE_ACTIONS = {
    "list": row(own_unused=AUTHORS, own_live=AUTHORS),
    "choose": row(own_unused=EVERY_ROLE, own_live=EVERY_ROLE),
    "edit": CHANGES,
    "replace_file": CHANGES,
    "multiple_update": CHANGES,
    "bulk_add_tags": CHANGES,
    "bulk_add_to_collection": CHANGES,
    "delete": DELETES,
    "multiple_delete": DELETES,
    "bulk_delete": DELETES,
    # The public API is read-only, for everyone.
    "api_delete": {state: set() for state in FILE_STATES},
}
ALLOWED = {
    "document": {**FILE_ACTIONS, "add": {("own", "-"): AUTHORS | SITE, ("other", "-"): SITE}},
    "image": {
        **FILE_ACTIONS,
        "add": {("own", "-"): AUTHORS | SITE, ("other", "-"): SITE},
        "focal_point": CHANGES,
    },
    "collection": {
        action: {("own", "-"): SITE, ("other", "-"): SITE}
        for action in ["list", "add", "edit", "delete"]
    },
}


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf(text):
    return f"%PDF-1.4 {text}".encode()


MODELS = {"document": get_document_model, "image": get_image_model}
ADMIN = {"document": "wagtaildocs", "image": "wagtailimages"}
PREFIX = {"document": "doc", "image": "image"}


def new_file(kind, name, collection):
    if kind == "document":
        content = ContentFile(pdf(name), name=f"{name}.pdf")
    else:
        content = ContentFile(png("red"), name=f"{name}.png")
    return MODELS[kind]().objects.create(title=name, file=content, collection=collection)


def live_page_using(parent, slug, document, image):
    embed = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="图"/>'
    return DisclosureDocumentPageFactory(
        parent=parent,
        title=f"附件矩阵 {slug}",
        slug=slug,
        body=[
            ("paragraph", RichText(f"<p>见附件。</p>{embed}")),
            ("attachment", {"document": document, "title": ""}),
        ],
    )


def upload(kind, name):
    if kind == "document":
        return SimpleUploadedFile(f"{name}.pdf", pdf(name), content_type="application/pdf")
    return SimpleUploadedFile(f"{name}.png", png("blue"), content_type="image/png")


def edit_data(kind, obj, **changes):
    data = {"title": obj.title, "collection": obj.collection_id, "tags": ""}
    if kind == "image":
        data.update(
            description="",
            focal_point_x="",
            focal_point_y="",
            focal_point_width="",
            focal_point_height="",
        )
    return {**data, **changes}


def bulk(client, kind, action, obj, data=None):
    url = reverse("wagtail_bulk_action", args=(ADMIN[kind], kind, action))
    client.post(f"{url}?id={obj.pk}", data or {})


class Attempts:
    """try_<action>(case, kind, obj) → whether the action had its effect."""

    @staticmethod
    def try_list(case, kind, obj):
        response = case.client.get(reverse(f"{ADMIN[kind]}:index"))
        return response.status_code == 200 and obj.title in response.content.decode()

    @staticmethod
    def try_choose(case, kind, obj):
        response = case.client.get(reverse(f"{ADMIN[kind]}_chooser:choose"))
        return response.status_code == 200 and obj.title in response.content.decode()

    @staticmethod
    def try_edit(case, kind, obj):
        case.client.post(
            reverse(f"{ADMIN[kind]}:edit", args=[obj.pk]), edit_data(kind, obj, title="改名")
        )
        return case.reload(kind, obj).title == "改名"

    @staticmethod
    def try_replace_file(case, kind, obj):
        case.client.post(
            reverse(f"{ADMIN[kind]}:edit", args=[obj.pk]),
            edit_data(kind, obj, file=upload(kind, "forged")),
        )
        after = case.reload(kind, obj)
        return after.file.name != obj.file.name or not default_storage.exists(obj.file.name)

    @staticmethod
    def try_focal_point(case, kind, obj):
        data = edit_data(
            kind, obj, focal_point_x=2, focal_point_y=2, focal_point_width=2, focal_point_height=2
        )
        case.client.post(reverse(f"{ADMIN[kind]}:edit", args=[obj.pk]), data)
        return case.reload(kind, obj).focal_point_x == 2

    @staticmethod
    def try_multiple_update(case, kind, obj):
        prefix = f"{PREFIX[kind]}-{obj.pk}-"
        data = {f"{prefix}{name}": value for name, value in edit_data(kind, obj).items()}
        data[f"{prefix}title"] = "批量改名"
        case.client.post(
            reverse(f"{ADMIN[kind]}:edit_multiple", args=[obj.pk]),
            data,
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        return case.reload(kind, obj).title == "批量改名"

    @staticmethod
    def try_bulk_add_tags(case, kind, obj):
        bulk(case.client, kind, "add_tags", obj, {"tags": "matrix-tag"})
        return case.reload(kind, obj).tags.filter(name="matrix-tag").exists()

    @staticmethod
    def try_bulk_add_to_collection(case, kind, obj):
        destination = case.archive_of(obj)
        bulk(case.client, kind, "add_to_collection", obj, {"collection": destination.pk})
        return case.reload(kind, obj).collection_id == destination.pk

    @staticmethod
    def try_delete(case, kind, obj):
        case.client.post(reverse(f"{ADMIN[kind]}:delete", args=[obj.pk]))
        return not MODELS[kind]().objects.filter(pk=obj.pk).exists()

    @staticmethod
    def try_multiple_delete(case, kind, obj):
        case.client.post(
            reverse(f"{ADMIN[kind]}:delete_multiple", args=[obj.pk]),
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        return not MODELS[kind]().objects.filter(pk=obj.pk).exists()

    @staticmethod
    def try_bulk_delete(case, kind, obj):
        bulk(case.client, kind, "delete", obj)
        return not MODELS[kind]().objects.filter(pk=obj.pk).exists()

    @staticmethod
    def try_api_delete(case, kind, obj):
        case.client.delete(f"/api/v2/{kind}s/{obj.pk}/")
        case.client.put(f"/api/v2/{kind}s/{obj.pk}/", {"title": "改名"})
        after = MODELS[kind]().objects.filter(pk=obj.pk).first()
        return after is None or after.title != obj.title

    @staticmethod
    def try_add(case, kind, collection):
        case.client.post(
            reverse(f"{ADMIN[kind]}:add"),
            {"title": "matrix-new", "file": upload(kind, "new"), "collection": collection.pk},
        )
        return MODELS[kind]().objects.filter(title="matrix-new", collection=collection).exists()


class CollectionAttempts:
    @staticmethod
    def try_list(case, collection):
        response = case.client.get(reverse("wagtailadmin_collections:index"))
        return response.status_code == 200 and collection.name in response.content.decode()

    @staticmethod
    def try_add(case, collection):
        case.client.post(
            reverse("wagtailadmin_collections:add"),
            {"name": "矩阵子文件夹", "parent": collection.pk},
        )
        return Collection.objects.filter(name="矩阵子文件夹").exists()

    @staticmethod
    def try_edit(case, collection):
        parent = collection.get_parent()
        case.client.post(
            reverse("wagtailadmin_collections:edit", args=[collection.pk]),
            {"name": "矩阵改名", "parent": parent.pk},
        )
        return Collection.objects.get(pk=collection.pk).name == "矩阵改名"

    @staticmethod
    def try_delete(case, collection):
        archive = case.archives[case.collection_owner(collection)]
        case.client.post(reverse("wagtailadmin_collections:delete", args=[archive.pk]))
        return not Collection.objects.filter(pk=archive.pk).exists()


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
)
class AttachmentMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        office = build_office()
        roots = {"township": office["root"], "county": office["county_root"]}
        cls.actors = {"site_admin": office["users"]["admin"]}
        cls.collections, cls.archives, cls.files, cls.contents = {}, {}, {}, {}
        for org, root in roots.items():
            groups = ensure_organisation_roles(root.organisation)
            for role in ROLES:
                cls.actors[f"{org}-{role}"] = make_user(f"matrix-{org}-{role}", groups[role])
            collection = OrganisationCollection.objects.get(organisation=root.organisation)
            cls.collections[org] = collection.collection
            cls.archives[org] = collection.collection.add_child(name=f"{org} 归档")
            for kind in MODELS:
                for use in ["live", "unused"]:
                    obj = new_file(kind, f"matrix-{kind}-{org}-{use}", cls.collections[org])
                    cls.files[kind, org, use] = obj.pk
                    with obj.file.open("rb") as stored:
                        cls.contents[obj.file.name] = stored.read()
            column = CategoryPageFactory(parent=root, title="矩阵栏目", slug=f"matrix-{org}")
            live_page_using(
                column,
                f"matrix-page-{org}",
                get_document_model().objects.get(pk=cls.files["document", org, "live"]),
                get_image_model().objects.get(pk=cls.files["image", org, "live"]),
            )

    def setUp(self):
        # An allowed replacement deletes the old file from storage at once (outside the
        # transaction that is rolled back): put it back for the next cell.
        for name, content in self.contents.items():
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(content))

    @staticmethod
    def reload(kind, obj):
        return MODELS[kind]().objects.get(pk=obj.pk)

    def collection_owner(self, collection):
        return next(org for org, own in self.collections.items() if own.pk == collection.pk)

    def archive_of(self, obj):
        return self.archives[self.collection_owner(obj.collection)]

    def organisation_for(self, actor, relation):
        own = actor.split("-")[0] if actor != "site_admin" else "township"
        if relation == "own":
            return own
        return next(org for org in ORGANISATIONS if org != own)

    def try_cell(self, actor, kind, action, relation, use):
        self.client.force_login(self.actors[actor])
        org = self.organisation_for(actor, relation)
        if kind == "collection":
            happened = getattr(CollectionAttempts, f"try_{action}")(self, self.collections[org])
        elif action == "add":
            happened = Attempts.try_add(self, kind, self.collections[org])
        else:
            obj = MODELS[kind]().objects.get(pk=self.files[kind, org, use])
            happened = getattr(Attempts, f"try_{action}")(self, kind, obj)
        role = "site_admin" if actor == "site_admin" else actor.split("-", 1)[1]
        allowed = role in ALLOWED[kind][action][relation, use]
        self.assertEqual(
            happened,
            allowed,
            f"{actor} {action} {kind} ({relation}, {use}): "
            f"expected {'allowed' if allowed else 'refused'}",
        )


def _cell_test(actor, kind, action, relation, use):
    def test(self):
        self.try_cell(actor, kind, action, relation, use)

    return test


for _actor in ACTORS:
    for _kind, _actions in ALLOWED.items():
        for _action, _states in _actions.items():
            for _relation, _use in _states:
                setattr(
                    AttachmentMatrix,
                    f"test_{_actor.replace('-', '_')}_{_action}_{_kind}_{_relation}_{_use}".replace(
                        "_-", ""
                    ),
                    _cell_test(_actor, _kind, _action, _relation, _use),
                )


def test_the_table_covers_every_actor_kind_and_state():
    cells = [name for name in dir(AttachmentMatrix) if name.startswith("test_")]
    expected = len(ACTORS) * sum(
        len(states) for actions in ALLOWED.values() for states in actions.values()
    )
    assert len(cells) == expected
    for kind in ["document", "image"]:
        for action, states in ALLOWED[kind].items():
            assert set(states) in [set(FILE_STATES), set(COLLECTION_STATES)], (kind, action)
