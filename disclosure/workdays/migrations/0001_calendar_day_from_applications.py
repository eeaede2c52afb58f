"""CalendarDay was created by the application register (applications 0001_calendar); it moves
here as it is. Only Django's model state changes: the table keeps its name and its rows."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("applications", "0001_calendar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CalendarDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(unique=True, verbose_name="日期")),
                        ("is_working_day", models.BooleanField(help_text="勾选：调休上班日（周末上班）；不勾选：法定节假日或休息日。", verbose_name="是工作日")),
                        ("name", models.CharField(blank=True, help_text="如：春节、国庆节调休", max_length=50, verbose_name="说明")),
                    ],
                    options={
                        "verbose_name": "节假日与调休",
                        "verbose_name_plural": "节假日与调休",
                        "ordering": ["date"],
                        "db_table": "applications_calendarday",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
