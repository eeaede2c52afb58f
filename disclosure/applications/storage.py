"""Where applicants' ID proofs live: a private directory the web server never serves."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files with no public URL, under settings.GONGKAI_PRIVATE_MEDIA_ROOT (read on each use)."""

    @property
    def base_location(self):
        return settings.GONGKAI_PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("ID proofs have no public URL; staff download them through the admin.")


def private_storage():
    return PrivateStorage()
