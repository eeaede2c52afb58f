"""Indexing a page that already has an entry updates it in place, in one statement: two workers
indexing the same page at once (a publish and the reconcile) no longer collide on the entry."""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry


def test_a_second_index_of_the_same_page_updates_its_entry_and_what_it_matches(corpus):
    page = corpus["dibao_title"].specific
    backend = get_search_backend()
    index = backend.get_index_for_model(type(page))
    page.title = "特困人员救助供养须知"

    index.add_items(type(page), [page])
    index.add_items(type(page), [page])

    assert IndexEntry.objects.filter(object_id=str(page.pk)).count() == 1
    found = Page.objects.live().search("特困人员")
    assert [result.pk for result in found] == [page.pk]
    assert page.pk not in [result.pk for result in Page.objects.live().search("低保申请须知")]
