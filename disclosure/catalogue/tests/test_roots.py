"""One place answers “which organisation's disclosure root is above this page”
(disclosure/catalogue/roots.py): what it answers, and a scan that fails when another module
walks up the tree for the root again."""

import ast

from wagtail.models import Page

from disclosure.catalogue.roots import disclosure_root_of, disclosure_roots_of, organisation_id_of
from gongkai.tests.project_code import source_files

from .factories import DisclosureGuidePageFactory

ROOTS_MODULE = "disclosure/catalogue/roots.py"
ROOT_MODEL = "DisclosureIndexPage"
# The reverse one-to-one from a page's row to its root's row; select_related may follow it
# (“disclosureindexpage__organisation”), reading it off an ancestor is a walk for the root.
ROOT_ACCESSOR = ROOT_MODEL.lower()
WALKS_UP = {"ancestor_of", "get_ancestors", "get_parent"}


def _names_in(node):
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            yield child.id
        elif isinstance(child, ast.Attribute):
            yield child.attr


def root_walks(text):
    """Lines of `text` that look a page's disclosure root up themselves: a query on the root
    model up the tree (ancestor_of/get_ancestors/get_parent, or a filter on ancestor paths) or
    the root read off an ancestor's row (`getattr(ancestor, "disclosureindexpage")`)."""
    found = set()
    for node in ast.walk(ast.parse(text)):
        read_off_a_row = getattr(node, "attr", None) == ROOT_ACCESSOR
        if read_off_a_row or getattr(node, "value", None) == ROOT_ACCESSOR:
            found.add(node.lineno)
        elif isinstance(node, ast.Call):
            names = set(_names_in(node))
            if ROOT_MODEL not in names:
                continue
            on_paths = any((kw.arg or "").startswith("path") for kw in node.keywords)
            if names & WALKS_UP or on_paths:
                found.add(node.lineno)
    return sorted(found)


def test_no_module_but_roots_walks_up_to_the_disclosure_root():
    found = {
        str(path): lines
        for path, text in source_files()
        if str(path) != ROOTS_MODULE and (lines := root_walks(text))
    }
    assert found == {}, "use disclosure.catalogue.roots.disclosure_root_of"


def test_the_scan_finds_the_walks_it_replaced():
    for walk in (
        "DisclosureIndexPage.objects.ancestor_of(page, inclusive=True).last()",
        "DisclosureIndexPage.objects.filter(path__in=_ancestor_paths(page)).first()",
        "page.get_ancestors().type(DisclosureIndexPage).last()",
        "[getattr(a, 'disclosureindexpage', None) for a in page.ancestor_pages]",
        "page.get_parent().specific.disclosureindexpage",
    ):
        assert root_walks(walk) == [1], walk
    for not_a_walk in (
        "DisclosureIndexPage.objects.filter(organisation=organisation)",
        "Page.objects.select_related('disclosureindexpage__organisation')",
    ):
        assert root_walks(not_a_walk) == [], not_a_walk


def test_the_root_of_each_kind_of_page(disclosure_root, category, make_document):
    document = make_document()
    guide = DisclosureGuidePageFactory(parent=disclosure_root)
    for page in (disclosure_root, category, document, guide):
        assert disclosure_root_of(page) == disclosure_root
        assert organisation_id_of(page) == disclosure_root.organisation_id
    # A root read as a plain page, and a page about to be saved (a path, no id yet).
    assert disclosure_root_of(Page.objects.get(pk=disclosure_root.pk)) == disclosure_root
    unsaved = Page(title="新稿", path=category.path + "0001", depth=category.depth + 1)
    assert disclosure_root_of(unsaved) == disclosure_root


def test_pages_outside_any_root_have_none(disclosure_root):
    home = disclosure_root.get_parent()
    assert disclosure_root_of(home) is None
    assert disclosure_root_of(Page.get_first_root_node()) is None
    assert disclosure_root_of(None) is None
    assert organisation_id_of(home) is None
    assert disclosure_root_of(Page(title="未放入树中")) is None


def test_many_pages_in_one_query(
    disclosure_root, category, make_document, django_assert_num_queries
):
    pages = [make_document(), Page.objects.get(pk=category.pk), disclosure_root.get_parent()]
    with django_assert_num_queries(1):
        roots = disclosure_roots_of(pages)
    assert roots == [disclosure_root, disclosure_root, None]
    assert roots[0].organisation.name  # loaded with its organisation


def test_an_item_answers_from_the_ancestors_it_read(
    category, make_document, django_assert_num_queries
):
    document = type(make_document()).objects.get(title="关于做好垃圾分类工作的通知")
    document.ancestor_pages  # noqa: B018 (the one tree query a served item makes)
    with django_assert_num_queries(0):
        assert disclosure_root_of(document).organisation.name


def test_ancestors_read_before_the_page_had_its_path_are_not_trusted(category, make_document):
    """The revision invariant asks whether a page about to be saved lies under a root: what the
    page read of the tree before it got its path (none) must not answer for it."""
    item = type(make_document())(title="新稿", slug="new")
    assert item.ancestor_pages == []  # read while it had no path
    item.path, item.depth = category.path + "0009", category.depth + 1
    assert disclosure_root_of(item) == category.get_parent().specific
