import pytest


@pytest.fixture(autouse=True)
def export_files_in_tmp(settings, tmp_path):
    """Built downloads go to a fresh media folder: a file of an earlier run is never served."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
