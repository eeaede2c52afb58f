"""The search index's stamps move here from the project package (gongkai/migrations/0003):
the model enters this app's state on the existing table, which is then renamed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0008_delete_answered_query"),
        ("gongkai", "0003_search_index_stamps_moved_to_search"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchIndexStamp",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("revision_id", models.BigIntegerField(null=True, verbose_name="版本")),
                        (
                            "in_index",
                            models.BooleanField(default=True, verbose_name="在索引中"),
                        ),
                        (
                            "indexed_at",
                            models.DateTimeField(auto_now=True, verbose_name="索引时间"),
                        ),
                    ],
                    options={
                        "verbose_name": "搜索索引记录",
                        "verbose_name_plural": "搜索索引记录",
                        "db_table": "gongkai_searchindexstamp",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="SearchIndexStamp", table=None),
    ]
