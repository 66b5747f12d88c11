"""Sentences that come along with the picked ones because those leave out something asked: a
yes/no part's deciding sentence, the kind of fact a part asks (a date, an amount, a person by
role), the date of a deadline pointed at, an inspection's conclusion, a named place, a later
part's year, what an asked person is and does. Each is added after `pick.pick_sentences` has
chosen the answer within its length budget. (`concluding`: the inspection report's conclusion
is also what a refusal quotes of another year's report.)
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.facts.answer_types import DATE
from bot.facts.candidates import Candidate
from bot.facts.features import QuestionView, names_said
from bot.facts.gate import Scored
from bot.facts.holds import TYPED_SCAN, holds_types, near_saying, repeats, says_part
from bot.facts.persons import names_one_of
from bot.facts.unretrieved import CONCLUSION, conclusion_asked
from indexer.models import DocType
from indexer.store.lexical import tokenize
from indexer.text.dates import find_dates

DECIDING_SCAN = 12  # how far down a yes/no part's ranking its deciding sentence is looked for


def deciding(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate]
             ) -> list[Candidate]:  # fmt: skip
    """A yes/no question or part («… og ble det funnet lovbrudd?») is decided by a sentence that
    says its words («Det er ikkje avdekka lovbrot under tilsynet»): when no picked sentence
    does, the best ranked one that does is added."""
    added: list[Candidate] = []
    for part, ranked in zip(view.parts, per_part, strict=True):
        if AnswerType.YESNO not in part.part.answer_types or not part.focus:
            continue
        modal = _MODAL_ASKED.match(part.part.text)
        if modal is not None:  # «Kan kommuner … søke om …?» is decided by «… kan søke …»
            words = tokenize(part.part.text[modal.end():])
            verbs = frozenset(words[1:])  # the first is who: «Kan kommunene …»
            if not any(_modal_says(modal[1], verbs, c) for c in picked + added):
                found = next((s.candidate for s in ranked[:DECIDING_SCAN]
                              if _modal_says(modal[1], verbs, s.candidate)), None)
                if found is not None:
                    added.append(found)
                    continue
        if any(says_part(part, c) for c in picked + added):
            continue
        found = next((s.candidate for s in ranked[:DECIDING_SCAN] if says_part(part, s.candidate)),
                     None)
        if found is not None:
            added.append(found)
    return added


_MODAL_ASKED = re.compile(r"^\W*(?:og\s+|and\s+)?(kan|må|skal|bør|can|must|should)\s", re.I)


def _modal_says(modal: str, verbs: frozenset[str], cand: Candidate) -> bool:
    """The sentence says the asked modal with one of the question's words as its verb («kan
    søke», «må ikkje dekkje»), a subject or a negation between them."""
    for match in re.finditer(rf"\b{modal}\s+((?:\w+\s+){{0,2}}\w+)", cand.text, re.I):
        said = [w for w in match[1].split() if w.lower() not in _BESIDE_THE_VERB]
        if set(tokenize(" ".join(said))) & verbs:
            return True
    return False


_BESIDE_THE_VERB = frozenset({"ikke", "ikkje", "not", "også", "og", "berre", "bare", "only"})


def typed_missing(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                  supporting: float) -> list[Candidate]:
    """«Når trådte endringene i kraft?» answered by a long sentence about the changes with no
    date: the near sentence of the same document that holds the kind of fact asked
    («Lovendringene tredde i kraft 1. august 2022.») comes along, whatever the length budget.
    A person asked by role («Kven leier prosjektet?») takes the document's sentence naming
    one however far down it ranks: the model cannot tell «leier» from «Prosjektleiar». Only
    a sentence of the part's own document answers it: another call's moved deadline does not
    say when this one's is. A day asked («når ble det ferdig?») and answered only by a year
    said in passing takes the near sentence stating a day («Prosjektperiode: … – 31. mars
    2021»)."""
    added: list[Candidate] = []
    for part, ranked in zip(view.parts, per_part, strict=True):
        if not part.types or not ranked:
            continue
        top = ranked[0]
        own = top.candidate.evidence.meta.doc_id
        holding = [c for c in picked + added
                   if holds_types(part, c) and c.evidence.meta.doc_id == own]
        day_asked = DATE in part.types and not part.part.years  # «når ble det ferdig?»
        if holding and not (day_asked and not any(find_dates(c.text) for c in holding)):
            continue
        anywhere = part.part.person  # «Kven leier prosjektet?»: the name the document gives
        held = [s.candidate for s in ranked[1:None if anywhere else TYPED_SCAN]
                if (anywhere or s.probability >= supporting * top.probability)
                and s.candidate.evidence.meta.doc_id == top.candidate.evidence.meta.doc_id
                and holds_types(part, s.candidate) and not repeats(s.candidate, picked + added)]
        if DATE in part.types:  # «when was the meeting?»: a day before a year
            held.sort(key=lambda c: not find_dates(c.text))
        if holding:  # «… ble holdt digitalt i 2020» says a year in passing, not when it ended
            held = [c for c in held if find_dates(c.text)]
        if held:
            added.append(held[0])
    return added


# «… innen den nye fristen», «before the deadline»: a deadline pointed at, not stated
_DEADLINE_POINTED = re.compile(r"\b(?:(?:den\s+)?(?:nye\s+)?fristen|the\s+(?:new\s+)?deadline)\b",
                               re.I)
_DEADLINE_WORD = re.compile(r"frist|deadline", re.I)


def deadline_pointed(per_part: list[list[Scored]], picked: list[Candidate]) -> list[Candidate]:
    """«De kan sende en oppdatert søknad innen den nye fristen» says there is a deadline but not
    which: its document's best-ranked sentence stating a deadline's date comes along."""
    added: list[Candidate] = []
    for cand in picked:
        doc = cand.evidence.meta.doc_id
        if not _DEADLINE_POINTED.search(cand.text) or find_dates(cand.text) or any(
                c.evidence.meta.doc_id == doc and _DEADLINE_WORD.search(c.text)
                and find_dates(c.text) for c in picked + added):
            continue
        stated = next((s.candidate for s in per_part[0] if s.candidate.evidence.meta.doc_id == doc
                       and _DEADLINE_WORD.search(s.candidate.text)
                       and find_dates(s.candidate.text)), None)
        if stated is not None and not repeats(stated, picked + added):
            added.append(stated)
    return added


def inspection_conclusion(view: QuestionView, per_part: list[list[Scored]],
                          picked: list[Candidate]) -> list[Candidate]:
    """«Har noen sjekket om de følger opp fosterbarna?» answered from an inspection report
    says what the inspection concluded («Det ble ikke funnet lovbrudd»), not only that it was
    held: the report's best-ranked sentence saying so comes along on a yes/no question, or
    one asking the conclusion or findings («What was the conclusion, which office did it …?»)."""
    if not conclusion_asked(p.part for p in view.parts) or not picked:
        return []
    report = picked[0].evidence.meta
    if report.doc_type != DocType.TILSYNSRAPPORT or any(
            CONCLUSION.search(c.text) for c in picked if c.evidence.meta.doc_id == report.doc_id):
        return []
    said = next((s.candidate for s in per_part[0]
                 if s.candidate.evidence.meta.doc_id == report.doc_id
                 and CONCLUSION.search(s.candidate.text)), None)
    return [said] if said is not None and not repeats(said, picked) else []


def concluding(view: QuestionView, ranked: list[Scored], chosen: Candidate) -> Candidate:
    """The sentence quoted from another year's inspection report for «Hva konkluderte
    tilsynet i 2022?»: the report's own conclusion when the question asks for one."""
    report = chosen.evidence.meta
    if report.doc_type != DocType.TILSYNSRAPPORT or CONCLUSION.search(chosen.text) or not (
            conclusion_asked(p.part for p in view.parts)):
        return chosen
    return next((s.candidate for s in ranked if s.candidate.evidence.meta.doc_id ==
                 report.doc_id and CONCLUSION.search(s.candidate.text)), chosen)




def places_missing(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                   supporting: float) -> list[Candidate]:
    """«Hvor mange tilsyn skal Statsforvalteren i Vestland og Statsforvalteren i Rogaland
    gjennomføre?» answered by Vestland's row alone: a named place no picked sentence names takes
    the near sentence of a picked document that names it (Rogaland's row)."""
    places = view.question.places
    if len(places) < 2 or not picked or not per_part[0]:
        return []
    documents = {c.evidence.meta.doc_id for c in picked}
    top = per_part[0][0].probability
    added: list[Candidate] = []
    for place in places:
        names = [set(place.all_names)]
        if any(names_said(names, c) for c in picked + added):
            continue
        found = near_saying(per_part[0], lambda c, names=names: c.evidence.meta.doc_id in
                            documents and names_said(names, c), picked + added,
                            supporting * top)
        if found is not None:
            added.append(found)
    return added


def year_missing(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                 supporting: float) -> list[Candidate]:
    """«Hvor mye flyttes med reformen? Og fikk kommunene hele summen allerede i 2022?»: a
    later part asking of its own year what the first part asks about is answered by the first
    part's document saying that year («I 2022 beregnes … innlemmingen til å være 1,3 mrd.»),
    not by another document that mentions the year in passing; the near sentence of that
    document naming the year comes along when no picked one of it does."""
    if len(view.parts) < 2 or not per_part[0]:
        return []
    top = per_part[0][0]
    own = top.candidate.evidence.meta.doc_id
    added: list[Candidate] = []
    for part in view.parts[1:]:
        year = part.part.years.single if part.part.years else None
        if year is None:
            continue
        said = re.compile(rf"(?<!\d){year}(?!\d)")
        if any(said.search(c.text) and c.evidence.meta.doc_id == own for c in picked + added):
            continue
        found = near_saying(per_part[0], lambda c, said=said: c.evidence.meta.doc_id == own
                            and bool(said.search(c.text)), picked + added,
                            supporting * top.probability)
        if found is not None:
            added.append(found)
    return added


PERSON_LINES = 2  # sentences naming an asked person that come along beyond the budget


def person_lines(view: QuestionView, per_part: list[list[Scored]], picked: list[Candidate],
                 supporting: float) -> list[Candidate]:
    """«Hva er rollen til Sigrun Olsen Vollan i nettverket?»: a person asked about, no kind of
    fact asked, is answered by what their documents say they are and do — the attendance line
    and the follow-up task they were given alike. Near sentences of a picked document that name
    the person come along beyond the length budget."""
    main = view.parts[0]
    if not view.question.persons or main.types or not picked or not per_part[0]:
        return []
    persons = view.question.persons
    documents = {c.evidence.meta.doc_id for c in picked}
    floor = supporting * per_part[0][0].probability
    added: list[Candidate] = []
    while len(added) < PERSON_LINES and (found := near_saying(
            per_part[0], lambda c: c.evidence.meta.doc_id in documents
            and names_one_of(c.text, persons), picked + added, floor)) is not None:
        added.append(found)
    return added

