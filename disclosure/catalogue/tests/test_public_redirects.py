"""A redirect answers only when the page it leads to is public (catalogue/visibility.py).

Wagtail makes a redirect whenever a page's slug changes, a draft's too (a translator's draft
given an English slug), and the importer makes one from each legacy address to its imported
page, which may still wait for review. Wagtail's middleware answered each with a 301 to the
page's address: the draft's new slug, its unreviewed title, was readable in the `Location`
of a public answer. A redirect to a page the public may not see answers what the address
alone answers: 404.
"""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from tests.factories import publish_fixture

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def column():
    root = f.DisclosureIndexPageFactory(slug="xxgk", title="测试镇政府信息公开")
    return f.CategoryPageFactory(parent=root, slug="col", title="工作动态")


def redirect_to(page, old_path="/old/address/"):
    return Redirect.objects.create(
        old_path=Redirect.normalise_path(old_path), redirect_page=page, is_permanent=True
    )


def test_a_redirect_to_a_public_page_answers(client, column):
    page = f.DisclosureDocumentPageFactory(parent=column, slug="public-news")
    redirect_to(page)
    response = client.get("/old/address/")
    assert response.status_code == 301
    assert response["Location"].endswith("/col/public-news/")


def test_a_redirect_to_another_site_answers(client, column):
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/old/address/"), redirect_link="https://www.gov.cn/"
    )
    assert client.get("/old/address/")["Location"] == "https://www.gov.cn/"


@pytest.mark.parametrize("hidden", ["draft", "restricted", "column taken down"])
def test_a_redirect_to_a_page_the_public_may_not_see_is_not_found(client, column, hidden):
    page = f.DisclosureDocumentPageFactory(parent=column, slug="unreviewed-title-slug")
    if hidden == "draft":
        Page.objects.filter(pk=page.pk).update(live=False)
    elif hidden == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    else:
        Page.objects.filter(pk=column.pk).update(live=False)
    redirect_to(page)
    response = client.get("/old/address/")
    assert response.status_code == 404
    assert "unreviewed-title-slug" not in response.get("Location", "")
    assert "unreviewed-title-slug" not in response.content.decode()


def test_a_draft_s_new_address_is_not_told_until_it_is_published(client, column):
    page = f.DisclosureDocumentPageFactory(parent=column, slug="unreviewed-title-slug")
    Page.objects.filter(pk=page.pk).update(live=False)
    redirect_to(page, "/xxgk/col/first-slug/")  # as a slug change or the importer makes it
    assert client.get("/xxgk/col/first-slug/").status_code == 404
    publish_fixture(Page.objects.get(pk=page.pk).specific)
    response = client.get("/xxgk/col/first-slug/")
    assert response.status_code == 301
    assert response["Location"].endswith("/col/unreviewed-title-slug/")
