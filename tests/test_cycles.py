"""Drawing holds off Python's cycle collector for one call and puts it back as it was."""

from __future__ import annotations

import gc

import pytest

from flowviz.cycles import no_cycle_collection


@no_cycle_collection
def _state() -> bool:
    return gc.isenabled()


@no_cycle_collection
def _fails() -> None:
    raise ValueError("boom")


def test_the_collector_is_off_during_the_call_and_on_again_after_it() -> None:
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"):
        _fails()
    assert gc.isenabled()
