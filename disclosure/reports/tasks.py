from celery import shared_task
from wagtail.models import Page, Revision

from disclosure.reports.downloads.exports import BUILD_TASK, store


@shared_task(name=BUILD_TASK)
def build_export(revision_id, export_format):
    """Build one download of an annual report's revision (see ``downloads/exports.py``)."""
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None:  # the revision went away before the worker got to it
        return None
    if not Page.objects.filter(pk=revision.object_id, live_revision_id=revision.pk).exists():
        # Published over (or unpublished) before the worker got to it: building it now would
        # only drop the files of the revision that is live.
        return None
    return store(revision, export_format)
