"""Text of OFD files (GB/T 33190-2016), read with the standard library.

An OFD file is a zip of XML: `OFD.xml` names each document's root (`DocBody/DocRoot`), whose
`Document.xml` lists the pages in order (`Pages/Page@BaseLoc`), and each page's content holds
its text in `ofd:TextCode` elements inside `ofd:TextObject`s. No maintained Python library reads
just that (the PyPI packages found convert OFD to PDF or images and bring a rendering stack), so
this is a small reader, guarded against hostile files: the zip is read through
`search.safezip.BoundedZip` (the limits of every zip-based format), and XML with a DTD is refused
(OFD never has one; no entity can expand or reach outside the file).
"""

import posixpath
from xml.etree import ElementTree

from search.limits import ExtractionLimits, Refused
from search.safezip import BoundedZip


class OFDError(Refused):
    """The file is not an OFD this reader accepts."""

    def __init__(self, detail: str):
        super().__init__("damaged", detail)


class _Package:
    def __init__(self, archive: BoundedZip):
        self.archive = archive
        self.names = {name.lstrip("/"): name for name in archive.namelist()}

    def xml(self, path: str) -> ElementTree.Element:
        name = self.names.get(posixpath.normpath(path.lstrip("/")))
        if name is None:
            raise OFDError(f"missing member {path}")
        data = self.archive.read(name)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise OFDError("XML with a DTD")
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise OFDError(f"{path}: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return (child for child in element.iter() if _local(child.tag) == name)


def _resolve(base_dir: str, location: str) -> str:
    location = location.strip()
    return location if location.startswith("/") else posixpath.join(base_dir, location)


def _page_text(page: ElementTree.Element) -> str:
    lines = []
    for text_object in _children(page, "TextObject"):
        line = "".join(code.text or "" for code in _children(text_object, "TextCode"))
        if line:
            lines.append(line)
    return "\n".join(lines)


def ofd_text(data: bytes, limits: ExtractionLimits | None = None) -> str:
    """The text of every page of every document in an OFD file, in order."""
    with BoundedZip(data, limits) as archive:
        package = _Package(archive)
        pages = []
        for doc_root in _children(package.xml("OFD.xml"), "DocRoot"):
            document_path = _resolve("", doc_root.text or "")
            document = package.xml(document_path)
            base_dir = posixpath.dirname(document_path.lstrip("/"))
            for page in _children(document, "Page"):
                location = page.get("BaseLoc")
                if location:
                    pages.append(_page_text(package.xml(_resolve(base_dir, location))))
        return "\n".join(text for text in pages if text)
