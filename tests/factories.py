"""Factories every app's tests share (factory_boy and wagtail-factories): users, and the base
of the page factories. The page types' own factories live beside their app's tests
(`disclosure/catalogue/tests/factories.py`, `disclosure/reports/tests/factories.py`)."""

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Site

from disclosure.moderation.publication import sanctioned_publication

DEFAULT_PASSWORD = "test-password"


def home_page():
    """The default site's root page, where disclosure roots are added."""
    return Site.objects.get(is_default_site=True).root_page


def publish_fixture(page, user=None):
    """Publish `page`'s current state as a fixture, outside review, as the demo loader publishes
    its pages: tests of review (tests/fixtures.py REVIEW_ENFORCED) refuse anything else."""
    with sanctioned_publication("test fixture"):
        page.save_revision(user=user).publish(user=user)
    # publish() saves a copy built from the revision: read back what is live.
    page.refresh_from_db()
    return page


class UserFactory(factory.django.DjangoModelFactory):
    """A user; `groups=[...]` adds role groups, `password=` sets (and hashes) the password."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*extracted)


class PageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` (the site's home page unless given) with one revision:
    published as a fixture (`publish_fixture`), or a draft saved by its owner with `live=False`.
    The slug is left empty so that Wagtail derives it from the Chinese title, as the editor does
    (wagtail-factories' default slugify drops every Chinese character)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    parent = factory.LazyFunction(home_page)
    title = "测试页面"
    slug = ""

    @factory.post_generation
    def first_revision(page, create, extracted, **kwargs):
        if not create:
            return
        if page.live:
            publish_fixture(page, user=page.owner)
        else:
            page.save_revision(user=page.owner)
