"""Who sees every organisation is answered once, `staff_roles.sees_every_organisation(user)`
(disclosure/catalogue/staff_roles.py): a site administrator, whether or not recorded with an
organisation. When readers wrote it themselves they disagreed — the walls, the user admin and
the audit export let a site administrator recorded with an organisation see every one, the
dashboards and the inspection only its own.

Three scans keep it in one place:
- a function that reads a user's organisation (its record, the walls built on it) and also asks
  `is_site_administrator` is writing the rule again: it asks `sees_every_organisation`;
- a function that reads the organisation a user is recorded with (outside the modules that
  define the walls) asks `sees_every_organisation` too, or is listed below with its reason;
- `is_superuser` is read only where the superuser flag itself is the rule, each place listed
  below with its reason (a superuser is a site administrator: scoping by organisation never
  reads the flag alone).
"""

import ast

from .project_code import source_files

# What reads the organisation a user works for, or the walls built on it.
ORGANISATION_READERS = {
    "organisation_id_of_user",
    "organisation_id_of_user_id",
    "organisation_of",
    "has_organisation",
    "organisations_visible_to",
    "organisation_ids_where",
    "within_organisation",
    "organisation_roots_of_user",
    "other_organisations_pages_q",
    "own_collections",
    "manageable_users",
    "assignable_groups",
    "visible_attachments",
}

# Of those, the ones that answer with the organisation a user is recorded with (or whose groups
# it is in), whatever its standing: a site administrator recorded with an organisation gets that
# one. The others are walls that ask sees_every_organisation themselves.
RECORD_READERS = {
    "organisation_id_of_user",
    "organisation_id_of_user_id",
    "organisation_of",
    "has_organisation",
    "organisation_ids_where",
}

# The modules that define the answer and the walls built on it.
DEFINITIONS = {
    "disclosure/catalogue/staff_roles.py",
    "disclosure/moderation/organisations/walls.py",
}

# (module, function) -> why it reads the record without asking sees_every_organisation.
RECORD_READERS_WITHOUT_THE_QUESTION = {
    ("disclosure/moderation/organisations/membership.py", "refuse_joining"): (
        "the organisation of the user being placed, not of the one acting"
    ),
    (
        "disclosure/moderation/people/user_admin.py",
        "ScopedAssignRoleBulkAction.prepare_action",
    ): "the organisation of the users being placed, not of the one acting",
    ("disclosure/moderation/models.py", "RoleApprovalTask._held_by_role_q"): (
        "a review step is taken by its organisation's role holders: seeing every organisation "
        "takes none (the steps the 待我审核 list and its held-back items select from)"
    ),
    ("disclosure/moderation/review/two_roles.py", "two_review_roles_warning"): (
        "the roles of the user being given them, not of the one acting"
    ),
    ("disclosure/applications/roles.py", "handled_organisation_ids"): (
        "applicants' personal data: the site-wide 管理员 group does not see every register"
    ),
    ("disclosure/moderation/organisations/organisation_collections.py", "own_collections"): (
        "its one caller (files/attachments.visible_attachments) asks sees_every_organisation first"
    ),
}

# (module, function) -> why `is_superuser` is read there.
SUPERUSER_FLAG_READERS = {
    # The definition of a site administrator: superusers and the site-wide 管理员 group.
    ("gongkai/accounts/administrators.py", "site_administrators_q"): "the definition",
    ("gongkai/accounts/administrators.py", "is_site_administrator"): "the definition",
    # Only superusers manage superusers and set the flag (docs/security.md, item 4).
    ("disclosure/moderation/organisations/walls.py", "manageable_users"): (
        "superusers are managed by superusers"
    ),
    ("disclosure/moderation/people/user_admin.py", "OrganisationScopedUserForm.__init__"): (
        "the superuser flag is set by superusers"
    ),
    # The user being placed, not the viewer: a superuser stays site-wide.
    ("disclosure/moderation/organisations/walls.py", "record_organisation_from_groups"): (
        "superusers stay site-wide"
    ),
    ("disclosure/moderation/people/user_admin.py", "OrganisationScopedUserForm.clean"): (
        "superusers stay site-wide"
    ),
    # Django's rule: a superuser holds every permission, publish_page on every page included.
    ("disclosure/moderation/publishing/bulk_actions.py", "may_publish_somewhere"): (
        "a superuser holds every permission"
    ),
    ("disclosure/moderation/review/dashboard.py", "roles_of"): (
        "a superuser holds every permission: every role's dashboard panels"
    ),
    # The register holds applicants' personal data: beyond an organisation's own handlers and
    # 管理员, superusers read it, not the site-wide 管理员 group (docs/applications.md).
    ("disclosure/applications/roles.py", "handled_organisation_ids"): (
        "applicants' personal data: superusers only"
    ),
}


class _Reads(ast.NodeVisitor):
    """Per enclosing function (qualified name): the names it calls, and whether it reads
    `is_superuser` (an attribute read, a `is_superuser=` keyword, the name as a string)."""

    def __init__(self):
        self.scope = []
        self.calls = {}
        self.superuser = set()

    def _nested(self, node):
        self.scope.append(node)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _nested

    def _here(self, depth=None):
        return ".".join(node.name for node in self.scope[:depth])

    def visit_Call(self, node):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name:
            # A nested function's calls count for each function around it too.
            for depth, scope in enumerate(self.scope, start=1):
                if not isinstance(scope, ast.ClassDef):
                    self.calls.setdefault(self._here(depth), set()).add(name)
        if any(keyword.arg == "is_superuser" for keyword in node.keywords):
            self.superuser.add(self._here())
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr == "is_superuser" and isinstance(node.ctx, ast.Load):
            self.superuser.add(self._here())
        self.generic_visit(node)

    def visit_Constant(self, node):
        if node.value == "is_superuser":
            self.superuser.add(self._here())


def reads(text):
    visitor = _Reads()
    visitor.visit(ast.parse(text))
    return visitor


def rule_written_again(text):
    """The functions that read a user's organisation and ask is_site_administrator."""
    return sorted(
        function
        for function, called in reads(text).calls.items()
        if "is_site_administrator" in called and called & ORGANISATION_READERS
    )


def test_organisation_scoping_asks_sees_every_organisation():
    found = {
        f"{path}::{function}"
        for path, text in source_files()
        for function in rule_written_again(text)
    }
    assert found == set(), (
        "who sees every organisation is staff_roles.sees_every_organisation: ask it instead "
        "of is_site_administrator where the user's organisation is read"
    )


def record_read_without_the_question(text):
    """The functions that read a user's recorded organisation and do not ask
    sees_every_organisation."""
    return sorted(
        function
        for function, called in reads(text).calls.items()
        if called & RECORD_READERS and "sees_every_organisation" not in called
    )


def test_whoever_reads_the_recorded_organisation_asks_who_sees_every_one():
    """A site administrator recorded with an organisation is not narrowed to it (the dashboard
    summary once named the superuser's organisation over every organisation's counts)."""
    found = {
        (str(path), function)
        for path, text in source_files()
        if str(path) not in DEFINITIONS
        for function in record_read_without_the_question(text)
    }
    assert found - set(RECORD_READERS_WITHOUT_THE_QUESTION) == set(), (
        "ask staff_roles.sees_every_organisation before the user's recorded organisation, or "
        "list the reader here with its reason"
    )
    assert set(RECORD_READERS_WITHOUT_THE_QUESTION) - found == set()


def test_the_superuser_flag_is_read_only_where_it_is_the_rule():
    found = {
        (str(path), function) for path, text in source_files() for function in reads(text).superuser
    }
    assert found - set(SUPERUSER_FLAG_READERS) == set(), (
        "a superuser is a site administrator: scope by staff_roles.sees_every_organisation "
        "(or administrators.is_site_administrator), or list the reader here with its reason"
    )
    # An entry whose code went away would let a new reader of that name in unseen.
    assert set(SUPERUSER_FLAG_READERS) - found == set()


def test_the_scans_tell_the_rule_from_its_one_answer():
    text = (
        "def organisations_visible_to(user):\n"
        "    if sees_every_organisation(user):\n"
        "        return everything()\n"
        "    return own(organisation_id_of_user(user))\n"
        "def sees_platform(user):\n"
        "    return organisation_id_of_user(user) is None and is_site_administrator(user)\n"
        "class Form:\n"
        "    def __init__(self, user):\n"
        "        def inner():\n"
        "            return is_site_administrator(user)\n"
        "        self.all = inner() or organisation_ids_where(user)\n"
        "def scoped(user):\n"
        "    return user.is_superuser or User.objects.filter(is_superuser=False)\n"
        "def flag(form):\n"
        "    return form.fields['is_superuser']\n"
        "def demo(user):\n"
        "    user.is_superuser = True\n"
    )
    assert rule_written_again(text) == ["Form.__init__", "sees_platform"]
    assert record_read_without_the_question(text) == ["Form.__init__", "sees_platform"]
    assert reads(text).superuser == {"scoped", "flag"}
