"""Queries keep the layers too: code may not filter through a relation that a model of a higher
layer declares (`groups__organisation_role__role` in accounts walks the catalogue's
OrganisationRole, which import-linter cannot see). The lower app offers a hook the higher one
registers on instead (gongkai.accounts.roles.ROLE_HOLDERS_HOOK)."""

import ast

from django.apps import apps

from .project_code import layers, source_files


def _layer_of(dotted):
    """The index of the layer holding a module or an app (0 is the top); the plumbing under
    every layer has the last index."""
    for index, layer in enumerate(layers()):
        if any(dotted == name or dotted.startswith(f"{name}.") for name in layer):
            return index
    return len(layers()) if dotted.split(".")[0] == "gongkai" else None


def reverse_relations_by_layer():
    """{query name: layer of the app declaring it} for each relation a project model declares
    to a model of another app: the name the other side's queries use (`organisation_role`)."""
    found = {}
    for model in apps.get_models():
        layer = _layer_of(model._meta.app_config.name)
        if layer is None:
            continue
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.related_model):
                continue
            if field.model is not model:
                continue  # a parent's field (Page's owner): its own app declares it
            if field.related_model._meta.app_label == model._meta.app_label:
                continue
            name = field.related_query_name()
            if name.endswith("+"):
                continue  # no way back
            found[name] = min(layer, found.get(name, layer))
    return found


def lookups_through(text, relations, layer):
    """`keyword__paths` in calls that pass through a relation declared above `layer`."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            for part in (keyword.arg or "").split("__"):
                if relations.get(part, layer) < layer:
                    found.append(f"{node.lineno}: {keyword.arg}")
    return found


def test_no_query_walks_a_relation_declared_by_a_higher_layer():
    relations = reverse_relations_by_layer()
    found = {}
    for path, text in source_files():
        layer = _layer_of(".".join(path.with_suffix("").parts))
        if layer is not None and (hits := lookups_through(text, relations, layer)):
            found[str(path)] = hits
    assert found == {}


def test_the_scan_finds_the_two_factor_rule_it_replaced():
    relations = reverse_relations_by_layer()
    assert relations["organisation_role"] == _layer_of("disclosure.catalogue")
    accounts = _layer_of("gongkai.accounts")
    old_rule = "Q(groups__name__in=names) | Q(groups__organisation_role__role__in=roles)"
    assert lookups_through(old_rule, relations, accounts) == [
        "1: groups__organisation_role__role__in"
    ]
    assert lookups_through(old_rule, relations, _layer_of("disclosure.catalogue")) == []
