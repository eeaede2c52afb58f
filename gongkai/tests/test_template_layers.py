"""Templates keep the layers of the import-linter contracts (pyproject.toml, docs/architecture.md),
which see only Python: a template may `{% load %}` a tag library, `{% include %}` or
`{% extends %}` a template, `{% url %}` a view and read `settings.<app>.` site settings of its
own app, of an app in a lower layer, of the plumbing (`gongkai/templates`,
`gongkai/templatetags`) or of a library, never one of an app of its own layer or above. The
plumbing's templates (base.html, which every page extends) use no app, gongkai.accounts and
gongkai.languages included, as the plumbing contract says; what they need from an app comes
through a Wagtail hook (gongkai/templatetags/navigation.py: the navigation, the site's
identity, the search box, the page's language versions and the toolbar), as
the catalogue's root page and guide show the register's links
(disclosure/catalogue/root_links.py)."""

import re
from pathlib import Path

from django.apps import apps
from django.template import TemplateDoesNotExist
from django.template.backends.django import get_installed_libraries
from django.template.loader import get_template
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.template_overrides import project_template_dirs

from .project_code import BASE, PLUMBING, contract, layers

LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
INCLUDE_OR_EXTENDS = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
# A URL named by a literal (`{% url 'applications:apply' %}`, `{% url "search" %}`); a name held
# in a variable is not read.
URL = re.compile(r"""{%\s*url\s+["']([^"']+)["']""")
# Wagtail's site settings by app label (`settings.home.SiteFooterSettings`).
SITE_SETTINGS = re.compile(r"""\bsettings\.(\w+)\.\w""")


def project_apps():
    """(path, app name) of each project app, deepest path first."""
    base = BASE.resolve()
    ours = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts:
            ours.append((path, config.name))
    return sorted(ours, key=lambda item: -len(item[0].parts))


def owner_of_path(path, ours):
    path = Path(path).resolve()
    return next((name for app_path, name in ours if path.is_relative_to(app_path)), None)


def owner_of_module(module):
    names = {name for _path, name in project_apps()}
    return max(
        (name for name in names if module == name or module.startswith(f"{name}.")),
        key=len,
        default=None,
    )


def layer_index(app):
    """Index of the app's layer in the `apps` contract, from the top (0)."""
    for index, layer in enumerate(layers()):
        if any(app == module or app.startswith(f"{module}.") for module in layer):
            return index
    return None


def may_use(user, used):
    """Whether code of the app `user` may depend on the app `used` (None: a library)."""
    if used is None or used in (user, PLUMBING):
        return True
    if user == PLUMBING:
        forbidden = contract("plumbing")["forbidden_modules"]
        return not any(used == name or used.startswith(f"{name}.") for name in forbidden)
    above, below = layer_index(user), layer_index(used)
    return above is not None and below is not None and below > above


def dependencies(text):
    """(kind, name) of each tag library loaded and each template included or extended by
    name (a name held in a variable is not read)."""
    for match in LOAD.finditer(text):
        words = match.group(1).split()
        libraries = words[-1:] if "from" in words else words
        yield from (("load", library) for library in libraries)
    yield from (("template", name) for name in INCLUDE_OR_EXTENDS.findall(text))
    yield from (("url", name) for name in URL.findall(text))
    yield from (("settings", label) for label in SITE_SETTINGS.findall(text))


def url_views(patterns=None, namespace=""):
    """{URL name, namespaced as `{% url %}` takes it: the module of its view}."""
    found = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            for name, module in url_views(pattern.url_patterns, inner).items():
                found.setdefault(name, module)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.setdefault(f"{namespace}{pattern.name}", pattern.callback.__module__)
    return found


def owner_of_app_label(label):
    try:
        return owner_of_module(apps.get_app_config(label).name)
    except LookupError:
        return None


def crossings():
    ours = project_apps()
    libraries = get_installed_libraries()
    views = url_views()
    found = []
    for folder in project_template_dirs():
        for path in sorted(folder.rglob("*.html")):
            user = owner_of_path(path, ours)
            for kind, name in dependencies(path.read_text(encoding="utf-8")):
                if kind == "load":
                    used = owner_of_module(libraries[name])
                elif kind == "url":
                    if name not in views:
                        found.append(f"{path.relative_to(BASE)}: no URL is named {name}")
                        continue
                    used = owner_of_module(views[name])
                elif kind == "settings":
                    used = owner_of_app_label(name)
                else:
                    try:
                        used = owner_of_path(get_template(name).origin.name, ours)
                    except TemplateDoesNotExist:
                        found.append(f"{path.relative_to(BASE)}: {name} does not exist")
                        continue
                if not may_use(user, used):
                    found.append(f"{path.relative_to(BASE)} ({user}): {kind} {name} ({used})")
    return found


def test_templates_use_only_their_own_app_lower_layers_the_plumbing_and_libraries():
    assert crossings() == []


def test_the_rule_is_the_import_contracts():
    assert may_use("disclosure.reports", "disclosure.catalogue")
    assert may_use("home", "gongkai.languages")
    assert not may_use("disclosure.catalogue", "disclosure.applications")
    assert not may_use("disclosure.moderation", "disclosure.reports")  # one layer
    assert not may_use(PLUMBING, "home") and not may_use(PLUMBING, "gongkai.languages")
    assert not may_use(PLUMBING, "gongkai.accounts") and may_use("gongkai.languages", PLUMBING)
    assert owner_of_module("home.templatetags.portal") == "home"


def test_the_scan_reads_loads_includes_extends_urls_and_site_settings():
    text = (
        '{% extends "base.html" %}{% load i18n portal %}{% load portal_nav from portal %}'
        "{% include 'applications/_apply_link.html' with organisation=o %}"
        "{% include widget.template_name %}"
        '<a href="{% url \'applications:apply\' %}">{% url "search" %}{% url state.url_name 1 %}'
        "{% with footer=settings.home.SiteFooterSettings %}{{ settings.DEBUG }}"
    )
    assert list(dependencies(text)) == [
        ("load", "i18n"),
        ("load", "portal"),
        ("load", "portal"),
        ("template", "base.html"),
        ("template", "applications/_apply_link.html"),
        ("url", "applications:apply"),
        ("url", "search"),
        ("settings", "home"),
    ]


def test_a_url_is_owned_by_the_app_of_its_view_and_a_site_setting_by_its_app():
    views = url_views()
    assert owner_of_module(views["applications:apply"]) == "disclosure.applications"
    assert owner_of_module(views["search"]) == "search"
    assert owner_of_module(views["wagtailadmin_home"]) is None  # a library's
    assert owner_of_app_label("home") == "home"
    # The catalogue's templates may not name the register's views, nor the skeleton home's
    # site settings or the search view.
    assert not may_use("disclosure.catalogue", owner_of_module(views["applications:status"]))
    assert not may_use(PLUMBING, owner_of_app_label("home"))
    assert not may_use(PLUMBING, owner_of_module(views["search"]))


def test_the_skeleton_includes_only_the_plumbings_templates():
    """What base.html shows from an app (the languages app's toolbar) comes through a hook of
    gongkai/templatetags/navigation.py, not an include naming the app's template."""
    text = (BASE / PLUMBING / "templates" / "base.html").read_text(encoding="utf-8")
    included = INCLUDE_OR_EXTENDS.findall(text)
    assert included
    assert [name for name in included if not (BASE / PLUMBING / "templates" / name).exists()] == []
