"""The core every conversation test in tests/bot may ask (a test module may define its own)."""

from __future__ import annotations

import pytest

from bot.engine import Core


@pytest.fixture(scope="module")
def core(sample_context) -> Core:  # type: ignore[no-untyped-def]
    """The real routes over the fake-embedder sample store."""
    return Core(sample_context)
