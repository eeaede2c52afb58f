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
