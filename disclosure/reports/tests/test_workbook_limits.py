"""A statutory workbook is small: a file that is large, or inflates far beyond its size, is
refused before openpyxl reads it whole (one such 1 MB file cost the web process 1.3 GB)."""

import zipfile

import pytest

from disclosure.reports.tests.factories import write
from disclosure.reports.workbook import xlsx


def with_member(path, name, data):
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return path


def test_a_real_workbook_reads(tmp_path):
    assert set(xlsx.read_workbook(write(tmp_path))) == {"table_a", "table_b", "table_c"}


def test_a_member_that_inflates_far_beyond_its_size_is_refused_unread(tmp_path):
    bomb = with_member(write(tmp_path), "xl/padding.xml", b" " * (64 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(xlsx.LayoutError, match="解压后过大"):
        xlsx.read(bomb)


def test_a_file_over_two_megabytes_is_refused_unread(tmp_path):
    path = write(tmp_path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/photo.bin", bytes(range(256)) * (9 * 1024))
    with pytest.raises(xlsx.LayoutError, match="超过 2 MB"):
        xlsx.read(path)


def test_an_uploaded_file_object_is_read_the_same_way(tmp_path):
    with write(tmp_path).open("rb") as file:
        assert "table_b" in xlsx.read_workbook(file)
