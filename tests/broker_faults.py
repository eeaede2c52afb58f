"""Make the embedded broker's queue folder unwritable, as an immutable folder (chattr +i) is."""

import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings


def queue_folder() -> Path:
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    return Path(options["data_folder_out"])


def _writable(folder: Path) -> bool:
    probe = folder / f".probe-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@contextmanager
def unwritable(folder: Path):
    """Nothing can be created in `folder` inside the block (root ignores modes: immutability
    is what the reported outage used). Skips the test where the filesystem cannot do it."""
    if not getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}).get("data_folder_out"):
        pytest.skip("the broker is not kombu's filesystem transport")
    result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if result.returncode != 0 or _writable(folder):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
        pytest.skip(f"cannot make {folder} immutable here: {result.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
