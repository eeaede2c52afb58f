"""The embedded broker never hands the worker half a message (issue 17, faults: the worker died
with JSONDecodeError reading a message file of kombu's filesystem transport).

Real folders, real files, the transport class the settings give Celery."""

import json
import logging
import os
import tempfile
from contextlib import contextmanager
from queue import Empty

import pytest
from django.conf import settings
from kombu import Connection

from gongkai.broker import Transport
from tests.broker_faults import unwritable

QUEUE = "celery-broker-test"


@pytest.fixture
def folders(tmp_path):
    for name in ("queue", "control", "quarantine"):
        (tmp_path / name).mkdir()
    return tmp_path


@contextmanager
def opened_channel(folders, **options):
    options = {
        "data_folder_in": str(folders / "queue"),
        "data_folder_out": str(folders / "queue"),
        "control_folder": str(folders / "control"),
        "quarantine_folder": str(folders / "quarantine"),
        "store_processed": False,
        **options,
    }
    with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
        yield conn.default_channel


@pytest.fixture
def channel(folders):
    with opened_channel(folders) as channel:
        yield channel


def test_the_settings_give_celery_this_transport():
    if not settings.CELERY_BROKER_URL.startswith("filesystem"):
        pytest.skip("the broker is not the embedded one")
    assert settings.CELERY_BROKER_TRANSPORT == "gongkai.broker:Transport"
    from gongkai.celery import app

    with app.connection_for_write() as connection:
        assert isinstance(connection.transport, Transport)


def test_a_truncated_message_is_quarantined_and_the_next_one_delivered(channel, folders, caplog):
    whole = json.dumps({"body": "第一条", "headers": {}})
    # Left by a writer that died half-way (kombu writes under the final name).
    truncated = folders / "queue" / f"{0:015d}_0000.{QUEUE}.msg"
    truncated.write_bytes(whole[: len(whole) // 2].encode())
    channel._put(QUEUE, {"body": "第二条", "headers": {}})

    with caplog.at_level(logging.ERROR, logger="gongkai.broker"):
        message = channel._get(QUEUE)

    assert message["body"] == "第二条"
    assert not truncated.exists()
    kept = folders / "quarantine" / truncated.name
    assert kept.read_bytes() == whole[: len(whole) // 2].encode()
    assert any(str(kept) in record.getMessage() for record in caplog.records)
    assert os.listdir(folders / "queue") == []


def test_a_message_is_delivered_whatever_the_temporary_folder_holds(
    channel, folders, tmp_path, monkeypatch
):
    """A file of the message's name in the shared temporary folder (a crash's leftover, another
    reader's) once made the message stay in the queue unread: CI saw it with parallel tests."""
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    channel._put(QUEUE, {"body": "照常送达", "headers": {}})
    [name] = os.listdir(folders / "queue")
    (shared / name).write_bytes(b"left behind")

    assert channel._get(QUEUE)["body"] == "照常送达"
    assert os.listdir(folders / "queue") == []


def test_two_readers_never_take_the_same_message(channel, folders):
    channel._put(QUEUE, {"body": "只送一次", "headers": {}})
    [name] = os.listdir(folders / "queue")
    first = channel._claim(name)
    assert first is not None
    assert channel._claim(name) is None
    assert os.listdir(folders / "queue") == [os.path.basename(first)]
    with pytest.raises(Empty):
        channel._get(QUEUE)


def test_a_folder_that_cannot_be_written_leaves_the_message_for_later(channel, folders):
    """The claim fails while the folder cannot be written: the worker goes on polling, and
    takes the message once the folder is writable again (tests/faults/test_broker_unwritable.py
    runs the whole approval through it)."""
    channel._put(QUEUE, {"body": "稍后送达", "headers": {}})
    with unwritable(folders / "queue"), pytest.raises(Empty):
        channel._get(QUEUE)
    assert channel._get(QUEUE)["body"] == "稍后送达"


def test_processed_messages_are_kept_under_their_names_when_asked(folders):
    (folders / "processed").mkdir()
    with opened_channel(
        folders, store_processed=True, processed_folder=str(folders / "processed")
    ) as channel:
        channel._put(QUEUE, {"body": "留底", "headers": {}})
        [name] = os.listdir(folders / "queue")
        assert channel._get(QUEUE)["body"] == "留底"
    assert os.listdir(folders / "processed") == [name]
    assert os.listdir(folders / "queue") == []


def test_messages_are_taken_in_the_order_they_were_written(channel, monkeypatch):
    clock = iter([9.999, 10.0])
    monkeypatch.setattr("gongkai.broker.monotonic", lambda: next(clock))
    channel._put(QUEUE, {"body": "先", "headers": {}})
    channel._put(QUEUE, {"body": "后", "headers": {}})
    assert [channel._get(QUEUE)["body"] for _ in range(2)] == ["先", "后"]


def test_a_queue_of_only_broken_messages_is_empty_not_fatal(channel, folders):
    (folders / "queue" / f"1_0000.{QUEUE}.msg").write_bytes(b"")
    (folders / "queue" / f"2_0000.{QUEUE}.msg").write_bytes(b'{"body": "')
    with pytest.raises(Empty):
        channel._get(QUEUE)
    assert sorted(os.listdir(folders / "quarantine")) == [
        f"1_0000.{QUEUE}.msg",
        f"2_0000.{QUEUE}.msg",
    ]


def test_a_message_being_written_is_not_listed_under_its_queue(channel, folders, monkeypatch):
    """The reader sees a message only once it is whole: written under another name, renamed."""
    seen_while_writing = []
    real_replace = os.replace

    def replace(source, target):
        seen_while_writing.append(sorted(os.listdir(folders / "queue")))
        assert channel._size(QUEUE) == 0
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    channel._put(QUEUE, {"body": "整条", "headers": {}})

    [listing] = seen_while_writing
    assert len(listing) == 1 and listing[0].startswith(".") and listing[0].endswith(".part")
    assert channel._size(QUEUE) == 1
    assert channel._get(QUEUE)["body"] == "整条"


def _claimed_by_a_reader_that_died(channel, folders, body):
    """A message claimed (renamed to a reader's own name) by a worker killed before it read it."""
    channel._put(QUEUE, {"body": body, "headers": {}})
    (name,) = os.listdir(folders / "queue")
    claimed = channel._claim(name)
    assert claimed is not None
    return name


def test_a_message_claimed_by_a_worker_that_died_is_delivered_once_its_claim_is_stale(folders):
    with opened_channel(folders) as dead:
        name = _claimed_by_a_reader_that_died(dead, folders, "认领后中断")
    with opened_channel(folders, stale_claim_seconds=0) as restarted:
        message = restarted._get(QUEUE)
    assert message["body"] == "认领后中断"
    assert name not in os.listdir(folders / "queue")
    assert os.listdir(folders / "queue") == []


def test_a_fresh_claim_is_left_to_the_reader_that_holds_it(folders):
    with opened_channel(folders) as reading:
        _claimed_by_a_reader_that_died(reading, folders, "正在读取")
    with opened_channel(folders) as other, pytest.raises(Empty):
        other._get(QUEUE)
    (left,) = os.listdir(folders / "queue")
    assert left.endswith(".taken")
