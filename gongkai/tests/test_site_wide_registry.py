"""What only site administrators change is registered once (gongkai.accounts.site_wide): the
walls, the placement of organisations' role groups and the site-wide 管理员's permissions all
derive from it, so a second hand-written list of those models, or a registry entry that names
no model or no permission, fails here. Migrations keep their frozen copies (history) and are
not read."""

import ast

from django.apps import apps
from django.contrib.auth.models import Permission

from gongkai.accounts.site_wide import (
    SITE_WIDE_MODELS,
    site_administration_permissions,
    site_wide_permissions_q,
)

from .project_code import source_files

REGISTRY = "gongkai/accounts/site_wide.py"


def model_tuples(text):
    """The (app_label, model, …) tuples of string literals written in a module."""
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Tuple) and len(node.elts) >= 2:
            values = [getattr(elt, "value", None) for elt in node.elts[:2]]
            if all(isinstance(value, str) for value in values):
                yield tuple(values)


def test_no_module_but_the_registry_lists_site_wide_models():
    written_elsewhere = {
        str(path): sorted(found)
        for path, text in source_files()
        if str(path) != REGISTRY and (found := set(model_tuples(text)) & set(SITE_WIDE_MODELS))
    }
    assert written_elsewhere == {}


def test_the_scan_finds_a_hand_written_list():
    assert set(model_tuples('X = [("home", "sitefootersettings")]')) == {
        ("home", "sitefootersettings")
    }


def test_every_registered_model_exists():
    for app_label, model in SITE_WIDE_MODELS:
        assert apps.get_model(app_label, model)._meta.model_name == model


def test_every_registered_action_is_a_permission_of_its_model(db):
    for app_label, model, codename in site_administration_permissions():
        assert Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).exists(), (app_label, model, codename)


def test_the_permission_filter_covers_exactly_the_registered_models(db):
    matched = set(
        Permission.objects.filter(site_wide_permissions_q()).values_list(
            "content_type__app_label", "content_type__model"
        )
    )
    with_permissions = set(
        Permission.objects.values_list("content_type__app_label", "content_type__model")
    )
    assert matched == set(SITE_WIDE_MODELS) & with_permissions
    assert {("wagtailcore", "workflow"), ("workdays", "calendarday")} <= matched
