"""The kit every test of understanding reads with: the place history, a small corpus' words (so
typos have words to be read as) and a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.understand import Kit
from indexer.text.spelling import Speller

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def kit(gazetteer):  # type: ignore[no-untyped-def]
    corpus = ("Kommunene har hatt prosjekter om fosterhjem og ettervern. Søknadsfristen er "
              "1. november. Referent var Ingrid. Fosterhjem og kommuner i Vestland. "
              "Prosjektene og prosjekta har brukt midlar. ")
    return Kit(gazetteer, Speller.from_texts([corpus * 2]), TODAY)
