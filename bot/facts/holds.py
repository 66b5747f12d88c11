"""What a candidate sentence holds or says, as the picking steps ask it: every kind of fact a
part asks for (as the part asks it), half of the part's own words, the municipalities its
document is about; and the near sentence that says what no taken one does. `pick`, `missing`
and the routes' own additions (amounts, alternatives, persons, dates) all ask the same.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.facts.answer_types import AMOUNT, DATE, PERSON, PLACE, dated, has_type, names_person
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.words import coverage
from indexer.catalogue.fields import states_money
from indexer.store.lexical import tokenize

# «Hvilke kommuner er med?» is answered by a sentence listing them, not by «ordførar i Løten»
MUNICIPALITIES_LISTED = 2
# how far down its ranking a part looks for a sentence of the same document holding the kind
# of fact asked
TYPED_SCAN = 10
DECIDING_SHARE = 0.5  # the share of a part's own words (by rarity) a sentence says it with


def names_municipality(cand: Candidate, at_least: int = 1) -> bool:
    """The sentence names `at_least` of the municipalities its document is about (by any of
    their names)."""
    names = {name for m in cand.evidence.meta.municipalities for name in (m.name, m.current_name)}
    return sum(1 for name in names if name and name in cand.text) >= at_least


def near_saying(ranked: list[Scored], says: Callable[[Candidate], bool], taken: list[Candidate],
                floor: float = 0.0, scan: int = TYPED_SCAN) -> Candidate | None:
    """The best-ranked of the first `scan` sentences, at least `floor` likely, that says what
    no taken sentence says (a named place, a choice, a kind of sum) and repeats none of them."""
    return next((s.candidate for s in ranked[:scan] if s.probability >= floor
                 and says(s.candidate) and not repeats(s.candidate, taken)), None)


def holds_types(part: PartView, cand: Candidate) -> bool:
    """The sentence holds every kind of fact the part asks for (an amount, a date …); money
    asked («kor mykje søkjer dei om?») is not held by a share («60 % stilling»), nor a person
    asked («Hvem leder …?») by an organisation («ledet av RVTS Sør»), nor municipalities asked
    («Kva kommunar var med?») by one place («frå Nav», «ordførar i Løten»): a list names them."""
    return all(holds_type(part, cand, kind) for kind in part.types)


def holds_type(part: PartView, cand: Candidate, kind: str) -> bool:
    """The sentence holds this kind of fact as the part asks it (see `holds_types`)."""
    if kind == AMOUNT and part.part.money:
        return states_money(cand.text)
    if kind == PERSON and part.part.person:
        return names_person(cand.text)
    if kind == DATE:
        return dated(cand.text, part.known_years)
    if kind == PLACE and part.part.municipalities:  # «kommunane Sogndal, Leikanger og …»
        return names_municipality(cand, MUNICIPALITIES_LISTED)
    return has_type(cand.text, kind)


def says_part(part: PartView, cand: Candidate) -> bool:
    """The sentence itself holds at least half of the part's own words, by rarity."""
    return coverage(part.focus, frozenset(tokenize(cand.text))) >= DECIDING_SHARE


def repeats(cand: Candidate, picked: list[Candidate]) -> bool:
    """The sentence says again what a picked one says: one inside the other."""
    return any(c.text in cand.text or cand.text in c.text for c in picked)
