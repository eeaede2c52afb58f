"""The page cache's store on disk: Django's file cache, its entries not compressed.

Every hit reads the page (10 kB for an item page) and the tokens it was stored under. Django's
file cache keeps each entry zlib-compressed, and decompressing the page took 19 µs of a 105 µs
hit in process; the pages take about three times the room on disk instead (some 200 MB at the
default 20,000 entries). Its files have a suffix of their own: Django's file cache (a release
before this store, after a rollback) never reads them, which would fail on every request
(zlib.error) while the tokens last, and this store never reads Django's; those expire with
PAGE_CACHE_SECONDS and may be deleted.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class PageFileCache(FileBasedCache):
    cache_suffix = ".page"

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as entry:
                if not self._is_expired(entry):
                    return pickle.loads(entry.read())
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
                    value = pickle.loads(entry.read())
                    entry.seek(0)
                    entry.truncate()
                    self._write_content(entry, timeout, value)
                    return True
                finally:
                    locks.unlock(entry)
        except FileNotFoundError:
            return False
