"""`manage.py restore` run by a script: no terminal to answer its question."""

import os
import subprocess
import sys

from django.conf import settings


def test_restore_without_a_terminal_names_the_option_instead_of_a_traceback(tmp_path):
    """Cron and scripts have no stdin to answer the question: input() used to end in EOFError."""
    archive = tmp_path / "gongkai-backup.tar.gz"
    archive.write_bytes(b"never read: the command stops before it")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings.test"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "--yes" in result.stderr
    assert "Traceback" not in result.stderr
    assert archive.read_bytes().startswith(b"never read")
