"""Where applicants' ID proofs live: a private directory the web server never serves."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    # base_url=None: such a file has no public URL; staff download it through a logged view.
    return FileSystemStorage(location=settings.GONGKAI_PRIVATE_MEDIA_ROOT, base_url=None)
