"""The site-wide groups by key (gongkai.accounts.models.SiteWideGroup)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteWideGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=40, unique=True, verbose_name='键')),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='site_wide', to='auth.group', verbose_name='用户组')),
            ],
            options={'verbose_name': '站点级用户组', 'verbose_name_plural': '站点级用户组'},
        ),
    ]
