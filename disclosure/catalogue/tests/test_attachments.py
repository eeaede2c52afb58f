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
