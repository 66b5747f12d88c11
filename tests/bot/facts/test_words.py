"""Word-level evidence: a compound written with and without its linking s is one word."""

from __future__ import annotations

import pytest

from bot.facts.words import linked, matches


@pytest.mark.parametrize(("a", "b", "same"), [
    ("barnevernsreform", "barnevernreform", True),
    ("barnevernstjenest", "barneverntjenest", True),
    ("fosterhjemsveiled", "fosterhjemveiled", True),
    ("barnevern", "barnever", False),  # a cut ending, not a linking s
    ("sak", "saks", False),  # too short to be a compound
    ("kommunes", "kommune", False),  # an s at the end is a genitive, not a joint
])  # fmt: skip
def test_a_compound_with_and_without_its_linking_s(a, b, same) -> None:  # type: ignore[no-untyped-def]
    assert linked(a, b) is same


def test_a_title_word_is_said_in_the_other_spelling() -> None:
    assert matches({"barnevernreform"}, frozenset({"barnevernsreform", "økonomisk"}))
