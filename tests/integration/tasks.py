"""A django-task the integration suite sends to a real worker (imported there by path)."""

from django.contrib.auth.models import Group
from django_tasks import task


@task()
def create_group(name):
    Group.objects.create(name=name)
