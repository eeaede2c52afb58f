"""A Celery pool process outlives its worker only if the worker died in the moment after the fork.

Celery's `process_initializer` asks the kernel to SIGKILL each pool process when its worker
dies (PR_SET_PDEATHSIG), but only once the child runs it. If the OOM killer's SIGKILL takes the
worker between the fork and that call (the pool forks while a restarted worker is still coming
up), the child is re-parented and waits for tasks that never come, holding its memory and its
database connection for good. `worker_process_init` is sent after the death signal is armed,
so a child that finds another parent there has lost its worker and exits; a worker that dies
later is covered by the kernel.
"""

import logging
import os

logger = logging.getLogger(__name__)

_worker_pid = None


def remember_the_worker(**kwargs):
    """`worker_init`: sent in the worker's main process, before its pool forks."""
    global _worker_pid
    _worker_pid = os.getpid()


def leave_if_orphaned(**kwargs):
    """`worker_process_init`: sent in each pool process (in the worker itself for `--pool solo`)."""
    if _worker_pid is None or os.getpid() == _worker_pid:
        return
    if os.getppid() != _worker_pid:
        logger.warning(
            "工作进程 %s 在子进程启动前已退出，子进程 %s 随之退出", _worker_pid, os.getpid()
        )
        logging.shutdown()
        os._exit(1)
