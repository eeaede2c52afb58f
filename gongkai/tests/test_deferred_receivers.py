"""A receiver's work for many changes done once, at the end of the outermost block."""

import pytest

from gongkai.deferred_receivers import DeferredReceiver, many_changes


@pytest.fixture
def flushed():
    return []


@pytest.fixture
def receiver(flushed):
    return DeferredReceiver(flushed.append)


def test_outside_a_block_the_receiver_works_at_once(receiver, flushed):
    assert receiver.defer("page") is False
    assert flushed == []


def test_a_block_hands_over_everything_once_at_its_outermost_end(receiver, flushed):
    with many_changes():
        assert receiver.defer(1)
        with many_changes():
            receiver.defer(2)
        assert flushed == []
        receiver.defer(3)
    assert flushed == [[1, 2, 3]]
    assert receiver.defer(4) is False


def test_an_error_in_the_block_still_hands_over_what_changed_before_it(receiver, flushed):
    with pytest.raises(RuntimeError), many_changes():
        receiver.defer(1)
        raise RuntimeError
    assert flushed == [[1]]


def test_a_receiver_handed_nothing_is_not_flushed(receiver, flushed):
    with many_changes():
        pass
    assert flushed == []
