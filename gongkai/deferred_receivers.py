"""A signal receiver's work done once for many changes instead of once for each.

An import publishes hundreds of pages in one transaction; a receiver that works out, page by
page, what each publication changed (the page cache's tokens, the inspection's stale results)
would query for every page what one pass over them all answers. Code that changes many objects
at once says so with `many_changes()`; inside it a receiver made a `DeferredReceiver` hands its
object to `defer()` and returns, and when the block ends each receiver's `flush` gets the
objects it was handed, inside the same transaction, so what flush leaves to the commit
(on_commit) still waits for it. Outside the block receivers work as they always do.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_gathering = ContextVar("deferred-receivers", default=None)


class DeferredReceiver:
    def __init__(self, flush):
        self.flush = flush

    def defer(self, item):
        """True inside `many_changes()`: `item` waits for the block's end."""
        gathering = _gathering.get()
        if gathering is None:
            return False
        gathering.setdefault(self, []).append(item)
        return True


@contextmanager
def many_changes():
    if _gathering.get() is not None:  # nested: the outer block flushes
        yield
        return
    token = _gathering.set({})
    try:
        yield
    finally:
        # Flushed on an error too: what changed before it may still commit.
        gathered = _gathering.get()
        _gathering.reset(token)
        for receiver, items in gathered.items():
            receiver.flush(items)
