"""What the public sees is decided in one place, `disclosure/catalogue/visibility.py`: live, no
view restriction, and every ancestor below the tree root live. Wagtail's `live()` reads one
page's own flag, so a reader that serves visitors from `live()` alone lists an item under a
column taken down (撤稿) or behind a password; a `live=True` filter is the same flag spelt
as a keyword and is read the same way. Every public reader goes through `public()` —
visibility's function, or `PageQuerySet.public()` after `live()`, which
`catalogue/patches/alias_restrictions.py` makes the same rule. The places that read `live()`
alone serve no visitor; each is listed below with the reason."""

import ast

from .project_code import source_files

# (module, function) -> why `live()` alone is right there. Nothing here serves a visitor.
LIVE_ALONE = {
    # Index upkeep: the index holds every live page, and the public search filters with
    # `public()` when it asks (search/views.py), so a page that becomes reachable again needs
    # no reindex.
    ("search/reconcile.py", "stale_pages"): "index upkeep: every live page is indexed",
    ("search/reconcile.py", "pages_missing_entries"): "index upkeep: every live page is indexed",
    ("search/guide_index.py", "reindex_guides_under"): "index upkeep: every live guide",
    ("search/tasks.py", "reindex_pages_linking"): "index upkeep: pages whose attachment changed",
    # A probe of the engine: its answer is thrown away.
    ("gongkai/healthz.py", "check_search"): "health probe, results not shown",
    # Admin: a translation whose page or source is live would go live unreviewed as an alias.
    ("disclosure/moderation/publishing/guards.py", "alias_conversion_refusal"): (
        "admin guard: any live version, restricted or not"
    ),
    # Admin: the lock on attachments a live page uses, restricted or not.
    ("disclosure/moderation/files/attachments.py", "used_by_live_pages"): "admin lock",
    # Admin: deleting or moving a page that has live pages below it.
    ("disclosure/moderation/publishing/guards.py", "has_live_content"): "admin guard",
    ("disclosure/moderation/publishing/guards.py", "live_content_rows"): (
        "admin guard: has_live_content of a listing's rows"
    ),
    # The inspection (admin reports) reads every live page of an organisation, public or not,
    # and says which the public cannot reach (scope.py's public_roots, columns, live_items).
    ("disclosure/inspection/scope.py", "Scope.live_pages"): "admin report",
    ("disclosure/inspection/dates.py", "faked_date_findings"): "admin report",
    ("disclosure/inspection/dates.py", "dated_ahead_findings"): "admin report",
    ("search/reconcile.py", "stamp_pages"): "index upkeep: stamps every live page indexed",
    ("search/reconcile.py", "stamp_indexed"): "index upkeep: stamps every live page indexed",
    # The columns of results that are public already (their ancestors are live and not
    # restricted, or the result would not be): a live one is public; in the query budget.
    ("search/views.py", "result_rows"): "the columns of public results",
    # The rule itself: public() is reachable() without restrictions.
    ("disclosure/catalogue/visibility.py", "reachable"): "the rule: live, every ancestor live",
    # The page the visitor is on, served already past the rule: offered in its own language.
    ("gongkai/languages/switcher.py", "public_translations"): "the page being served",
    # One query for a page's ancestors and its live language versions, annotated with the
    # rule's own parts (visibility.in_restricted_family, below_a_page_not_live), which the
    # switcher and hreflang read before offering a version.
    ("disclosure/catalogue/models/tree.py", "TreeNeighboursMixin._tree_neighbours"): (
        "annotated with visibility's parts"
    ),
    # Whether a page was ever published: drafts, the moderation state, admin only.
    ("disclosure/catalogue/publication_state.py", "ever_published_q"): "admin: never published",
    # The dashboard's panel of live items whose changes wait near a deadline: admin only.
    ("disclosure/moderation/review/deadlines.py", "unpublished_items_near_deadline"): (
        "admin dashboard"
    ),
    # Routing only: the child it routes to is served past the before_serve_page hook
    # (visibility.ancestors_live) and its view restrictions.
    ("disclosure/catalogue/models/pages.py", "FeedRouteMixin.route"): "routing, checked on serving",
}


LIVE_FLAGS = {"live", "live__exact"}


def _flag(call, value):
    """Whether `call` passes `live=value` (or `live__exact=value`)."""
    return any(
        keyword.arg in LIVE_FLAGS
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is value
        for keyword in call.keywords
    )


def _reads_live(node):
    """`.live()`, or the same flag spelt otherwise: `filter(live=True)`, `live__exact=True`,
    `Q(live=True)`, `exclude(live=False)`."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "Q" and _flag(node, True)
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "live":
        return not node.args
    if func.attr == "exclude" and _flag(node, False):
        return True
    return func.attr in {"filter", "get", "exclude"} and _flag(node, True)


class _LiveCalls(ast.NodeVisitor):
    """(qualified name of the enclosing function, source) of each `.live()` call or `live=True`
    filter whose chain neither calls `.public()` nor is handed to `public(…)`."""

    def __init__(self):
        self.scope = []
        self.parents = {}
        self.found = []

    def _nested(self, node):
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _nested

    def generic_visit(self, node):
        for child in ast.iter_child_nodes(node):
            self.parents[child] = node
        super().generic_visit(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        if _reads_live(node):
            top = self._chain_top(node)
            if "public" not in self._chain_attributes(top) and not self._handed_to_public(top):
                self.found.append((".".join(self.scope), ast.unparse(top)))

    def _chain_top(self, node):
        while True:
            parent = self.parents.get(node)
            # Up the chain: `node.attr`, then `node.attr(...)`.
            on_chain = (isinstance(parent, ast.Attribute) and parent.value is node) or (
                isinstance(parent, ast.Call) and parent.func is node
            )
            if not on_chain:
                return node
            node = parent

    @staticmethod
    def _chain_attributes(node):
        names = set()
        while isinstance(node, (ast.Call, ast.Attribute)):
            if isinstance(node, ast.Call):
                node = node.func
            else:
                names.add(node.attr)
                node = node.value
        return names

    def _handed_to_public(self, node):
        parent = self.parents.get(node)
        if not isinstance(parent, ast.Call) or node not in parent.args:
            return False
        callee = parent.func
        name = getattr(callee, "attr", None) or getattr(callee, "id", None)
        return name == "public"


def live_alone(text):
    visitor = _LiveCalls()
    visitor.visit(ast.parse(text))
    return visitor.found


def test_public_readers_go_through_the_one_rule():
    found = {}
    for path, text in source_files():
        for function, source in live_alone(text):
            if (str(path), function) not in LIVE_ALONE:
                found.setdefault(f"{path}::{function}", []).append(source)
    assert found == {}, (
        "a reader of live() alone: serve the public through visibility.public() or "
        ".live().public(), or list an admin-only reader in LIVE_ALONE with its reason"
    )


def test_every_allowed_reader_is_still_there():
    """An entry whose code went away would let a new public reader of that name in unseen."""
    present = {
        (str(path), function) for path, text in source_files() for function, _ in live_alone(text)
    }
    assert set(LIVE_ALONE) - present == set()


def test_the_scan_tells_a_public_reader_from_live_alone():
    text = (
        "def listing(page):\n"
        "    a = page.get_children().live().public().specific()\n"
        "    b = Page.objects.filter(x=1).public().live()\n"
        "    c = public(Item.objects.live())\n"
        "    d = visibility.public(Item.objects.live().order_by('path'))\n"
        "    e = Page.objects.filter(path__in=paths, live=True)\n"
        "    f = Page.objects.filter(live=True).public()\n"
        "    g = Page.objects.filter(Q(live=True) | Q(depth=2))\n"
        "    h = Page.objects.exclude(live=False)\n"
        "    i = Page.objects.filter(live__exact=True)\n"
        "    return Page.objects.live().filter(depth=2)\n"
        "class Feed:\n"
        "    def items(self):\n"
        "        return [p for p in self.root.get_children()\n"
        "                .live()\n"
        "                .specific()]\n"
    )
    assert live_alone(text) == [
        ("listing", "Page.objects.filter(path__in=paths, live=True)"),
        ("listing", "Q(live=True)"),
        ("listing", "Page.objects.exclude(live=False)"),
        ("listing", "Page.objects.filter(live__exact=True)"),
        ("listing", "Page.objects.live().filter(depth=2)"),
        ("Feed.items", "self.root.get_children().live().specific()"),
    ]


# The ancestors-live half of the rule, written out: visibility.py and the two modules that
# need it as a column of their own rows (one query per page served; the API's patch).
BELOW_A_PAGE_NOT_LIVE = {
    "disclosure/catalogue/visibility.py",
    "disclosure/catalogue/models/tree.py",
    "disclosure/catalogue/patches/alias_restrictions.py",
}


def _filters_ancestors_on_live(node):
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"filter", "exclude"}
        and any(keyword.arg and keyword.arg.startswith("live") for keyword in node.keywords)
        and "get_ancestors" in ast.unparse(node.func.value)
    )


def ancestors_live_written_out(text):
    """Sources of `get_ancestors()` chains that filter on `live`, and every use of the
    subquery `below_a_page_not_live`: the rule's ancestors part composed in place."""
    found = []
    for node in ast.walk(ast.parse(text)):
        named = getattr(node, "id", None) or getattr(node, "attr", None)
        subquery = isinstance(node, (ast.Name, ast.Attribute)) and named == "below_a_page_not_live"
        if subquery or _filters_ancestors_on_live(node):
            found.append(ast.unparse(node))
    return found


def test_the_ancestors_rule_is_visibilitys():
    found = {
        str(path): ancestors_live_written_out(text)
        for path, text in source_files()
        if str(path) not in BELOW_A_PAGE_NOT_LIVE
    }
    assert {path: hits for path, hits in found.items() if hits} == {}, (
        "ask visibility.ancestors_live(page), reachable(queryset) or public(queryset)"
    )


def test_the_ancestors_scan_finds_a_copy():
    text = (
        "def hidden(root):\n"
        "    return root.get_ancestors().filter(depth__gt=1, live=False).exists()\n"
        "def reachable(ids):\n"
        "    return Page.objects.filter(pk__in=ids).exclude(visibility.below_a_page_not_live())\n"
    )
    assert len(ancestors_live_written_out(text)) == 2
