"""Loads the default thesaurus of government abbreviations (search/data/thesaurus.csv)."""

from django.db import migrations

from search import thesaurus


def load(apps, schema_editor):
    thesaurus.install(apps.get_model("search", "Synonym"))


def unload(apps, schema_editor):
    thesaurus.uninstall(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_synonym_source"),
    ]

    operations = [migrations.RunPython(load, unload)]
