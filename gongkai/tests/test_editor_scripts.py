"""The editor's scripts that wrap the edit form's submit() wrap it in a fixed order: the guard
against a second submission inside, the signed-out editor's hold outside (submit_once.js)."""

from wagtail import hooks


def test_the_submit_guard_is_inserted_before_the_signed_out_editor():
    html = "".join(str(hook()) for hook in hooks.get_hooks("insert_editor_js"))
    assert "submit_once.js" in html and "signed_out_editor.js" in html
    assert html.index("submit_once.js") < html.index("signed_out_editor.js")
