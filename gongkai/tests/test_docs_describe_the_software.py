"""docs/ describe the software as it is, not the history of its making: no page names an issue
of the tracker, a branch of its making, the people or rounds of work that made it, what a file
used to be called, or a file or module the repository does not hold. What changed when belongs
in the commit log (and a CHANGELOG, if the project keeps one)."""

import re
import subprocess
from importlib import import_module
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
DOCS = BASE / "docs"
HISTORY = re.compile(
    r"""
      \bissues?\s*\#?\d+                     # issue 14, issues 16, 18, Issue #20
    | \bissue\s+["“]                         # issue "Inspection readiness"
    | \b(?:the|this|that|an)\s+issue(?:'s|s)?(?![\w-])   # the issue's rule, targets of the issue
    | (?<![\w/&])\#\d+\b                     # #14
    | \bh-[a-z][a-z0-9]*(?:-[a-z0-9]+)*\b    # a helper's branch: h-arch, h-walls
    | \bbranch(?:es|'s)?\b                    # Branch `h-revision`, this branch, another branch's
    | \b(?:this|last|next|previous)\s+round\b
    | \bsessions?'                           # other sessions' test suites
    | \b(?:this|other|another|previous|earlier)\s+session\b
    | \bsession\s+\d+\b                      # Session 7
    | \bhelpers?'s?(?!\w)                     # other helpers' tests, another helper's benchmark
    | \b(?:other|another|seven|parallel)\s+helpers?\b
    | \bre-try\b | \btry-?outs?\b              # the re-try's phrasings, an independent try-out
    | \bplanned\b | \buntil\s+it\s+lands\b     # a shipped part described as to come
    | \(was[:\s]\s*`                         # (was `gongkai/api.py`)
    | \bmerged\s+code\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A file of the repository a page names: a path under one of its top-level folders, or a page
# of docs (“docs/domain.md”, “findings-citizen.md”); “tests/test_r6.py” beside an app's name
# is that app's, so a name is found when some file's path ends with it.
FILE_REFERENCE = re.compile(
    r"(?<![\w/.:-])((?:[\w-]+/)*[\w-]+(?:\.[\w-]+)*\.(?:py|md|html|txt|toml|json|ya?ml|po|js|css|cfg|sh|conf))(?![\w/-])"
)


# A module of the project a page names in backticks, dotted: `gongkai.ratelimit.client_ip`, or
# app-relative as the pages name them (`applications.register_admin`, `reports.admin_views`).
DOTTED_REFERENCE = re.compile(r"`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)`")
PACKAGES = ("gongkai", "disclosure", "home", "search")


def resolves(dotted):
    """Whether `dotted` names a module of the project, or an attribute of one (a function, a
    class, a class's method or field)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for position, name in enumerate(parts[cut:], cut + 1):
            if position == len(parts) and name in getattr(found, "__annotations__", {}):
                return True  # a dataclass's field without a default
            try:
                found = getattr(found, name)
            except AttributeError:
                return False
        return True
    return False


def names_a_model(dotted):
    """`catalogue.Organisation`, `home.sitefootersettings`: an app label and a model name."""
    from django.apps import apps

    try:
        apps.get_model(dotted)
    except (LookupError, ValueError):
        return False
    return True


def unresolved_modules(text, apps, identifiers):
    """The dotted names in backticks that `text` gives for the project's modules (from a
    top-level package, or from an app of `disclosure`) and that do not resolve: neither a
    module or its attribute, nor a model (`catalogue.Organisation`), nor an identifier the
    code writes as a string (`identifiers`: a task's name, a log action, a system check)."""
    missing = []
    for match in DOTTED_REFERENCE.finditer(text):
        dotted = match.group(1)
        first = dotted.split(".")[0]
        if first in PACKAGES:
            modules = [dotted]
        elif first in apps:
            # `catalogue.Level`: what an app's models package exports, named by the app.
            rest = dotted.partition(".")[2]
            modules = [f"disclosure.{dotted}", f"disclosure.{first}.models.{rest}"]
        else:
            continue
        if not (
            any(resolves(module) for module in modules)
            or names_a_model(dotted)
            or dotted in identifiers
        ):
            missing.append(dotted)
    return missing


def code_identifiers():
    """The dotted strings the project's code writes in quotes."""
    quoted = re.compile(r"""["']([A-Za-z_]\w*(?:\.\w+)+)["']""")
    return {
        name
        for package in PACKAGES
        for path in (BASE / package).rglob("*.py")
        if "tests" not in path.parts
        for name in quoted.findall(path.read_text(encoding="utf-8"))
    }


def disclosure_apps():
    return {path.parent.name for path in (BASE / "disclosure").glob("*/__init__.py")}


def references_to_history(text):
    return [match.group(0) for match in HISTORY.finditer(text)]


def repository_files():
    listed = subprocess.run(
        ["git", "ls-files"], cwd=BASE, capture_output=True, text=True, check=True
    ).stdout.split()
    return {f"/{name}" for name in listed}


def missing_files(text, files, top_folders):
    """Files of the repository that `text` names and the repository does not hold."""
    missing = []
    for match in FILE_REFERENCE.finditer(text):
        name = match.group(1)
        ours = name.split("/")[0] in top_folders or ("/" not in name and name.endswith(".md"))
        if ours and not any(path.endswith(f"/{name}") for path in files):
            missing.append(name)
    return missing


def doc_lines():
    for path in sorted(DOCS.rglob("*.md")):
        if path.name.upper().startswith("CHANGELOG"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.relative_to(DOCS)}:{number}", line


def test_no_page_of_the_docs_names_an_issue_a_branch_or_a_round():
    found = {where: hits for where, line in doc_lines() if (hits := references_to_history(line))}
    assert found == {}


def test_every_file_the_docs_name_is_in_the_repository():
    files = repository_files()
    top_folders = {path.split("/")[1] for path in files if path.count("/") > 1}
    found = {
        where: names
        for where, line in doc_lines()
        if (names := missing_files(line, files, top_folders))
    }
    assert found == {}


def test_every_module_the_docs_name_is_in_the_repository():
    apps, identifiers = disclosure_apps(), code_identifiers()
    found = {
        where: names
        for where, line in doc_lines()
        if (names := unresolved_modules(line, apps, identifiers))
    }
    assert found == {}


def test_the_rule_finds_modules_the_repository_does_not_hold():
    text = (
        "set it to `disclosure.applications.ratelimit.client_ip` (`gongkai.ratelimit.client_ip`);"
        " admin hooks → `applications.staff` → `applications.letters`; `request.user`;"
        " `settings.GONGKAI_REPORT_DEADLINES`; `catalogue.models.Organisation.level`;"
        " `catalogue.Organisation`; the task `applications.send_deadline_reminders`"
    )
    identifiers = {"applications.send_deadline_reminders"}
    assert unresolved_modules(text, {"applications", "catalogue"}, identifiers) == [
        "disclosure.applications.ratelimit.client_ip",
        "applications.staff",
    ]


def test_the_rule_finds_the_ways_history_was_written():
    text = (
        "## The admin in Chinese (issue 17)\n"
        "Branch `h-revision` (issue #14, items 1 and 13). Still to do (issue #20); see #21.\n"
        "(issues 16, 18, 19) until this round; seven other sessions' test suites; Session 7\n"
    )
    assert references_to_history(text) == [
        "issue 17",
        "Branch",
        "h-revision",
        "issue #14",
        "issue #20",
        "#21",
        "issues 16",
        "this round",
        "sessions'",
        "Session 7",
    ]
    text = (
        "the pytest runs of this branch; documents are another branch's; the issue's rule;\n"
        'Targets of the issue; is planned (issue "Inspection readiness"); until it lands;\n'
        "with other helpers' tests; another helper's benchmark; the re-try's phrasings;\n"
        "an independent try-out; too slow to finish in this session; (was `gongkai/api.py`)\n"
    )
    assert references_to_history(text) == [
        "branch",
        "branch's",
        "the issue's",
        "the issue",
        "planned",
        'issue "',
        "until it lands",
        "other helpers",
        "another helper",
        "re-try",
        "try-out",
        "this session",
        "(was `",
    ]
    # What the software does is not history.
    assert not references_to_history(
        "a verified session; the session cookie; the round trip; `manage.py -h`; `&#8203;`; https://x.org/pull/85;"
        " Retry-After; retrying on a locked database; the letter is issued;"
        " before issue the applicant; tests and their helpers live in helpers.py"
    )


def test_the_rule_finds_files_the_repository_does_not_hold():
    files = {"/docs/domain.md", "/disclosure/reports/tests/test_r6.py", "/gongkai/ratelimit.py"}
    top_folders = {"docs", "disclosure", "gongkai"}
    text = (
        "found by a citizen walk, `findings-citizen.md`; `gongkai/ratelimit.py` (was"
        " `disclosure/applications/ratelimit.py`); `tests/test_r6.py`; docs/domain.md;"
        " DOMAIN.md; Wagtail's `wagtailadmin/pages/create.html`; https://example.org/a/b.html"
    )
    assert missing_files(text, files, top_folders) == [
        "findings-citizen.md",
        "disclosure/applications/ratelimit.py",
        "DOMAIN.md",
    ]
