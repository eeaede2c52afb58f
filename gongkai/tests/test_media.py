"""/media/ under `make run`: avatars are files anyone may fetch; nothing else is, documents,
original images, report downloads, nor a folder a new kind of upload adds. Image renditions
have their own view, which checks the image's pages
(disclosure/moderation/tests/test_rendition_access.py): a file under images/ that no rendition
records is not served."""

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
        ("avatar_images", "avatar_1_a.png"),
        ("new_kind_of_upload", "notes.txt"),
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
        "/media/new_kind_of_upload/notes.txt",
        "/media/images/../new_kind_of_upload/notes.txt",
        "/media/imagesX/../documents/draft.pdf",
        "/media/images",
        "/media/images/..",
        "/media/images/a.width-400.png",
    ],
)
def test_nothing_outside_the_public_folders_is_served_from_media(client, media, path):
    assert client.get(path).status_code == 404


def test_nothing_is_served_from_media_where_a_web_server_does_it(client, media, settings):
    settings.GONGKAI_SERVE_MEDIA = False
    assert client.get("/media/images/a.width-400.png").status_code == 404


def test_avatars_are_served(client, media):
    response = client.get("/media/avatar_images/avatar_1_a.png")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"png"


def test_nginx_serves_exactly_the_public_folders():
    """nginx serves from disk the folders gongkai/media.py names and no other part of /media/:
    the two rules are one."""
    import re
    from pathlib import Path

    from django.conf import settings

    from gongkai.media import PUBLIC_FOLDERS

    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "gongkai.conf").read_text()
    served = re.findall(r"location /media/(\S*) \{ alias /app/var/media/(\S*);", conf)
    assert served == [(folder, folder) for folder in PUBLIC_FOLDERS]
    assert re.findall(r"location /media/\S*", conf) == [
        f"location /media/{f}" for f in PUBLIC_FOLDERS
    ]


def test_nginx_sends_renditions_only_when_django_says_so():
    """/media/images/ goes to Django (no location of its own); the folder is reachable only
    through the internal location Django's X-Accel-Redirect names."""
    import re
    from pathlib import Path

    from django.conf import settings

    from disclosure.moderation.files.renditions import INTERNAL_MEDIA_URL

    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "gongkai.conf").read_text()
    internal = re.search(
        r"location (\S+) \{\s*internal;\s*alias /app/var/media/images/;\s*\}", conf
    )
    assert internal and internal.group(1) == f"{INTERNAL_MEDIA_URL}images/"
    assert "location /media/images" not in conf
