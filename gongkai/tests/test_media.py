"""/media/ under `make run`: renditions are files anyone may fetch, documents never are."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GONGKAI_SERVE_MEDIA = True
    for folder, name in [
        ("documents", "draft.pdf"),
        ("original_images", "a.png"),
        ("images", "a.width-400.png"),
        ("reports/exports/7", "12-1700000000.xlsx"),
    ]:
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / name).write_bytes(
            b"%PDF-1.4 secret" if folder == "documents" else b"png"
        )
    return tmp_path


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/draft.pdf",
        "/media/original_images/a.png",
        "/media/images/../documents/draft.pdf",
        "/media/./documents/draft.pdf",
        "/media//documents/draft.pdf",
        "/media/images/%2e%2e/documents/draft.pdf",
        "/media/reports/exports/7/12-1700000000.xlsx",
        "/media/reports/./exports/7/12-1700000000.xlsx",
    ],
)
def test_documents_and_original_images_are_never_served_from_media(client, media, path):
    assert client.get(path).status_code == 404


def test_image_renditions_are_served(client, media):
    response = client.get("/media/images/a.width-400.png")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"png"


def test_nothing_is_served_from_media_where_a_web_server_does_it(client, media, settings):
    settings.GONGKAI_SERVE_MEDIA = False
    assert client.get("/media/images/a.width-400.png").status_code == 404


def test_nginx_never_serves_a_folder_django_keeps_private():
    """Each folder gongkai/media.py refuses is `internal` in nginx too: the two rules are one."""
    from pathlib import Path

    from django.conf import settings

    from gongkai.media import PRIVATE_FOLDERS

    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "gongkai.conf").read_text()
    for folder in PRIVATE_FOLDERS:
        assert f"location /media/{folder} {{ internal; }}" in conf, folder
