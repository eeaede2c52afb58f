# Joins the import and guide branch with the translations branch of the catalogue.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0004_index_number_shared_by_translations'),
        ('catalogue', '0005_disclosure_guide_page'),
    ]

    operations = [
    ]
