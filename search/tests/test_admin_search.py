"""The admin's page search and page chooser find the drafts an editor may see; public paths never.

The index holds live pages only; non-live pages come from the admin's own permission-filtered
queryset, matched on their titles with the index's normalisation.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from disclosure.catalogue.models.staff_and_roles import StaffOrganisation
from disclosure.catalogue.tests.factories import CategoryPageFactory

DRAFT = "关于政府信息公开工作的通知（草稿）"


@pytest.fixture
def editor(corpus, django_user_model):
    """An editor of the township's tree only, with a draft there and one in the county's tree."""
    CategoryPageFactory(parent=corpus["budget"], title=DRAFT, live=False)
    CategoryPageFactory(parent=corpus["guide"], title="医保局政务公开草稿", live=False)
    group = Group.objects.create(name="镇编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=corpus["township_root"],
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("editor", "editor@example.invalid", "pw")
    user.groups.add(group)
    # Staff of the township, as every editor is: the admin's walls follow the organisation.
    StaffOrganisation.objects.create(user=user, organisation=corpus["township_root"].organisation)
    return user


def admin_search(client, q):
    response = client.get("/admin/pages/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_editor_finds_own_draft_in_admin_page_search(client, editor):
    client.force_login(editor)
    html = admin_search(client, "公开")
    assert DRAFT in html
    assert "友谊镇2022年部门预算公开" in html  # live pages still come from the index
    assert "医保局政务公开草稿" not in html  # another organisation's draft: not explorable


@pytest.mark.django_db
def test_draft_titles_are_matched_with_the_chinese_normalisation(client, editor):
    client.force_login(editor)
    assert DRAFT in admin_search(client, "信息公開")  # traditional
    assert DRAFT in admin_search(client, "政府信息公开　工作")  # ideographic space, two words
    assert DRAFT not in admin_search(client, "公开草案")


@pytest.mark.django_db
def test_editor_finds_own_draft_in_page_chooser(client, editor):
    client.force_login(editor)
    response = client.get("/admin/choose-page/search/", {"q": "公开"})
    assert response.status_code == 200
    assert DRAFT in response.content.decode()


@pytest.mark.django_db
def test_public_search_and_api_never_show_drafts(client, editor):
    assert Page.objects.filter(title=DRAFT, live=False).exists()
    public = client.get("/search/", {"q": "公开"}).content.decode()
    assert "友谊镇2022年部门预算公开" in public
    assert DRAFT not in public
    api = client.get("/api/v2/pages/", {"search": "公开"}).json()["items"]
    assert "友谊镇2022年部门预算公开" in {item["title"] for item in api}
    assert DRAFT not in {item["title"] for item in api}
    autocomplete = client.get("/search/autocomplete/", {"q": "公开"}).json()["results"]
    assert DRAFT not in {item["title"] for item in autocomplete}
    # Logged in as the editor, the public paths stay public.
    client.force_login(editor)
    assert DRAFT not in client.get("/search/", {"q": "公开"}).content.decode()


@pytest.mark.django_db
def test_admin_search_count_and_date_order_include_drafts(editor):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    pages = Page.objects.all()
    assert DRAFT in [p.title for p in backend.autocomplete("公开", pages)]
    ordered = backend.autocomplete("公开", pages, order_by_relevance=False)
    assert DRAFT in [p.title for p in ordered]
    assert backend.autocomplete("公开", pages).count() == len(
        list(backend.autocomplete("公开", pages))
    )


REPORT = "2023年政府信息公开工作年度报告"


@pytest.mark.django_db
def test_an_unspaced_query_is_retried_on_its_content_words(client, editor, corpus):
    """As on the public search page (search/retries.py): 2023年报告 is one word to the index,
    which no title holds; its content words 2023 and 报告 find the report."""
    CategoryPageFactory(parent=corpus["budget"], title=REPORT, live=False)
    CategoryPageFactory(parent=corpus["guide"], title=f"医保局{REPORT}", live=False)
    client.force_login(editor)
    assert REPORT in admin_search(client, "2023年 报告")
    html = admin_search(client, "2023年报告")
    assert REPORT in html
    assert f"医保局{REPORT}" not in html  # the retry searches what the user may explore only
    assert DRAFT not in html


@pytest.mark.django_db
def test_a_query_that_finds_pages_as_typed_is_not_retried(client, editor, corpus):
    CategoryPageFactory(parent=corpus["budget"], title=REPORT, live=False)
    client.force_login(editor)
    html = admin_search(client, "政府信息公开工作的通知")
    assert DRAFT in html and REPORT not in html
