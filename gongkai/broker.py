"""The embedded broker: kombu's filesystem transport, with whole messages only.

kombu writes a message straight into the queue folder under its final name (`…<queue>.msg`) and
reads whatever that folder lists; its lock is advisory and the reader never takes it. A worker
polling while the web process was still writing read half a message, and the worker died with
`JSONDecodeError` (issue 17, faults). Three changes, through the transport class Celery is given
(CELERY_BROKER_TRANSPORT in settings), kombu untouched:

- a message is written under a name the reader does not take (`.…msg.part`) and renamed into
  place when complete: a rename within one folder is atomic, so a listed message is whole;
- a reader claims a message by renaming it, in its folder, to a name of its own (kombu moves it
  by its bare name into the shared temporary folder, where a file of the same name made the move
  fail and the message stay unread). A worker killed between the claim and the read left
  the claimed file (a hidden `.…taken` file in the queue folder) behind, as kombu's own reader
  loses a message moved to the temporary folder: a claim older than a minute (a reader reads
  within microseconds of claiming) is renamed back and delivered, so the message runs late
  rather than never;
- a message that is not valid JSON anyway (a truncated file left by a crash, or written by
  something else) is moved to the quarantine folder with an error in the log, and the worker
  goes on with the next message instead of dying.

And one change of order: kombu's virtual transports poll a worker's queues in turn (FairCycle),
so a report's download waited behind every other message of the default queue. This channel
always polls them in the worker's order (settings.celery_queues: the interactive queue first),
so work someone is waiting for goes ahead of bulk work.
"""

import contextlib
import logging
import os
import shutil
import time
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads
from kombu.utils.objects import cached_property
from kombu.utils.scheduling import FairCycle

logger = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".part"
CLAIMED_SUFFIX = ".taken"
STALE_CLAIM_SECONDS = 60


class InOrder(FairCycle):
    """The first of the resources, in their order, that has something."""

    def get(self, callback, **kwargs):
        for resource in list(self.resources):
            try:
                return self.fun(resource, callback, **kwargs)
            except self.predicate:
                continue
        raise self.predicate()


class Channel(filesystem.Channel):
    def _reset_cycle(self):
        self._cycle = InOrder(self._get_and_deliver, self._active_queues, filesystem.Empty)

    @cached_property
    def quarantine_folder(self):
        folder = self.transport_options.get("quarantine_folder") or os.path.join(
            os.path.dirname(os.path.abspath(self.data_folder_in)), "quarantine"
        )
        os.makedirs(folder, exist_ok=True)
        return folder

    def _put(self, queue, payload, **kwargs):
        # Padded: the reader takes names in sorted order, and 9999_… sorts after 10000_….
        name = f"{round(monotonic() * 1000):015d}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        # A leading dot: kombu's reader compares what follows the first dot with "<queue>.msg".
        partial = os.path.join(self.data_folder_out, f".{name}{PARTIAL_SUFFIX}")
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.remove(partial)
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc

    @cached_property
    def stale_claim_seconds(self):
        return self.transport_options.get("stale_claim_seconds", STALE_CLAIM_SECONDS)

    def _get(self, queue):
        wanted = f"{queue}.msg"
        for name in sorted(os.listdir(self.data_folder_in)):
            if name.endswith(CLAIMED_SUFFIX):
                name = self._unclaim_if_stale(name) or ""
            if name.partition(".")[2] != wanted:
                continue
            claimed = self._claim(name)
            if claimed is None:
                continue  # another worker took it first
            try:
                with open(claimed, "rb") as file:
                    payload = file.read()
                if self.store_processed:
                    shutil.move(claimed, os.path.join(self.processed_folder, name))
                else:
                    os.remove(claimed)
            except OSError as exc:
                raise ChannelError(f"Cannot read file {claimed!r} from queue.") from exc
            try:
                return loads(bytes_to_str(payload))
            except ValueError:
                self._quarantine(name, payload)
        raise filesystem.Empty()

    def _claim(self, name):
        """Rename the message, in its folder, to a name only this reader knows: where it is now,
        or None if another reader renamed it first or the folder cannot be written.

        A rename within one folder is atomic and succeeds for one reader only. kombu moves the
        file by its bare name into the shared temporary folder instead, and a file of that name
        already there (left by a crash, or another reader's) made the move fail, so the message
        stayed behind unread."""
        claimed = os.path.join(self.data_folder_in, f".{name}.{uuid.uuid4()}{CLAIMED_SUFFIX}")
        try:
            os.rename(os.path.join(self.data_folder_in, name), claimed)
        except OSError:
            # Gone (another reader), or the folder cannot be written for now: left where it is,
            # read once the folder is writable again.
            return None
        return claimed

    def _unclaim_if_stale(self, claimed_name):
        """The message's own name again if its claim is stale (its reader died before reading
        it), else None. The rename's time is the claim's: a rename changes a file's ctime."""
        claimed = os.path.join(self.data_folder_in, claimed_name)
        name = claimed_name.removeprefix(".").removesuffix(CLAIMED_SUFFIX).rpartition(".")[0]
        try:
            if time.time() - os.stat(claimed).st_ctime < self.stale_claim_seconds:
                return None
            os.rename(claimed, os.path.join(self.data_folder_in, name))
        except OSError:
            return None  # read after all, or another reader put it back first
        logger.warning("后台任务队列中的消息 %s 被中断的进程认领后未读取，已重新排队。", name)
        return name

    def _quarantine(self, name, payload):
        kept = os.path.join(self.quarantine_folder, name)
        with open(kept, "wb") as file:
            file.write(payload)
        logger.error(
            "后台任务队列中的消息无法解析（%d 字节，可能被截断），已移到隔离目录 %s，未执行。",
            len(payload),
            kept,
        )


class Transport(filesystem.Transport):
    Channel = Channel
    # The filesystem transport's state (exchanges and bindings) is shared by its connections.
    global_state = filesystem.Transport.global_state
