"""The create forms' one-time tokens (gongkai/create_once.py) do not pile up: beat drops those
whose form can no longer be sent (older than a session lives)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from gongkai.celery import app as celery_app
from gongkai.models import CreateFormToken
from gongkai.tasks import forget_create_form_tokens


def test_tokens_older_than_a_session_are_dropped_and_younger_ones_kept(db):
    now = timezone.now()
    session = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    for token, age in (("dead", session + timedelta(minutes=1)), ("live", session / 2)):
        CreateFormToken.objects.create(token=token)
        CreateFormToken.objects.filter(token=token).update(created_at=now - age)
    CreateFormToken.objects.create(token="just-saved")

    assert forget_create_form_tokens.delay().get() == 1
    assert set(CreateFormToken.objects.values_list("token", flat=True)) == {"live", "just-saved"}


def test_beat_runs_the_pruning_daily_or_more_often():
    (entry,) = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == forget_create_form_tokens.name
    ]
    assert entry["schedule"] <= 24 * 60 * 60
    assert forget_create_form_tokens.name in celery_app.tasks
