"""A model named by its label string ("reports.AnnualReportIndexPage") is a dependency
import-linter cannot see: Wagtail's page-type rules (subpage_types, parent_page_types), a
ForeignKey to a string, apps.get_model. Such a label must name a model of the same app or of a
layer below, as an import would have to (the `apps` contract of pyproject.toml); the few that
name an upper layer are listed here with their reason."""

import ast

from django.apps import apps

from .project_code import layers, source_files

PAGE_TYPE_RULES = {"subpage_types", "parent_page_types"}
RELATIONS = {
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
    "ParentalKey",
    "ParentalManyToManyField",
}

# (file, label) → why it may name a model of a higher layer.
UPWARD_LABELS = {
    ("disclosure/catalogue/models/pages.py", "reports.AnnualReportIndexPage"): (
        "Wagtail's page-type rules name the pages a disclosure root may hold: the annual "
        "reports' index sits in the catalogue's tree, and the rule is a string only"
    ),
    ("disclosure/catalogue/models/pages.py", "home.HomePage"): (
        "Wagtail's page-type rules name the page a disclosure root sits under: the site's home page"
    ),
}


def _name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _strings(node):
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def model_labels(text):
    """The "app_label.Model" strings `text` names as models."""
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) in PAGE_TYPE_RULES for target in node.targets
        ):
            yield from _strings(node.value)
        elif isinstance(node, ast.Call) and _name(node.func) in RELATIONS:
            to = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "to")]
            yield from (s for arg in to for s in _strings(arg)[:1])
        elif isinstance(node, ast.Call) and _name(node.func) == "get_model":
            constants = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if len(constants) == 2 and len(node.args) == 2:
                yield ".".join(constants)
            elif len(constants) == 1 and len(node.args) == 1:
                yield constants[0]


def layer_of(module):
    """(index from the top, layer module) of the `apps` contract holding `module`, or None."""
    for index, layer in enumerate(layers()):
        for name in layer:
            if module == name or module.startswith(f"{name}."):
                return index, name
    return None


def upward_labels():
    found = set()
    for path, text in source_files():
        own = layer_of(".".join(path.with_suffix("").parts))
        if own is None:
            continue
        for label in model_labels(text):
            app_label, dot, _model = label.partition(".")
            if not dot or app_label not in apps.app_configs:
                continue
            target = layer_of(apps.get_app_config(app_label).name)
            # Above, or a sibling of the same layer (independent of each other): not importable.
            if target is not None and target[1] != own[1] and target[0] <= own[0]:
                found.add((str(path), label))
    return found


def test_model_labels_follow_the_layers():
    assert upward_labels() - set(UPWARD_LABELS) == set()


def test_every_listed_label_is_still_named():
    assert set(UPWARD_LABELS) - upward_labels() == set()


def test_the_scan_sees_each_kind_of_label():
    text = """
class P:
    subpage_types = ["reports.AnnualReportIndexPage"]
    parent_page_types = ["home.HomePage"]
    owner = models.ForeignKey("catalogue.Organisation", on_delete=models.CASCADE)
    report = ParentalKey(to="reports.AnnualReportPage")
Page = apps.get_model("moderation", "SensitiveWord")
Other = apps.get_model("search.Synonym")
"""
    assert sorted(model_labels(text)) == sorted(
        [
            "reports.AnnualReportIndexPage",
            "home.HomePage",
            "catalogue.Organisation",
            "reports.AnnualReportPage",
            "moderation.SensitiveWord",
            "search.Synonym",
        ]
    )
