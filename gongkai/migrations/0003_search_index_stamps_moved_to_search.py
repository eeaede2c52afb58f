"""The search index's stamps belong to the search app (search/migrations/0009): the model
leaves this app's state; its table is renamed there, its rows kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gongkai", "0002_create_form_tokens"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SearchIndexStamp")],
            database_operations=[],
        ),
    ]
