"""Loads the default thesaurus of government abbreviations: the CSV beside this migration, frozen
with it (a later migration that ships more groups brings its own file).

Each row is a synonym group (the short form citizens type, its full and official forms) and the
government document that uses them. Loaded into `search.Synonym`, it is edited like any synonym in
the admin: a group an office already has is skipped, and unloading removes only the groups
nobody edited.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_suffix(".csv")


def default_groups(path=DATA):
    """(words, source) of each shipped group, in file order."""
    with path.open(encoding="utf-8", newline="") as file:
        return [(row["words"].strip(), row["source"].strip()) for row in csv.DictReader(file)]


def install(synonym_model):
    """Adds the shipped groups an office does not already have (same words); returns how many."""
    existing = set(synonym_model.objects.values_list("words", flat=True))
    new = [
        synonym_model(words=words, source=source)
        for words, source in default_groups()
        if words not in existing
    ]
    synonym_model.objects.bulk_create(new)
    return len(new)


def uninstall(synonym_model):
    """Removes the shipped groups that nobody edited (same words and source)."""
    for words, source in default_groups():
        synonym_model.objects.filter(words=words, source=source).delete()


def load(apps, schema_editor):
    install(apps.get_model("search", "Synonym"))


def unload(apps, schema_editor):
    uninstall(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_synonym_source"),
    ]

    operations = [migrations.RunPython(load, unload)]
