"""Wagtail's private reference-index methods are called from one module
(gongkai/content_references.py), recorded with the source they were checked against, and the
project's code reads the index's rows through it too (the index is written by Wagtail, and by
the catalogue's indexing task)."""

import ast

from gongkai import content_references
from gongkai.patching import drift

from .project_code import source_files

HELPER = "gongkai/content_references.py"


# What reads the index's rows (the writes, create_or_update_for_object, are left to callers).
READS = {"objects", "get_references_to", "get_references_for_object", "get_grouped_references_to"}


def reference_index_uses(text, wanted):
    """`ReferenceIndex.<attribute>` for each attribute `wanted` accepts, however
    ReferenceIndex was imported or aliased."""
    tree = ast.parse(text)
    names = {"ReferenceIndex"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {a.asname for a in node.names if a.name == "ReferenceIndex" and a.asname}
    uses = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and wanted(node.attr)
        and (
            (isinstance(node.value, ast.Name) and node.value.id in names)
            or (isinstance(node.value, ast.Attribute) and node.value.attr in names)
        )
    ]
    return [f"{node.lineno}: {ast.unparse(node)}" for node in sorted(uses, key=lambda n: n.lineno)]


def private_reference_index_uses(text):
    """`ReferenceIndex._anything`."""
    return reference_index_uses(
        text, lambda attr: attr.startswith("_") and not attr.startswith("__")
    )


def reference_index_reads(text):
    """`ReferenceIndex.objects`, `ReferenceIndex.get_references_to` and the like."""
    return reference_index_uses(text, READS.__contains__)


def test_wagtail_has_not_changed_under_the_reference_helper():
    """On failure: read the new source of the methods named in the helper's docstring, adjust
    the helper, then record the new version and fingerprints in RELIES_ON."""
    assert drift(content_references.RELIES_ON) == []


def test_the_helper_says_what_it_relies_on_and_the_version_checked():
    patch = content_references.RELIES_ON
    docstring = " ".join(content_references.__doc__.split()).lower()
    assert f"checked against {patch.library} {patch.checked_version}" in docstring
    for dotted_path in patch.relies_on:
        assert dotted_path.rpartition(".")[2].lower() in docstring


def test_no_other_module_calls_a_private_method_of_the_reference_index():
    found = {
        str(path): uses
        for path, text in source_files(skip=("migrations",))
        if str(path) != HELPER and (uses := private_reference_index_uses(text))
    }
    assert found == {}, "read references through gongkai.content_references"


def test_the_scan_finds_private_calls():
    text = (
        "from wagtail.models import ReferenceIndex as RI\n"
        "import wagtail.models\n"
        "RI._extract_references_from_object(page)\n"
        "wagtail.models.ReferenceIndex._get_base_content_type(Page)\n"
        "ReferenceIndex.get_references_to(document)\n"
    )
    assert private_reference_index_uses(text) == [
        "3: RI._extract_references_from_object",
        "4: wagtail.models.ReferenceIndex._get_base_content_type",
    ]


def test_no_other_module_reads_the_reference_index():
    found = {
        str(path): reads
        for path, text in source_files()
        if str(path) != HELPER and (reads := reference_index_reads(text))
    }
    assert found == {}, "read references through gongkai.content_references"


def test_the_scan_finds_the_reads_it_replaced():
    text = (
        "from wagtail.models import ReferenceIndex\n"
        "ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)\n"
        "rows = ReferenceIndex.objects.filter(base_content_type=page_type, object_id__in=keys)\n"
        "ReferenceIndex.create_or_update_for_object(page)\n"
    )
    assert reference_index_reads(text) == [
        "2: ReferenceIndex.get_references_to",
        "3: ReferenceIndex.objects",
    ]
