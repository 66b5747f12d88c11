"""What is next: «Når er neste møte?» asked today is answered by the dates still ahead, not by
every referat's «neste møte» of years ago; stale ones only when nothing newer is known (then the
answer says the date has passed)."""

from __future__ import annotations

import datetime as dt
import re

from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.holds import holds_types
from indexer.text.dates import find_dates

SCAN = 12  # how far down the main part's ranking a sentence with a date ahead is looked for


def ahead(cand: Candidate, today: dt.date) -> bool | None:
    """True: the sentence names a date from today on; False: only passed dates; None: none."""
    dates = [m.date for m in find_dates(cand.text)]
    return max(dates) >= today if dates else None


def upcoming_first(main: PartView, ranked: list[Scored], picked: list[Candidate],
                   today: dt.date) -> list[Candidate]:
    """When the main part's ranking has a sentence with a date ahead that answers what it asks
    («Neste møte i styringsgruppen: 10. februar 2027»), it leads and the picked sentences whose
    dates have all passed step aside; else the picked stand (and the passed date is said to
    have passed)."""
    found = next((s.candidate for s in ranked[:SCAN] if _answers(main, s, today)), None)
    if found is None:
        return picked
    return [found, *(c for c in picked if c is not found and ahead(c, today) is not False)]


def _answers(main: PartView, scored: Scored, today: dt.date) -> bool:
    """A date ahead, of the kind asked, saying the part's rarest word («søknadsfrist», not
    «statusrapport … 15. januar 2027»), from a document of the place and names asked."""
    cand = scored.candidate
    return bool(ahead(cand, today) and holds_types(main, cand) and scored.feature("rarest")
                and scored.feature("fit_place") >= 0 and scored.feature("names") >= 1.0)


# «Kommunestyret i Nordre Land behandler saken 10. desember 2026»: a matter still to be decided
_TAKEN_UP = re.compile(r"\b(?:behandler|behandlar|skal behandle|vil behandle|skal handsame|"
                       r"handsamar|tar stilling|tek stilling|skal avgjøre|skal avgjere|"
                       r"skal vedta|skal vedtas|vil vedta|votes? on|will (?:decide|vote|consider)|"
                       r"considers)\b", re.I)
_DECISION = re.compile(r"^\W*(?:vedtak|decision)\b|\b(?:vedtok|vedtatt|vedteke|besluttet|"
                       r"decided)\b", re.I)


def still_ahead(picked: list[Candidate], today: dt.date) -> Candidate | None:
    """«Vedtok kommunestyret …?» answered by «Kommunestyret behandler saken 10. desember 2026»
    on a day before it: the decision is not made yet, and saying the rest would read as its
    outcome. The sentence that says when it is to be made, if one does."""
    return next((c for c in picked if _TAKEN_UP.search(c.text) and not _DECISION.search(c.text)
                 and ahead(c, today)), None)
