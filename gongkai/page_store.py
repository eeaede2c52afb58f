"""The page cache's store on disk: Django's file cache, its entries not compressed.

Every hit reads the page (10 kB for an item page) and the tokens it was stored under. Django's
file cache keeps each entry zlib-compressed, and decompressing the page took 19 µs of a 105 µs
hit in process; the pages take about three times the room on disk instead (some 200 MB at the
default 20,000 entries). An entry written compressed (by Django's file cache, before this store)
still reads: a pickle starts with its protocol mark, a zlib stream never does.
"""

import pickle
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

PICKLE_MARK = pickle.PROTO[0]


def _loaded(data: bytes):
    return pickle.loads(data if data[:1] == bytes([PICKLE_MARK]) else zlib.decompress(data))


class PageFileCache(FileBasedCache):
    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as entry:
                if not self._is_expired(entry):
                    return _loaded(entry.read())
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as entry:
                try:
                    locks.lock(entry, locks.LOCK_EX)
                    if self._is_expired(entry):
                        return False
                    value = _loaded(entry.read())
                    entry.seek(0)
                    entry.truncate()
                    self._write_content(entry, timeout, value)
                    return True
                finally:
                    locks.unlock(entry)
        except FileNotFoundError:
            return False
