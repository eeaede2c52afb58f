"""Templates of the project that replace a library's template of the same name, each recorded
with the hash of the library's template it was written against.

A project template named like one of Wagtail's (or another installed library's) replaces it:
the project's template directories and the project's apps come before the libraries in the
template search path. Some are copies of the library's template with one place changed
(gongkai/languages/wagtail_templates/README.md), others extend it and fill its blocks
(`{% extends "wagtailadmin/login.html" %}` in gongkai/templates/wagtailadmin/login.html);
either way they depend on the library's template as it was. When a library upgrade changes it,
`gongkai/tests/test_template_overrides.py` fails: diff the library's new template against the
old one, carry the change into the override (or check its blocks still exist), then record the
new hash and version below.
"""

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings


@dataclass(frozen=True)
class Checked:
    library: str  # the distribution whose template is replaced, as pip names it
    version: str  # its version when the override was last compared with it
    sha256: str  # of the library's template then (first 16 hex digits)


# Template name → the library's template it replaces, as last compared.
OVERRIDES = {
    "wagtailadmin/admin_base.html": Checked("wagtail", "8.0.1", "8d1e91482208ac34"),
    "wagtailadmin/home.html": Checked("wagtail", "8.0.1", "7eb3ee7b5a9d1355"),
    "wagtailadmin/home/account_summary.html": Checked("wagtail", "8.0.1", "ff5c7d30e46778c3"),
    "wagtailadmin/login.html": Checked("wagtail", "8.0.1", "d563c5a4e7f2c289"),
    "wagtailadmin/pages/history.html": Checked("wagtail", "8.0.1", "bfaf9d23df17844e"),
    "wagtailadmin/pages/listing/_page_status_cell.html": Checked(
        "wagtail", "8.0.1", "99986ad1a584c3ca"
    ),
    "wagtailadmin/reports/listing/_list_page_types_usage.html": Checked(
        "wagtail", "8.0.1", "d8b25a2f35ef4b89"
    ),
    "wagtailadmin/shared/header.html": Checked("wagtail", "8.0.1", "37d78005e6612711"),
    "wagtailadmin/shared/headers/_actions.html": Checked("wagtail", "8.0.1", "facea723b6b91762"),
    "wagtailadmin/shared/headers/page_edit_header.html": Checked(
        "wagtail", "8.0.1", "4fa8e889c687f945"
    ),
    "wagtailadmin/tables/boolean_cell.html": Checked("wagtail", "8.0.1", "f52d1f7945b2b176"),
}


def _is_project_path(path):
    base = Path(settings.BASE_DIR).resolve()
    path = Path(path).resolve()
    return path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts


def project_template_dirs():
    """The directories the project's own templates are found in: TEMPLATES' DIRS and the
    `templates` folder of each of the project's apps."""
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    for config in apps.get_app_configs():
        if _is_project_path(config.path):
            dirs.append(Path(config.path) / "templates")
    return [d for d in dirs if d.is_dir()]


def library_templates():
    """{template name: path} of the installed libraries' app templates."""
    found = {}
    for config in apps.get_app_configs():
        folder = Path(config.path) / "templates"
        if _is_project_path(config.path) or not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file():
                found.setdefault(path.relative_to(folder).as_posix(), path)
    return found


def overrides():
    """{template name: the library's template path} for each project template that replaces
    one of a library's."""
    libraries = library_templates()
    names = {
        path.relative_to(folder).as_posix()
        for folder in project_template_dirs()
        for path in folder.rglob("*.html")
    }
    return {name: libraries[name] for name in sorted(names) if name in libraries}


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def drift(records=None):
    """What changed since each override was compared with the library's template."""
    records = OVERRIDES if records is None else records
    found = overrides()
    problems = [
        f"{name}: replaces a library template, not recorded"
        for name in found.keys() - records.keys()
    ]
    problems += [
        f"{name}: recorded, no longer an override" for name in records.keys() - found.keys()
    ]
    for name in sorted(found.keys() & records.keys()):
        checked = records[name]
        installed = metadata.version(checked.library)
        current = digest(found[name])
        if current != checked.sha256:
            problems.append(
                f"{name}: {checked.library} {installed}'s template changed since {checked.version}"
                f" (sha256 {current}, recorded {checked.sha256})"
            )
    return problems
