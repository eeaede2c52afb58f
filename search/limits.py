"""Every limit on reading an attachment's text, in one place.

Attachments are uploaded by editors of many offices, and a file of a few megabytes can inflate
to gigabytes (a zip bomb) or hold a PDF that takes minutes to read. These bounds are checked by
the readers (`search.readers`, `search.safezip`, `search.ofd`) and, as a last line, by the child
process that runs them (`search.isolation`): an address-space ceiling and a wall clock. This
module imports nothing from Django, because the child runs without it.
"""

import dataclasses
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ExtractionLimits:
    # A larger upload is refused unread: bigger than any real notice, table or scan's text layer.
    file_bytes: int = 64 * MIB
    # Zip-based formats (DOCX, XLSX, OFD): a real DOCX has dozens of members, an OFD a few per page.
    zip_members: int = 10_000
    zip_member_bytes: int = 32 * MIB
    zip_total_bytes: int = 128 * MIB
    # Office XML compresses 5-30x, a repetitive sheet up to ~100x; deflate's ceiling is ~1032x.
    # Small members may exceed the ratio (a few bytes compress oddly), so it applies past a floor.
    zip_ratio: int = 250
    zip_ratio_floor_bytes: int = 1 * MIB
    # PDF: pages read, and seconds spent between pages.
    pdf_pages: int = 2_000
    pdf_seconds: float = 60.0
    # Plain text is stored as it is, cut like every other text.
    max_chars: int = 200_000
    # The child process that reads a file: address space and wall clock.
    child_memory_bytes: int = 1024 * MIB
    child_seconds: float = 120.0

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "ExtractionLimits":
        return cls(**data)


LIMITS = ExtractionLimits()


class Refused(ValueError):
    """A file whose text is not read; `code` names the reason (`search.extraction.REASONS`)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
