"""A log action the project registers (moderation.*, catalogue.import…) is a string the
database stores on every log entry: it is written once, as a constant beside the code that
logs it, and registered from that constant by the app that owns it."""

import ast

from wagtail.log_actions import registry

from gongkai.tests.project_code import source_files

# Wagtail's own actions and those of other libraries are theirs to name.
PROJECT_PREFIXES = ("moderation.", "catalogue.", "reports.", "applications.", "inspection.")
# Where another helper keeps its own actions for now.
NOT_SCANNED = ("disclosure/reports/", "disclosure/applications/")


def project_actions():
    registry.scan_for_actions()
    return {action for action in registry.formatters if action.startswith(PROJECT_PREFIXES)}


def literals(text, wanted):
    return [
        node.lineno
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Constant) and node.value in wanted
    ]


def test_each_project_log_action_is_written_once():
    actions = project_actions()
    assert {"catalogue.import", "moderation.force_publish"} <= actions
    written = {}
    for path, text in source_files():
        if str(path).startswith(NOT_SCANNED):
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and node.value in actions:
                written.setdefault(node.value, []).append(f"{path}:{node.lineno}")
    twice = {action: places for action, places in written.items() if len(places) > 1}
    assert twice == {}, "name the action's constant instead of writing the string again"


def test_the_import_action_is_registered_by_the_site_migration():
    from disclosure.imports.publishing import IMPORT_ACTION

    assert IMPORT_ACTION == "catalogue.import"  # stored on log entries: the value stays
    written = {
        str(path)
        for path, text in source_files()
        if "register_action" in text and IMPORT_ACTION in text
    }
    assert written == set(), "register IMPORT_ACTION, not its string"
    assert IMPORT_ACTION in project_actions()
