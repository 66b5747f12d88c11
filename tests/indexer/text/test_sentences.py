"""Sentence splitting keeps facts whole across Norwegian full stops."""

from __future__ import annotations

import pytest

from indexer.text.sentences import split_sentences


@pytest.mark.parametrize(("text", "sentences"), [
    # a law reference after an abbreviation: no sentence starts with «§»
    ("Dette er brudd på barnevernloven §§ 1-4, 4-3, jf. fvl. § 17, 6-1 og 2-1. Neste sak.",
     ["Dette er brudd på barnevernloven §§ 1-4, 4-3, jf. fvl. § 17, 6-1 og 2-1.", "Neste sak."]),
    ("Fristen er 13. september 2018. Møtet er kl. 10.00 i Bergen.",
     ["Fristen er 13. september 2018.", "Møtet er kl. 10.00 i Bergen."]),
    ("Det gjelder bl.a. fosterhjem. Ca. 120 deltok.",
     ["Det gjelder bl.a. fosterhjem.", "Ca. 120 deltok."]),
])  # fmt: skip
def test_full_stops_that_end_no_sentence(text, sentences):
    assert [s.text for s in split_sentences(text)] == sentences
