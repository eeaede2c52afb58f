"""OFD (GB/T 33190) text, from small files built here."""

import io
import zipfile
from dataclasses import replace

import pytest

from search import attachments, limits, ofd

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def page_xml(*lines):
    objects = "".join(
        f'<ofd:TextObject ID="{n}"><ofd:TextCode X="0" Y="{n}">{line}</ofd:TextCode>'
        "</ofd:TextObject>"
        for n, line in enumerate(lines, 1)
    )
    return f"<ofd:Page {NS}><ofd:Content><ofd:Layer>{objects}</ofd:Layer></ofd:Content></ofd:Page>"


def ofd_bytes(pages, extra=None):
    members = {
        "OFD.xml": f"<ofd:OFD {NS} Version='1.0'><ofd:DocBody>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f"<ofd:Document {NS}><ofd:Pages>"
        + "".join(
            f'<ofd:Page ID="{n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
        )
        + "</ofd:Pages></ofd:Document>",
        **{f"Doc_0/Pages/Page_{n}/Content.xml": page for n, page in enumerate(pages)},
        **(extra or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_text_codes_are_read_page_by_page_in_document_order():
    data = ofd_bytes([page_xml("关于公布", "低保标准的通知"), page_xml("友谊镇人民政府")])
    assert attachments.extract("通知.ofd", data) == "关于公布\n低保标准的通知\n友谊镇人民政府"


def test_a_zip_bomb_member_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, zip_member_bytes=1000))
    data = ofd_bytes([page_xml("公开" * 1000)])
    assert len(data) < 1000  # compresses well: only the inflated size shows the bomb
    with pytest.raises(limits.Refused) as refused:
        attachments.extract("炸弹.ofd", data)
    assert refused.value.code == "zip_member"  # the limit shared by every zip-based format


def test_entities_and_broken_files_are_refused():
    laughs = '<!DOCTYPE l [<!ENTITY a "哈哈">]><ofd:Page xmlns:ofd="x">&a;</ofd:Page>'
    with pytest.raises(ofd.OFDError):
        attachments.extract("x.ofd", ofd_bytes([laughs]))
    with pytest.raises(limits.Refused):
        attachments.extract("x.ofd", b"not a zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # names a document the file does not hold
        archive.writestr(
            "OFD.xml", f"<ofd:OFD {NS}><ofd:DocRoot>Doc_9/Document.xml</ofd:DocRoot></ofd:OFD>"
        )
    with pytest.raises(ofd.OFDError):
        attachments.extract("x.ofd", buffer.getvalue())
