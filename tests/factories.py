"""Factories every app's tests share (factory_boy and wagtail-factories): users, documents,
and the base of the page factories. The page types' own factories live beside their app's tests
(`disclosure/catalogue/tests/factories.py`, `disclosure/reports/tests/factories.py`)."""

from contextlib import contextmanager

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Collection, Site

from disclosure.moderation.publishing.publication import sanctioned_publication

DEFAULT_PASSWORD = "test-password"


def home_page():
    """The default site's root page, where disclosure roots are added."""
    return Site.objects.get(is_default_site=True).root_page


@contextmanager
def publishing_as_fixture():
    """What is published inside is published as a fixture, outside review, as the demo loader
    publishes its pages. Everywhere else a test publishes as production does: a disclosure page
    takes only a revision that a finished review approved
    (disclosure/moderation/publishing/publication.py).
    """
    with sanctioned_publication("test fixture"):
        yield


def publish_fixture(page, user=None):
    """Publish `page`'s current state as a fixture (`publishing_as_fixture`)."""
    with publishing_as_fixture():
        page.save_revision(user=user).publish(user=user)
    # publish() saves a copy built from the revision: read back what is live.
    page.refresh_from_db()
    return page


class UserFactory(factory.django.DjangoModelFactory):
    """A user without an email address, as `create_user` makes one; `groups=[...]` adds role
    groups, `password=` sets (and hashes) the password."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = ""
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*extracted)


class PageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` (the site's home page unless given) with one revision saved
    by `revised_by` (default: its owner), published as a fixture (`publish_fixture`); with
    `live=False` a draft, which Wagtail validates only partly (its own draft rule), as the
    editor's 保存草稿 does. The slug is left empty so that Wagtail derives it from the Chinese
    title, as the editor does (wagtail-factories' default slugify drops Chinese characters)."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(home_page)
    title = "测试页面"
    slug = ""
    live = True
    revised_by = None

    @classmethod
    def _build(cls, model_class, *args, revised_by=None, **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, revised_by=None, **kwargs):
        # Added live, a page is validated in full before anything is saved.
        page = super()._create(model_class, *args, **kwargs)
        user = revised_by or page.owner
        if page.live:
            return publish_fixture(page, user=user)
        page.save_revision(user=user)
        return page


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection, as an upload without a chosen collection lands
    (wagtail-factories' default adds a second collection tree). `file__data=` its bytes,
    `file__filename=` its name."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(data=b"%PDF-1.4", filename="attachment.pdf")
