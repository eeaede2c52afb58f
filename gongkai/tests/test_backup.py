"""backup → damage → restore gives back pages, revisions, documents and images, byte for byte."""

import hashlib
import io
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from disclosure.catalogue.models import CategoryPage
from gongkai.backup import BackupError, create_archive, restore_archive

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (179, 19, 27)).save(buffer, "PNG")
    return buffer.getvalue()


def sha(field_file):
    with field_file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture
def content(media_root):
    home = Page.objects.get(depth=2)
    page = CategoryPage(title="垃圾分类", slug="waste", intro="<p>第一版</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.intro = "<p>第二版</p>"
    page.save_revision()
    document = Document.objects.create(
        title="友谊镇2022年部门预算", file=ContentFile("预算表".encode() * 100, name="budget.pdf")
    )
    image = Image.objects.create(
        title="便民服务中心", file=ContentFile(png_bytes(), name="centre.png")
    )
    return page, document, image


def snapshot(page, document, image):
    return {
        "revisions": list(
            Revision.page_revisions.filter(object_id=str(page.pk))
            .order_by("pk")
            .values_list("pk", "content")
        ),
        "title": Page.objects.get(pk=page.pk).title,
        "document": sha(Document.objects.get(pk=document.pk).file),
        "image": sha(Image.objects.get(pk=image.pk).file),
    }


def test_round_trip_restores_everything_byte_identical(content, tmp_path):
    page, document, image = content
    before = snapshot(page, document, image)
    archive = create_archive(tmp_path / "backups")
    assert archive.name.startswith("gongkai-backup-") and archive.name.endswith(".tar.gz")

    # Lose things: a deleted page, deleted files, an edited title.
    Page.objects.get(pk=page.pk).delete()
    Document.objects.get(pk=document.pk).file.delete()
    Image.objects.get(pk=image.pk).delete()
    Page.objects.filter(depth=2).update(title="被改动的首页")

    restore_archive(archive)

    assert snapshot(page, document, image) == before
    assert Page.objects.get(depth=2).title != "被改动的首页"


def test_damaged_archive_is_refused_before_anything_changes(content, tmp_path):
    page = content[0]
    archive = create_archive(tmp_path / "backups")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/documents/"):
                data = data + b"tampered"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    Page.objects.filter(pk=page.pk).update(title="恢复前的标题")

    with pytest.raises(BackupError, match="校验失败"):
        restore_archive(damaged)
    assert Page.objects.get(pk=page.pk).title == "恢复前的标题"


def test_commands_wrap_the_functions(content, tmp_path, capsys):
    call_command("backup", output=str(tmp_path / "out"))
    archive = next((tmp_path / "out").glob("gongkai-backup-*.tar.gz"))
    assert "备份完成" in capsys.readouterr().out
    call_command("restore", str(archive), yes=True)
    assert "已恢复" in capsys.readouterr().out
    with pytest.raises(CommandError, match="无法读取备份文件"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), yes=True)
