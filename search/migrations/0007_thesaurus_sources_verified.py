"""Corrects the sources of the default thesaurus (0006) after each group was looked up in a
published government page: the CSV beside this migration, frozen with it, gives for every shipped
group its words, the source 0006 shipped, the corrected source and the verdict.

- ``verified``: a published page uses both forms (or defines the term); the source names it and
  carries its address.
- ``unverified``: no page was found; the source is kept (corrected where the document named was
  wrong) and the group is kept because the equivalence is not in doubt.
- ``dropped``: the two terms are not the same thing; the group is removed.

Only groups nobody edited are touched (same words and same shipped source): an office that changed
a source, or deleted and re-added a group with its own source, keeps its version. Reversible.
The review itself (page, quote) is in docs/thesaurus-sources.md.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_suffix(".csv")

VERIFIED, UNVERIFIED, DROPPED = "verified", "unverified", "dropped"


def reviewed_groups(path=DATA):
    """(words, shipped source, corrected source, verdict) of each shipped group, in file order."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            (row["words"].strip(), row["old_source"].strip(), row["source"].strip(), row["verdict"])
            for row in csv.DictReader(file)
        ]


def apply_review(synonym_model):
    """Corrects the sources of unedited shipped groups and removes the unedited dropped ones."""
    for words, old_source, source, verdict in reviewed_groups():
        unedited = synonym_model.objects.filter(words=words, source=old_source)
        if verdict == DROPPED:
            unedited.delete()
        elif source != old_source:
            unedited.update(source=source)


def revert_review(synonym_model):
    """Puts back the shipped sources, and the dropped groups no office has re-created."""
    existing = set(synonym_model.objects.values_list("words", flat=True))
    for words, old_source, source, verdict in reviewed_groups():
        if verdict == DROPPED:
            if words not in existing:
                synonym_model.objects.create(words=words, source=old_source)
        elif source != old_source:
            synonym_model.objects.filter(words=words, source=source).update(source=old_source)


def forwards(apps, schema_editor):
    apply_review(apps.get_model("search", "Synonym"))


def backwards(apps, schema_editor):
    revert_review(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_default_government_thesaurus"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
