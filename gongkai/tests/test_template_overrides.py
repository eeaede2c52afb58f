"""Every project template that replaces a library's is recorded with the hash of the library's
template it was written against, and this fails when the installed library's template is
another (gongkai/template_overrides.py says what to do then)."""

from dataclasses import replace

from gongkai.template_overrides import (
    EXTENDED,
    OVERRIDES,
    drift,
    extended_library_templates,
    overrides,
)


def test_the_overridden_library_templates_are_those_the_overrides_were_written_against():
    assert drift() == []


def test_every_copy_and_extension_of_a_wagtail_admin_template_is_found():
    found = overrides()
    # Copies (gongkai/languages/wagtail_templates), extensions (gongkai/templates) and the
    # review workflow's (disclosure/moderation/templates).
    assert {
        "wagtailadmin/shared/header.html",
        "wagtailadmin/login.html",
        "wagtailadmin/pages/history.html",
    } <= found.keys()
    assert all("site-packages" in str(path) for path in found.values())


def test_a_changed_library_template_or_an_unrecorded_override_is_noticed():
    records = dict(OVERRIDES)
    name = "wagtailadmin/shared/header.html"
    records[name] = replace(records[name], sha256="0" * 16)
    del records["wagtailadmin/login.html"]
    records["wagtailadmin/gone.html"] = OVERRIDES[name]
    problems = drift(records)
    assert len(problems) == 3
    assert any(p.startswith(f"{name}: wagtail ") and "changed since 8.0.1" in p for p in problems)
    assert "wagtailadmin/login.html: replaces a library template, not recorded" in problems
    assert "wagtailadmin/gone.html: recorded, no longer an override" in problems


def test_every_library_template_a_project_template_extends_is_found():
    found = extended_library_templates()
    assert found["wagtailadmin/pages/create.html"][1] == ["gongkai/pages/create.html"]
    assert "moderation/users/edit.html" in found["wagtailusers/users/edit.html"][1]
    assert "accounts/security.html" in found["wagtailadmin/generic/base.html"][1]
    # Extending the project's own copy of a library template is covered by OVERRIDES.
    assert "wagtailadmin/admin_base.html" not in found
    assert all("site-packages" in str(path) for path, _users in found.values())


def test_a_changed_or_unrecorded_extended_library_template_is_noticed():
    records = dict(EXTENDED)
    name = "wagtailadmin/pages/create.html"
    records[name] = replace(records[name], sha256="0" * 16)
    del records["wagtailusers/users/edit.html"]
    problems = drift(extended_records=records)
    assert len(problems) == 2
    assert problems[0] == (
        "wagtailusers/users/edit.html: a library template extended by "
        "moderation/users/edit.html, not recorded"
    )
    assert problems[1].startswith(f"{name}: wagtail ")
    assert problems[1].endswith("check the blocks gongkai/pages/create.html fill")
