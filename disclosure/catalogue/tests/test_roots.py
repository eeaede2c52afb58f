"""One place answers “which organisation's disclosure root is above this page”
(disclosure/catalogue/roots.py): what it answers, and a scan that fails when another module
walks up the tree for the root again."""

import ast
import re

from wagtail.models import Page

from disclosure.catalogue.models import Organisation
from disclosure.catalogue.roots import (
    disclosure_root_of,
    disclosure_roots_of,
    in_disclosure_tree,
    organisation_id_of_page,
    pages_below_q,
    pages_of_organisation_q,
)
from gongkai.tests.project_code import source_files

from .factories import DisclosureGuidePageFactory

ROOTS_MODULE = "disclosure/catalogue/roots.py"
ROOT_MODEL = "DisclosureIndexPage"
# The reverse one-to-one from a page's row to its root's row; select_related may follow it
# (“disclosureindexpage__organisation”), reading it off an ancestor is a walk for the root.
ROOT_ACCESSOR = ROOT_MODEL.lower()
WALKS_UP = {"ancestor_of", "get_ancestors", "get_parent"}
# Names that hold several roots, or a root's path: a prefix match next to them is a search
# for the root above a path.
ROOTS_NAMED = re.compile(r"roots|root_path|disclosureindexpage", re.IGNORECASE)


def _names_in(node):
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            yield child.id
        elif isinstance(child, ast.Attribute):
            yield child.attr


def _is_path_prefix(node):
    """A tree-path prefix taken in Python: `<path>.startswith(…)` / `….startswith(<path>)`, or
    a path cut by the step length (`page.path[: depth * Page.steplen]`)."""
    if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "startswith":
        return any("path" in name.lower() for name in _names_in(node))
    if isinstance(node, ast.Subscript):
        on_a_path = any("path" in name.lower() for name in _names_in(node.value))
        return on_a_path and "steplen" in set(_names_in(node.slice))
    return False


def _headers(statement):
    """The parts of a statement that apply to what it contains: a compound statement's loop
    header or test, a simple statement whole."""
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return [statement.target, statement.iter]
    if isinstance(statement, (ast.If, ast.While)):
        return [statement.test]
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return list(statement.items)
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Try)):
        return []
    return [statement]


def prefix_searches(tree):
    """Lines where a path prefix is matched in Python against roots: in a statement, or under
    a loop or test, that names several roots or a root's path (`for root in roots: if
    page.path.startswith(root.path)`, `roots.get(page.path[:cut])`)."""
    found = set()

    def visit(statement, enclosing):
        chain = [*enclosing, statement]
        for child in ast.iter_child_nodes(statement):
            if isinstance(child, ast.stmt):
                visit(child, chain)
        names_roots = any(
            ROOTS_NAMED.search(name)
            for outer in chain
            for header in _headers(outer)
            for name in _names_in(header)
        )
        if not names_roots:
            return
        for header in _headers(statement):
            found.update(node.lineno for node in ast.walk(header) if _is_path_prefix(node))

    for statement in tree.body:
        visit(statement, [])
    return found


def root_walks(text):
    """Lines of `text` that look a page's disclosure root up themselves: a query on the root
    model up the tree (ancestor_of/get_ancestors/get_parent, or a filter on ancestor paths),
    the root read off an ancestor's row (`getattr(ancestor, "disclosureindexpage")`), or a
    path prefix matched in Python against roots read before."""
    tree = ast.parse(text)
    found = prefix_searches(tree)
    for node in ast.walk(tree):
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


def asks_for_any_root(text):
    """Lines that ask whether `disclosure_root_of(…)` found a root at all: the question
    `in_disclosure_tree` answers."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Call)
            and "disclosure_root_of" in set(_names_in(node.left.func))
            and isinstance(node.ops[0], ast.Is | ast.IsNot)
            and isinstance(node.comparators[0], ast.Constant)
            and node.comparators[0].value is None
        ):
            found.append(node.lineno)
    return found


def test_whether_a_page_is_in_a_disclosure_tree_is_asked_of_roots_alone():
    found = {
        str(path): lines
        for path, text in source_files()
        if str(path) != ROOTS_MODULE and (lines := asks_for_any_root(text))
    }
    assert found == {}, "use disclosure.catalogue.roots.in_disclosure_tree"
    assert asks_for_any_root("return disclosure_root_of(page) is not None") == [1]
    assert asks_for_any_root("if roots.disclosure_root_of(page) is None: pass") == [1]
    assert asks_for_any_root("root = disclosure_root_of(page)") == []


def test_the_scan_finds_the_walks_it_replaced():
    for walk in (
        "DisclosureIndexPage.objects.ancestor_of(page, inclusive=True).last()",
        "DisclosureIndexPage.objects.filter(path__in=_ancestor_paths(page)).first()",
        "page.get_ancestors().type(DisclosureIndexPage).last()",
        "[getattr(a, 'disclosureindexpage', None) for a in page.ancestor_pages]",
        "page.get_parent().specific.disclosureindexpage",
        # Prefix matches in Python against roots read before (the search page's results, an
        # import's columns, the attachments' owners).
        "above = [root for root in roots if column.path.startswith(root.path)]",
        "owner = next((org for root_path, org in roots if path.startswith(root_path)), None)",
        "root = roots.get(page.path[: depth * Page.steplen])",
    ):
        assert root_walks(walk) == [1], walk
    in_a_loop = (
        "for depth in range(len(page.path) // Page.steplen, 0, -1):\n"
        "    root = roots.get(page.path[: depth * Page.steplen])\n"
        "for root in roots:\n"
        "    if page.path.startswith(root.path):\n"
        "        return root\n"
    )
    assert root_walks(in_a_loop) == [2, 4]
    for not_a_walk in (
        "DisclosureIndexPage.objects.filter(organisation=organisation)",
        "Page.objects.select_related('disclosureindexpage__organisation')",
        # A page's parent, and whether the current page lies in a root known already.
        "parent = parents.get(page.path[: -Page.steplen])",
        "in_section = current_path.startswith(root.path)",
    ):
        assert root_walks(not_a_walk) == [], not_a_walk


def test_the_root_of_each_kind_of_page(disclosure_root, category, make_document):
    document = make_document()
    guide = DisclosureGuidePageFactory(parent=disclosure_root)
    for page in (disclosure_root, category, document, guide):
        assert disclosure_root_of(page) == disclosure_root
        assert organisation_id_of_page(page) == disclosure_root.organisation_id
        assert in_disclosure_tree(page)
    # A root read as a plain page, and a page about to be saved (a path, no id yet).
    assert disclosure_root_of(Page.objects.get(pk=disclosure_root.pk)) == disclosure_root
    unsaved = Page(title="新稿", path=category.path + "0001", depth=category.depth + 1)
    assert disclosure_root_of(unsaved) == disclosure_root


def test_pages_outside_any_root_have_none(disclosure_root):
    home = disclosure_root.get_parent()
    assert not in_disclosure_tree(home)
    assert disclosure_root_of(home) is None
    assert disclosure_root_of(Page.get_first_root_node()) is None
    assert disclosure_root_of(None) is None
    assert organisation_id_of_page(home) is None
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


def test_the_pages_of_an_organisation_are_its_roots_and_below(
    disclosure_root, category, make_document
):
    document = make_document()
    home = disclosure_root.get_parent()
    organisation = disclosure_root.organisation
    mine = set(
        Page.objects.filter(pages_of_organisation_q(organisation)).values_list("pk", flat=True)
    )
    assert {disclosure_root.pk, category.pk, document.pk} <= mine
    assert home.pk not in mine
    assert mine == set(
        Page.objects.filter(
            pages_of_organisation_q(Organisation.objects.filter(pk=organisation.pk))
        ).values_list("pk", flat=True)
    )
    assert not Page.objects.filter(pages_of_organisation_q(Organisation.objects.none())).exists()
    assert not Page.objects.filter(pages_below_q([])).exists()
    assert set(Page.objects.filter(pages_below_q([category.path]))) == {
        Page.objects.get(pk=category.pk),
        Page.objects.get(pk=document.pk),
    }
