"""Reading an attachment in a child process with a memory ceiling and a wall clock.

The readers hold their own limits (`search.limits`); the child is the guard for what they miss
(a library that allocates without asking, a PDF page that never ends). The child sets RLIMIT_AS
on itself before it reads anything (not in a preexec_fn, which is unsafe in the worker's
threads), so an allocation past the ceiling fails inside the child (MemoryError, or the child
dies) and never grows the Celery worker; a child past its wall clock is killed.

A fresh interpreter (not a multiprocessing fork): a Celery prefork worker is a daemon process,
which may not have multiprocessing children, and a fork would share the worker's memory map
and its Django state.
"""

import json
import signal
import subprocess
import sys
from pathlib import Path

from search import limits as bounds
from search.limits import ExtractionLimits, Refused

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def extract_in_child(file_name: str, data: bytes, limits: ExtractionLimits | None = None) -> str:
    """The text of a file, read by `python -m search.extract_child`; raises `Refused`."""
    limits = limits or bounds.LIMITS
    if len(data) > limits.file_bytes:
        raise Refused("file_bytes", str(len(data)))
    try:
        finished = subprocess.run(
            [
                sys.executable,
                "-m",
                "search.extract_child",
                file_name,
                json.dumps(limits.to_json()),
            ],
            input=data,
            capture_output=True,
            cwd=PROJECT_ROOT,
            timeout=limits.child_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise Refused("child_seconds", str(limits.child_seconds)) from None
    if finished.returncode != 0:
        if finished.returncode < 0:
            detail = signal.Signals(-finished.returncode).name
        else:
            detail = finished.stderr.decode(errors="replace")[-200:]
        raise Refused("memory" if b"MemoryError" in finished.stderr else "crashed", detail)
    try:
        answer = json.loads(finished.stdout)
    except ValueError:
        raise Refused("crashed", finished.stdout[:200].decode(errors="replace")) from None
    if "refused" in answer:
        raise Refused(answer["refused"]["code"], answer["refused"]["detail"])
    return answer["text"]
