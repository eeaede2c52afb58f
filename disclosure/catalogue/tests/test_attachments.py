import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

pytestmark = pytest.mark.django_db


def upload_form(name, content=b"%PDF-1.4 test"):
    Form = get_document_form(get_document_model())
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return Form(data={"title": name}, files={"file": upload})


def test_allowed_attachment_is_accepted():
    assert upload_form("预算.pdf").is_valid()


def test_wrong_type_is_refused_in_chinese_and_nothing_stored():
    form = upload_form("脚本.exe")
    assert not form.is_valid()
    assert "不支持“exe”类型的附件" in form.errors["file"][0]
    assert get_document_model().objects.count() == 0


def test_oversized_attachment_is_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    form = upload_form("大文件.pdf", b"x" * 11)
    assert not form.is_valid()
    assert "上限" in form.errors["file"][0]  # Wagtail's own size check answers first


def test_the_admin_upload_refuses_a_wrong_type_and_stores_no_file(
    client, django_user_model, settings
):
    from pathlib import Path

    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    media = Path(settings.MEDIA_ROOT) / "documents"
    before = set(media.rglob("*")) if media.exists() else set()
    upload = SimpleUploadedFile("setup.exe", b"MZ binary", content_type="application/octet-stream")

    response = client.post("/admin/documents/add/", {"title": "安装程序", "file": upload})

    assert response.status_code == 200  # the form again, with the reason
    assert "不支持“exe”类型的附件" in response.content.decode()
    assert get_document_model().objects.count() == 0
    after = set(media.rglob("*")) if media.exists() else set()
    assert after == before


# --- The file's content must be of the format its name claims --------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
ZIP = b"PK\x03\x04" + b"\0" * 16


@pytest.mark.parametrize(
    "name, content",
    [
        ("预算.pdf", b"%PDF-1.7\n"),
        ("公文.ofd", ZIP),
        ("表格.xlsx", ZIP),
        ("通知.docx", ZIP),
        ("老表格.xls", OLE),
        ("老通知.doc", OLE),
        ("金山.wps", OLE),
        ("金山表格.et", OLE),
        ("打包.zip", ZIP),
        ("照片.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 16),
        ("截图.png", PNG),
    ],
)
def test_a_file_whose_content_matches_its_extension_is_accepted(name, content):
    form = upload_form(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "name, content",
    [
        ("fake.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("fake.docx", b"%PDF-1.4"),
        ("fake.xls", ZIP),
        ("fake.png", b"\xff\xd8\xff\xe0"),
        ("fake.zip", b"MZ"),
    ],
)
def test_a_file_whose_content_is_another_format_is_refused(name, content):
    form = upload_form(name, content)
    assert not form.is_valid()
    assert form.errors["file"] == [form.errors["file"][0]]  # one message
    assert form.errors["file"][0].startswith("文件内容与扩展名不符：")
    assert name in form.errors["file"][0]


def test_every_allowed_extension_has_a_content_check(settings):
    from disclosure.catalogue.file_contents import FORMATS

    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(FORMATS)


@pytest.mark.parametrize("content", [b"a,b\n1,2\n", "名称,数量\n".encode("gb18030")])
def test_plain_text_is_text_without_nuls(content):
    from django.core.exceptions import ValidationError

    from disclosure.catalogue.file_contents import check_content

    check_content(SimpleUploadedFile("表.csv", content))
    with pytest.raises(ValidationError):
        check_content(SimpleUploadedFile("表.csv", b"MZ\x00\x00binary"))


def test_a_wrong_type_gets_one_clear_message():
    form = upload_form("virus.exe", b"MZ\x90\x00")
    assert not form.is_valid()
    assert form.errors["file"] == [
        "不支持“exe”类型的附件。允许的类型："
        + "、".join(["pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "zip", "jpg", "png"])
        + "。"
    ]


def test_the_multiple_upload_refuses_an_exe_renamed_to_pdf(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    upload = SimpleUploadedFile("fake.pdf", b"MZ\x90\x00binary", content_type="application/pdf")

    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    body = response.json()
    assert body["success"] is False
    assert "文件内容与扩展名不符" in body["error_message"]
    assert get_document_model().objects.count() == 0
