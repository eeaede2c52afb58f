"""Celery tasks of the inspection, run by beat (settings CELERY_BEAT_SCHEDULE) and, for the
refresh, queued through the outbox (snapshots.request_refresh)."""

from celery import shared_task

from . import digest, link_checks, snapshots


@shared_task(name="inspection.check_external_links", soft_time_limit=30 * 60, time_limit=35 * 60)
def check_external_links():
    return link_checks.check_external_links()


@shared_task(name="inspection.send_weekly_digests")
def send_weekly_digests():
    return digest.send_weekly_digests()


@shared_task(name=snapshots.REFRESH_TASK, soft_time_limit=20 * 60, time_limit=25 * 60)
def refresh_inspections(organisation_id=None):
    return snapshots.refresh_inspections(organisation_id)
