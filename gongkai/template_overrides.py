"""Templates of the project that replace a library's template of the same name, each recorded
with the hash of the library's template it was written against.

A project template named like one of Wagtail's (or another installed library's) replaces it:
the project's template directories and the project's apps come before the libraries in the
template search path. Some are copies of the library's template with one place changed
(gongkai/languages/wagtail_templates/README.md), others extend it and fill its blocks
(`{% extends "wagtailadmin/login.html" %}` in gongkai/templates/wagtailadmin/login.html);
either way they depend on the library's template as it was. So does a project template of
another name that extends a library's (`{% extends "wagtailadmin/pages/create.html" %}` in
gongkai/templates/gongkai/pages/create.html): it fills blocks that must still exist and mean the
same. When a library upgrade changes such a template,
`gongkai/tests/test_template_overrides.py` fails: diff the library's new template against the
old one, carry the change into the override (or check its blocks still exist), then record the
new hash and version below.
"""

import hashlib
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template


@dataclass(frozen=True)
class Checked:
    library: str  # the distribution whose template is replaced, as pip names it
    version: str  # its version when the override was last compared with it
    sha256: str  # of the library's template then (first 16 hex digits)


# Template name → the library's template it replaces, as last compared.
OVERRIDES = {
    "wagtailadmin/admin_base.html": Checked("wagtail", "8.0.1", "8d1e91482208ac34"),
    "wagtailadmin/bulk_actions/footer.html": Checked("wagtail", "8.0.1", "55cdf57df5197057"),
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
    "wagtailadmin/shared/set_privacy.html": Checked("wagtail", "8.0.1", "8073265cd6723802"),
    "wagtailadmin/shared/side_panels/includes/status/workflow.html": Checked(
        "wagtail", "8.0.1", "5576087b4e000e63"
    ),
    "wagtailadmin/shared/workflow_action_modal.html": Checked(
        "wagtail", "8.0.1", "4549dd3db3de10c0"
    ),
    "wagtailadmin/tables/boolean_cell.html": Checked("wagtail", "8.0.1", "f52d1f7945b2b176"),
    "wagtail_localize/admin/edit_translatable_alias.html": Checked(
        "wagtail-localize", "1.14.5", "b9cfd17470d0e1c1"
    ),
    "wagtail_localize/admin/edit_translation.html": Checked(
        "wagtail-localize", "1.14.5", "52b849c00b09876c"
    ),
}

# Library template → the library's template that project templates of other names extend, as
# last compared (EXTENDED_BY below finds which).
EXTENDED = {
    "wagtailadmin/base.html": Checked("wagtail", "8.0.1", "d9022f8527df321f"),
    "wagtailadmin/generic/base.html": Checked("wagtail", "8.0.1", "396c75d15810634a"),
    "wagtailadmin/pages/create.html": Checked("wagtail", "8.0.1", "fc9cd05a7fd80461"),
    "wagtailadmin/shared/side_panels/includes/action_list_item.html": Checked(
        "wagtail", "8.0.1", "c21a796bd44b4e7b"
    ),
    "wagtailusers/users/create.html": Checked("wagtail", "8.0.1", "7bcb3dda247a3e3c"),
    "wagtailusers/users/edit.html": Checked("wagtail", "8.0.1", "ed9a834a5c667e46"),
}

EXTENDS = re.compile(r"""{%\s*extends\s+["']([^"']+)["']""")


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


def extended_library_templates():
    """{library template name: (its path, [the project templates of other names extending it])}."""
    found = {}
    for folder in project_template_dirs():
        for path in sorted(folder.rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            for parent in EXTENDS.findall(path.read_text(encoding="utf-8")):
                if parent == name:
                    continue  # a same-name override, in OVERRIDES
                try:
                    origin = get_template(parent).origin.name
                except TemplateDoesNotExist:
                    continue  # test_template_layers.py reports it
                users = found.setdefault(parent, (origin, []))[1]
                if not _is_project_path(origin) and name not in users:
                    users.append(name)
    return {name: entry for name, entry in found.items() if entry[1]}


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def drift(records=None, extended_records=None):
    """What changed since each override or extension was compared with the library's template."""
    records = OVERRIDES if records is None else records
    extended_records = EXTENDED if extended_records is None else extended_records
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
    extended = extended_library_templates()
    problems += [
        f"{name}: a library template extended by {', '.join(extended[name][1])}, not recorded"
        for name in sorted(extended.keys() - extended_records.keys())
    ]
    problems += [
        f"{name}: recorded, no longer extended"
        for name in extended_records.keys() - extended.keys()
    ]
    for name in sorted(extended.keys() & extended_records.keys()):
        checked = extended_records[name]
        path, users = extended[name]
        current = digest(path)
        if current != checked.sha256:
            problems.append(
                f"{name}: {checked.library} {metadata.version(checked.library)}'s template changed"
                f" since {checked.version} (sha256 {current}, recorded {checked.sha256}); check the"
                f" blocks {', '.join(users)} fill"
            )
    return problems
