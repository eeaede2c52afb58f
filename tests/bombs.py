"""Hostile attachments built in the test: zip bombs in the shape of a real DOCX."""

import io
import zipfile

import docx

MIB = 1024 * 1024


def docx_bytes(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_bomb(inflated_bytes=1024 * MIB, text="炸弹"):
    """A valid DOCX whose word/document.xml inflates to `inflated_bytes` (spaces inside a
    paragraph): ~1 MB on disk for 1 GB inflated. Written in chunks, so building it is cheap."""
    template = zipfile.ZipFile(io.BytesIO(docx_bytes(text)))
    document_xml = template.read("word/document.xml")
    head, tail = document_xml.split(text.encode(), 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, template.read(info.filename))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head + text.encode())
            chunk = b" " * MIB
            written = 0
            while written < inflated_bytes:
                member.write(chunk)
                written += len(chunk)
            member.write(tail)
    return buffer.getvalue()
