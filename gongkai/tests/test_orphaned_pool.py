"""A pool process forked just before its worker was killed exits instead of waiting for good.

Real processes: the test forks a "worker" that sends Celery's `worker_init` and forks its pool
process, as a prefork worker does; the pool process sends `worker_process_init`, as Celery's
`process_initializer` does once the kernel's death signal is armed, and reports over a pipe
whether it went on.
"""

import os
import select
import time

from celery.signals import worker_init, worker_process_init

WAIT = 20


def _pool_process(report, worker_dies_first):
    """Run in the forked worker: fork the pool process, then die at once or wait for it."""
    worker = os.getpid()
    worker_init.send(sender=None)
    child = os.fork()
    if child == 0:
        try:
            deadline = time.monotonic() + WAIT
            while worker_dies_first and os.getppid() == worker and time.monotonic() < deadline:
                time.sleep(0.01)  # until the kernel has re-parented us
            worker_process_init.send(sender="worker@test")
            os.write(report, b"went on")
        finally:
            os._exit(0)
    if not worker_dies_first:
        os.waitpid(child, 0)
        worker_process_init.send(sender="worker@test")  # `--pool solo`: the worker itself
        os.write(report, b" and the worker too")


def _what_the_pool_process_said(worker_dies_first):
    read, write = os.pipe()
    worker = os.fork()
    if worker == 0:
        try:
            os.close(read)
            _pool_process(write, worker_dies_first)
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(worker, 0)
    said = b""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([read], [], [], deadline - time.monotonic())
        chunk = os.read(read, 100) if ready else b""
        if not chunk:  # every writer gone: the worker and its pool process have exited
            break
        said += chunk
    os.close(read)
    return said.decode()


def test_a_pool_process_whose_worker_died_before_it_started_exits():
    assert _what_the_pool_process_said(worker_dies_first=True) == ""


def test_a_pool_process_whose_worker_lives_goes_on_and_so_does_a_solo_worker():
    said = _what_the_pool_process_said(worker_dies_first=False)
    assert said == "went on and the worker too"
