"""Hostile attachments: zip bombs (DOCX, XLSX, OFD share one bounded zip reader), huge or slow
PDFs, and the child process's memory ceiling and wall clock. Every refusal names its reason."""

import io
import os
import resource
import zipfile
from dataclasses import replace

import pytest

from search import readers
from search.isolation import extract_in_child
from search.limits import LIMITS, MIB, Refused
from search.safezip import BoundedZip
from tests.bombs import docx_bomb, docx_bytes

SMALL = replace(LIMITS, zip_member_bytes=4 * MIB, zip_total_bytes=8 * MIB)


@pytest.fixture(scope="module")
def gigabyte_bomb():
    """~1 MB of DOCX that inflates to 1 GB, as in the report."""
    return docx_bomb(1024 * MIB)


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def refusal(call):
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.code


def test_a_gigabyte_docx_bomb_is_refused_without_inflating_it(gigabyte_bomb):
    assert len(gigabyte_bomb) < 2 * MIB
    before = peak_rss_mib()
    assert refusal(lambda: readers.extract("通知.docx", gigabyte_bomb)) == "zip_member"
    assert peak_rss_mib() - before < 50


def members_zip(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_each_zip_limit_is_enforced_with_its_own_reason():
    few = replace(LIMITS, zip_members=3)
    assert refusal(lambda: BoundedZip(members_zip({str(n): b"x" for n in range(4)}), few)) == (
        "zip_members"
    )
    # Each member within its limit, together over the total.
    three = members_zip({str(n): os.urandom(3 * MIB) for n in range(3)})
    assert refusal(lambda: BoundedZip(three, SMALL)) == "zip_total"
    # Highly compressible past the floor: the ratio, before any size limit.
    spaces = members_zip({"sheet.xml": b" " * (3 * MIB)})
    assert refusal(lambda: BoundedZip(spaces, SMALL)) == "zip_ratio"
    assert refusal(lambda: BoundedZip(b"PK\x03\x04 truncated", SMALL)) == "not_a_zip"


def test_a_header_that_understates_a_size_does_not_lift_the_limit():
    """The limits hold on the bytes actually inflated, not only on what the headers say."""
    data = members_zip({"word/document.xml": os.urandom(2 * MIB)})
    lying = BoundedZip(data, SMALL)
    lying.infos[0].file_size = 10  # what a lying header would say: inflating stops there
    assert refusal(lying.verify) == "damaged"
    counted = BoundedZip(data, SMALL)
    counted.limits = replace(SMALL, zip_member_bytes=1 * MIB)  # past the header check
    assert refusal(counted.verify) == "zip_member"


def test_xlsx_and_ofd_go_through_the_same_limits():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["项目", "金额"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    tight = replace(LIMITS, zip_members=2)
    assert refusal(lambda: readers.extract("明细.xlsx", buffer.getvalue(), tight)) == "zip_members"
    ofd = members_zip({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<d/>", "x": "y"})
    assert refusal(lambda: readers.extract("通知.ofd", ofd, tight)) == "zip_members"


def pdf_of_pages(count):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_page_and_time_limits():
    pdf = pdf_of_pages(3)
    assert readers.extract("a.pdf", pdf) == "\n\n"
    assert refusal(lambda: readers.extract("a.pdf", pdf, replace(LIMITS, pdf_pages=2))) == (
        "pdf_pages"
    )
    assert refusal(lambda: readers.extract("a.pdf", pdf, replace(LIMITS, pdf_seconds=-1))) == (
        "pdf_seconds"
    )


def test_files_over_the_size_limit_are_not_opened():
    tiny = replace(LIMITS, file_bytes=10)
    assert refusal(lambda: readers.extract("a.txt", b"x" * 11, tiny)) == "file_bytes"
    assert refusal(lambda: extract_in_child("a.txt", b"x" * 11, tiny)) == "file_bytes"


def test_the_child_reads_normal_files_under_the_default_ceiling():
    assert extract_in_child("通知.docx", docx_bytes("低保标准的通知")) == "低保标准的通知"
    assert refusal(lambda: extract_in_child("坏.docx", b"PK\x03\x04 broken")) == "not_a_zip"


def test_the_memory_ceiling_stops_what_the_readers_let_through(gigabyte_bomb):
    """With the zip limits lifted, only the child's ceiling stands between the bomb and memory:
    the child fails, the caller's memory does not grow."""
    lifted = replace(
        LIMITS,
        zip_member_bytes=4096 * MIB,
        zip_total_bytes=4096 * MIB,
        zip_ratio=100_000,
        child_memory_bytes=400 * MIB,
    )
    before = peak_rss_mib()
    assert refusal(lambda: extract_in_child("通知.docx", gigabyte_bomb, lifted)) in {
        "memory",
        "crashed",
    }
    assert peak_rss_mib() - before < 50


def test_a_child_past_its_wall_clock_is_stopped():
    slow = replace(LIMITS, child_seconds=0.05)
    assert refusal(lambda: extract_in_child("a.pdf", pdf_of_pages(50), slow)) == "child_seconds"


def test_only_the_worker_side_calls_the_readers():
    """Attachment text is read only by the Celery task (search.tasks → search.extraction →
    search.isolation → the child): no other module of the project calls a reader."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readers_entry_points = {"extract", "extract_in_child", "extract_document", "READERS"}
    allowed = {
        "search/readers.py",
        "search/isolation.py",
        "search/extract_child.py",
        "search/extraction.py",
        "search/tasks.py",
        "search/attachments.py",  # re-exports for the tests; calls nothing
    }
    callers = set()
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "node_modules/")) or "/tests/" in f"/{relative}":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = set()
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("search"):
                names = {alias.name for alias in node.names}
            elif isinstance(node, ast.Attribute):
                names = {node.attr}
            if names & readers_entry_points and relative not in allowed:
                callers.add(relative)
    assert callers == set()
