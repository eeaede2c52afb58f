"""A column limited to one item type (CategoryPage.item_type) offers only that type to whoever
adds to it, and Wagtail refuses any other there however it is asked: the type chooser, the
create form sent directly, a move."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureDocumentPage,
    ServiceGuidePage,
)
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(disclosure_root):
    column = CategoryPage(
        title="办事指南", slug="service-guides", item_type="catalogue.ServiceGuidePage"
    )
    disclosure_root.add_child(instance=column)
    publish_fixture(column)
    return column


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


def test_a_typed_column_offers_its_type_only(admin_client, guides, category):
    chooser = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(guides.pk,)))
    # One item type, and sub-columns: the chooser lists those two and nothing else.
    html = chooser.content.decode()
    assert "/add/catalogue/serviceguidepage/" in html
    assert "/add/catalogue/categorypage/" in html
    for other in ("disclosuredocumentpage", "policydocumentpage", "budgetpage"):
        assert f"/add/catalogue/{other}/" not in html
    # A column without a type offers every item type.
    untyped = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(category.pk,)))
    assert "/add/catalogue/disclosuredocumentpage/" in untyped.content.decode()


def test_another_type_is_refused_there_however_it_is_asked(admin_client, guides, make_document):
    url = reverse("wagtailadmin_pages:add", args=("catalogue", "disclosuredocumentpage", guides.pk))
    # Wagtail answers a refused permission with the dashboard and its message.
    for response in (admin_client.get(url), admin_client.post(url, {"title": "通知"})):
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not DisclosureDocumentPage.objects.child_of(guides).exists()

    notice = make_document(title="一则通知")
    assert not notice.can_move_to(guides)
    assert ServiceGuidePage.can_exist_under(guides)
    assert not DisclosureDocumentPage.can_exist_under(Page.objects.get(pk=guides.pk))


def test_the_type_is_one_of_the_item_types(guides):
    guides.item_type = "catalogue.CategoryPage"
    with pytest.raises(Exception, match="item_type"):
        guides.full_clean()


def test_the_column_form_names_the_types(admin_client, guides):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(guides.pk,))).content.decode()
    select = html[
        html.index('name="item_type"') : html.index("</select>", html.index('name="item_type"'))
    ]
    assert '<option value="">（不限）</option>' in select
    assert '<option value="catalogue.ServiceGuidePage" selected>办事指南</option>' in select
