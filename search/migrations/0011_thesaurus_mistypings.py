"""Mistypings get a field of their own: 低报 (0010) finds the 低保 group's pages but is no
synonym to name on the results page. The shipped group nobody edited moves it there; an office
that changed the group keeps its version. Reversible."""

from django.db import migrations, models

# Shipped group as 0010 left it -> (its words, its mistypings).
SPLIT = {"低保，最低生活保障，低报": ("低保，最低生活保障", "低报")}


def split(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for together, (words, mistypings) in SPLIT.items():
        Synonym.objects.filter(words=together, mistypings="").update(
            words=words, mistypings=mistypings
        )


def join(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for together, (words, mistypings) in SPLIT.items():
        Synonym.objects.filter(words=words, mistypings=mistypings).update(
            words=together, mistypings=""
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0010_thesaurus_dibao_mistyping")]

    operations = [
        migrations.AddField(
            model_name="synonym",
            name="mistypings",
            field=models.CharField(
                blank=True,
                help_text="市民常打错的写法，例如“低报”。输入它们也能找到本组的内容，"
                "但搜索结果页不会把它们列为同时搜索的词。用逗号、顿号或空格分隔。",
                max_length=200,
                verbose_name="常见错误写法",
            ),
        ),
        migrations.RunPython(split, join),
    ]
