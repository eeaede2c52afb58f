"""One dated archive holding a consistent copy of the database and every media file.

An archive (``gongkai-backup-YYYYmmdd-HHMMSS.tar.gz``) contains:
- ``manifest.json``: when, which database engine, and the SHA-256 of every file below;
- ``database.sqlite3`` (SQLite's online backup API: consistent while the site runs) or
  ``database.pgdump`` (``pg_dump --format=custom``: one snapshot transaction);
- ``media/…``: the uploaded documents and images as they are on disk.
``restore_archive`` checks every hash before it touches anything, then replaces the database
and the media folder.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _database():
    connection = connections["default"]
    return connection.vendor, connection.settings_dict


def _pg_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db):
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _dump_database(folder):
    vendor, db = _database()
    if vendor == "sqlite":
        target = folder / "database.sqlite3"
        source = sqlite3.connect(db["NAME"])
        try:
            with sqlite3.connect(target) as destination:
                source.backup(destination)
        finally:
            source.close()
        return target
    if vendor == "postgresql":
        target = folder / "database.pgdump"
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                *_pg_args(db),
                db["NAME"],
            ],
            check=True,
            env=_pg_env(db),
            capture_output=True,
        )
        return target
    raise BackupError(f"不支持的数据库类型：{vendor}")


def create_archive(output_dir, progress=None):
    """Write a backup archive into `output_dir` and return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"gongkai-backup-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        database = _dump_database(tmp)
        media_files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now().isoformat(timespec="seconds"),
            "database": {
                "vendor": _database()[0],
                "file": database.name,
                "sha256": _sha256(database),
            },
            "media": {str(p.relative_to(media_root)): _sha256(p) for p in media_files},
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(tmp / MANIFEST, arcname=MANIFEST)
            tar.add(database, arcname=database.name)
            for index, path in enumerate(media_files, 1):
                tar.add(path, arcname=f"media/{path.relative_to(media_root)}")
                if progress:
                    progress(index, len(media_files))
    return archive


def _safe_members(tar):
    for member in tar.getmembers():
        if (
            member.name.startswith("/")
            or ".." in Path(member.name).parts
            or not (member.isfile() or member.isdir())
        ):
            raise BackupError(f"备份文件包含不安全的路径：{member.name}")
    return tar.getmembers()


def read_archive(archive, into):
    """Unpack `archive` into `into`, check every hash, return the manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, members=_safe_members(tar), filter="data")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"无法读取备份文件 {archive}：{exc}") from exc
    into = Path(into)
    try:
        manifest = json.loads((into / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError("备份文件缺少有效的 manifest.json") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"不支持的备份格式：{manifest.get('format')}")
    database = into / manifest["database"]["file"]
    if _sha256(database) != manifest["database"]["sha256"]:
        raise BackupError("数据库文件校验失败：备份已损坏")
    for name, digest in manifest["media"].items():
        if _sha256(into / "media" / name) != digest:
            raise BackupError(f"媒体文件校验失败：{name}")
    return manifest


def _restore_database(manifest, folder):
    vendor, db = _database()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(f"备份来自 {manifest['database']['vendor']}，当前数据库是 {vendor}")
    dump = folder / manifest["database"]["file"]
    connections.close_all()
    if vendor == "sqlite":
        with sqlite3.connect(dump) as source, sqlite3.connect(db["NAME"]) as destination:
            source.backup(destination)
        return
    subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            db["NAME"],
            *_pg_args(db),
            str(dump),
        ],
        check=True,
        env=_pg_env(db),
        capture_output=True,
    )


def restore_archive(archive):
    """Replace the database and the media folder with the archive's contents."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        manifest = read_archive(archive, tmp)
        _restore_database(manifest, tmp)
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists():
            shutil.rmtree(media_root)
        if (tmp / "media").exists():
            shutil.copytree(tmp / "media", media_root)
        else:
            media_root.mkdir(parents=True)
    return manifest
