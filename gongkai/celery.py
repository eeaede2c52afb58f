"""The Celery application: web requests hand indexing, mail and exports to it."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.dev")

app = Celery("gongkai")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The project package is not an installed app, so its own tasks are named explicitly.
app.conf.imports = ["gongkai.tasks", "gongkai.mail"]
