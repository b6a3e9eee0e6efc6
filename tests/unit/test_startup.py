"""Loading a process with the collector paused, and giving it back as it was."""

import gc

import pytest

from audit.startup import collector_paused


@pytest.fixture
def collector_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_the_collector_is_off_while_loading_and_on_again_after(collector_enabled):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_import_that_fails_still_gives_the_collector_back(collector_enabled):
    with pytest.raises(ImportError), collector_paused():
        raise ImportError("no such module")
    assert gc.isenabled()


def test_a_process_that_had_turned_the_collector_off_keeps_it_off(collector_enabled):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
