"""Adds 低报, the common mistyping of 低保 (same pinyin, dibao, the input method's first choice
for many), to the default thesaurus's 低保 group, so that a citizen who typed it finds the
最低生活保障 pages.

Only the shipped group nobody edited is extended (same words): an office that changed or
removed it keeps its version. Reversible.
"""

from django.db import migrations

# Shipped group -> the same group with the mistyped words; the words stay unique across groups.
EXTENDED = {"低保，最低生活保障": "低保，最低生活保障，低报"}


def extend_groups(synonym_model):
    for words, extended in EXTENDED.items():
        synonym_model.objects.filter(words=words).update(words=extended)


def shrink_groups(synonym_model):
    for words, extended in EXTENDED.items():
        synonym_model.objects.filter(words=extended).update(words=words)


def extend(apps, schema_editor):
    extend_groups(apps.get_model("search", "Synonym"))


def shrink(apps, schema_editor):
    shrink_groups(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_search_index_stamps"),
    ]

    operations = [migrations.RunPython(extend, shrink)]
