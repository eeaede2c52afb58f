"""The one reader of zip-based attachments (DOCX, XLSX, OFD), with limits that hold against a
zip bomb: member count, each member's and the whole archive's inflated size, and the ratio of
inflated to compressed size.

Sizes in the zip headers are checked first (a bomb usually declares them and is refused before
anything is inflated); then members are inflated in bounded chunks and the real byte counts are
checked as they grow, because headers can lie. Nothing is ever read whole without a bound.
"""

import io
import zipfile
import zlib

from search import limits as bounds
from search.limits import ExtractionLimits, Refused

CHUNK_BYTES = 64 * 1024


class BoundedZip:
    def __init__(self, data: bytes, limits: ExtractionLimits | None = None):
        self.limits = limits or bounds.LIMITS
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise Refused("not_a_zip", str(exc)) from exc
        if len(self.infos) > self.limits.zip_members:
            raise Refused("zip_members", str(len(self.infos)))
        for info in self.infos:
            self._check_member(info, info.file_size)
        declared = sum(info.file_size for info in self.infos)
        if declared > self.limits.zip_total_bytes:
            raise Refused("zip_total", str(declared))
        self.inflated_bytes = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.archive.close()

    def namelist(self) -> list[str]:
        return [info.filename for info in self.infos]

    def _check_member(self, info: zipfile.ZipInfo, size: int):
        if size > self.limits.zip_member_bytes:
            raise Refused("zip_member", f"{info.filename} {size}")
        ratio_limit = self.limits.zip_ratio * max(info.compress_size, 1)
        if size > self.limits.zip_ratio_floor_bytes and size > ratio_limit:
            raise Refused("zip_ratio", f"{info.filename} {size}/{info.compress_size}")

    def _chunks(self, info: zipfile.ZipInfo):
        size = 0
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(CHUNK_BYTES):
                    size += len(chunk)
                    self.inflated_bytes += len(chunk)
                    self._check_member(info, size)
                    if self.inflated_bytes > self.limits.zip_total_bytes:
                        raise Refused("zip_total", str(self.inflated_bytes))
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression;
            # zlib.error: deflated data damaged before the CRC could be checked.
            raise Refused("damaged", f"{info.filename}: {exc}") from exc

    def read(self, name: str) -> bytes:
        """One member's bytes, inflated under the limits (they count toward the archive's total)."""
        return b"".join(self._chunks(self.archive.getinfo(name)))

    def verify(self):
        """Inflate every member under the limits, keeping nothing: after this, a library that
        reads the archive whole reads at most `zip_total_bytes`."""
        for info in self.infos:
            for _chunk in self._chunks(info):
                pass
