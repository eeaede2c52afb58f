"""Round trips through a real broker and a real worker process."""

import pytest
from django.contrib.auth.models import Group
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search.backends import get_search_backend

from disclosure.catalogue.models import Organisation
from gongkai.tasks import ping
from tests.processes import wait_for

from .tasks import create_group

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_celery_task_round_trip(celery_worker):
    assert ping.delay("友谊镇").get(timeout=60) == "友谊镇"


def test_django_task_runs_in_the_worker(celery_worker):
    create_group.using(backend="celery").enqueue("由工作进程创建")
    wait_for(
        lambda: Group.objects.filter(name="由工作进程创建").exists(),
        60,
        "the worker did not run the django-task",
    )


def test_search_index_update_runs_in_the_worker(celery_worker):
    # bulk_create sends no signals: the organisation is not indexed until the worker does it.
    (org,) = Organisation.objects.bulk_create([Organisation(name="Integration Bureau 集成")])

    def found():
        return list(get_search_backend().search("Integration", Organisation))

    assert found() == []
    insert_or_update_object_task.using(backend="celery").enqueue(
        "catalogue", "organisation", str(org.pk)
    )
    wait_for(
        lambda: found() == [org],
        60,
        "the worker did not update the search index",
    )
