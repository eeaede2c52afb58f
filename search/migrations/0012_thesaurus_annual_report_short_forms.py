"""Adds 年报 and 年度报告, the short forms citizens type, to the default thesaurus's group of the
annual report (政府信息公开工作年度报告): 年报 found nothing, although the portal's own navigation
names the column 政府信息公开年报.

Only the shipped group nobody edited is extended (same words): an office that changed or
removed it keeps its version. Reversible.
"""

from django.db import migrations

# Shipped group -> the same group with the short forms; the words stay unique across groups.
EXTENDED = {
    "信息公开年报，政府信息公开年报，政府信息公开工作年度报告": (
        "信息公开年报，政府信息公开年报，政府信息公开工作年度报告，年报，年度报告"
    )
}


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
    dependencies = [("search", "0011_thesaurus_mistypings")]

    operations = [migrations.RunPython(extend, shrink)]
