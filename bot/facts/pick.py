"""Which sentences an answer is made of, once every candidate is scored for every part:
each part's best (a later part's best that says its own words), sentences nearly as likely
within the length budget, a yes/no part's deciding sentence, and for a part asking a date or
amount the near sentence that holds one. The sentences beside a picked one: `neighbours`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.question import AnswerType
from bot.facts.answer_types import AMOUNT, DATE, PERSON, PLACE, dated, has_type, names_person
from bot.facts.candidates import Candidate
from bot.facts.features import PartView, QuestionView, names_said
from bot.facts.gate import Scored
from bot.facts.persons import names_one_of
from bot.facts.unretrieved import CONCLUSION, conclusion_asked
from bot.facts.words import coverage
from indexer.catalogue.fields import states_money
from indexer.models import DocType
from indexer.store.lexical import tokenize
from indexer.text.dates import find_dates

MAX_SENTENCES = 4
SAME_SOURCE_SHARE = 0.8  # see `one_document_first`
OFF_TOPIC = 0.6  # … whose best's passage says at most this share of what the leading one does
PART_SCAN = 10  # how far down its ranking a later part looks for a sentence saying its words
FIRST_PART_SCAN = 5  # … and the first part, whose words include the question's topic
# «Hvilke kommuner er med?» is answered by a sentence listing them, not by «ordførar i Løten»
MUNICIPALITIES_LISTED = 2
TYPED_SCAN = 10  # … and a part for a sentence of the same document holding the kind of fact
DECIDING_SCAN = 12  # how far down a yes/no part's ranking its deciding sentence is looked for
DECIDING_SHARE = 0.5
LIST_SCAN = 6  # how far down a list question's ranking its lead-in with items is looked for
# How much nearer the best a sentence right next to a picked one ranks among the supporting
# ones; on the development sets 0.15 gained 3 questions net, 0.3 and 0.5 five (in multi-part
# questions too, where it lost two of real-dev's: it no longer applies there).
NEXT_TO_BONUS = 0.3
NEXT_TO_GAP = 3  # characters between two sentences that stand next to each other
# A multi-part question's answer may be this many times as long: on the development sets 2
# gained 22 questions and lost 11 (a long list taking a later part's slot), 1.5 two fewer;
# the room past the single-part length only for short sentences, no lists, won 4 of those 11
# back; only for the picked sentences' own documents, so that another year's table row does
# not turn a good answer into a refusal (`blind-new` bn-40, found by `.ci/run`)
MULTI_PART_BUDGET = 2
SHORT_SHARE = 0.5  # … for sentences this share of the single-part length at most


def list_first(parts: list[PartView], per_part: list[list[Scored]], supporting: float
               ) -> list[list[Scored]]:
    """«Hva kan midlene brukes til?» answered by «Retningslinene gjeld for prosjekt …»: where a
    lead-in with its items that says the part's rarest word is nearly as likely (the `supporting`
    share of the best), the list comes first («Midlane kan nyttast til: …»)."""
    out = []
    for part, ranked in zip(parts, per_part, strict=True):
        if AnswerType.LIST not in part.part.answer_types or not ranked:
            out.append(ranked)
            continue
        floor = supporting * ranked[0].probability
        document = ranked[0].candidate.evidence.meta.doc_id  # the best's own list, not another's
        first = next((s for s in ranked[:LIST_SCAN] if s.probability >= floor
                      and s.candidate.items >= 2 and s.feature("rarest")
                      and s.candidate.evidence.meta.doc_id == document), None)
        out.append([first, *(s for s in ranked if s is not first)] if first else ranked)
    return out


def one_document_first(view: QuestionView, per_part: list[list[Scored]]
                       ) -> list[list[Scored]]:
    """«Vi vil søke Bufdir om tilskudd til foreldrestøttende tiltak. Hva må vi gjøre innen når,
    og hvor mye er det å søke på?»: the parts ask about one thing, the scene set before them,
    whose words no part has (`Question.scene`). The document that answers the parts best
    taken together (its best sentence per part, summed; the best of one part) answers each
    part from its own sentences alone, when it holds one nearly as likely as the part's best
    (`SAME_SOURCE_SHARE`) that holds the kind of fact asked, and the best's passage says little
    of the scene (`OFF_TOPIC`): not «Søknadsfristen er flyttet …» of another county's call. A
    description and its final report, both about the question, keep their parts; parts that
    name their own years ask of two things."""
    parts = view.parts
    if not view.question.scene or len(per_part) < 2 or any(p.part.years for p in parts) or not all(
            per_part):
        return per_part
    totals: dict[str, float] = {}
    for ranked in per_part:
        best: dict[str, float] = {}
        for s in ranked[:PART_SCAN]:
            doc = s.candidate.evidence.meta.doc_id
            best[doc] = max(best.get(doc, 0.0), s.probability)
        for doc, probability in best.items():
            totals[doc] = totals.get(doc, 0.0) + probability
    leading = max(totals, key=lambda d: totals[d])
    if not any(r[0].candidate.evidence.meta.doc_id == leading for r in per_part):
        return per_part
    owns = [_own_sentence(view, part, ranked, leading)
            for part, ranked in zip(parts, per_part, strict=True)]
    if all(own is None or own is ranked[0] for own, ranked in zip(owns, per_part, strict=True)):
        return per_part  # no part's best is another document's: the answer may use both
    return [ranked if own is None else [own, *(
        s for s in ranked if s is not own and s.candidate.evidence.meta.doc_id == leading)]
        for own, ranked in zip(owns, per_part, strict=True)]


def _own_sentence(view: QuestionView, part: PartView, ranked: list[Scored], leading: str
                  ) -> Scored | None:
    """The part's best sentence when it is the leading document's; else that document's near
    one holding the kind of fact asked, when the best's passage says little of the scene."""
    top = ranked[0]
    if top.candidate.evidence.meta.doc_id == leading:
        return top
    floor, scene = SAME_SOURCE_SHARE * top.probability, _in_scene(view, top)
    return next((s for s in ranked[1:PART_SCAN]
                 if s.candidate.evidence.meta.doc_id == leading and s.probability >= floor
                 and scene <= OFF_TOPIC * _in_scene(view, s)
                 and (not part.types or holds_types(part, s.candidate))), None)


def _in_scene(view: QuestionView, scored: Scored) -> float:
    """How much of the scene the sentence's passage, title and headings say (by rarity)."""
    cand = scored.candidate
    return coverage(view.scene, frozenset(tokenize(f"{cand.evidence.chunk.text} {cand.context}")))


def pick_sentences(per_part: list[list[Scored]], supporting: float, max_chars: int,
                   parts: list[PartView] | None = None) -> list[Candidate]:
    """Each part's best sentence (`parts`: a later part's best that says its words); then,
    best first (in a one-part question, a sentence next to the best a little ahead when it
    holds the kind of fact asked: a multi-part question's extras serve its other parts),
    sentences nearly as likely as their part's best (`supporting` share), while the answer
    stays within `max_chars` (per part, up to `MULTI_PART_BUDGET` parts)."""
    picked: list[Candidate] = []
    for i, ranked in enumerate(per_part):
        best = ranked[0].candidate if ranked else None
        if best is not None and parts and not says_part(parts[i], best) and (
                i > 0 or _answers_other(best, per_part, parts)):
            # «…, og hva er prosjektperioden?»: a later part whose best sentence does not say
            # its words (the first part's «Prosjektleder: …» again) takes a near one that does;
            # so does the first part whose best is a later part's, saying that part's words
            fit = best.evidence.fit  # never a sentence of a document that fits the question worse
            typed = holds_types(parts[i], best)  # nor one lacking the kind of fact the best holds
            scan = PART_SCAN if i > 0 else FIRST_PART_SCAN
            near = [s.candidate for s in ranked[1:scan] if not _repeats(s.candidate, picked)
                    and s.candidate.evidence.fit >= fit
                    and (holds_types(parts[i], s.candidate) or not typed)]
            taken = i == 0 and len(ranked) > 1 and ranked[1].probability >= \
                supporting * ranked[0].probability  # the first part's runner-up, nearly as good
            best = next((c for c in near if says_part(parts[i], c)),
                        near[0] if taken and near and near[0] is ranked[1].candidate else best)
        if best is None or best in picked:
            continue
        within = [c for c in picked if c.text in best.text]
        if within:
            # «…? list opp målene»: the first part took a row, the list part its whole table,
            # which brings the row along in its place
            picked = [best if c is within[0] else c for c in picked
                      if c is within[0] or c not in within]
        elif not _repeats(best, picked):
            picked.append(best)
    one_part = parts[0] if parts and len(per_part) == 1 else None
    # «Kor stor del …, og kor mange …?»: one long sentence answering the first part leaves
    # room for a later part's short sentence of the same sources, never for a second long
    # list or another document's row
    budget = max_chars * min(len(per_part), MULTI_PART_BUDGET)
    extra = sorted((s for ranked in per_part for s in ranked[1:]
                    if s.probability >= supporting * ranked[0].probability),
                   key=lambda s: -s.probability - NEXT_TO_BONUS * (
                       len(per_part) == 1 and _next_to(s.candidate, picked)
                       and (one_part is None or holds_types(one_part, s.candidate))))
    for scored in extra:
        cand = scored.candidate
        if len(picked) >= MAX_SENTENCES:
            break
        if cand in picked or _overlaps(cand, picked) or _repeats(cand, picked):
            continue  # the overlap of two chunks holds the same sentence twice
        if not _fits(cand, picked, max_chars, budget) and not (
                cand.items >= 2 and len(picked) == 1):
            continue  # a list under its lead-in, nearly as likely as the best, is the answer
        picked.append(cand)
    return picked


def _fits(cand: Candidate, picked: list[Candidate], max_chars: int, budget: int) -> bool:
    """The sentence keeps the answer within `max_chars`, or within a multi-part question's
    `budget` as a short sentence (no list) of a picked sentence's own document."""
    length = sum(len(c.text) for c in picked) + len(cand.text)
    if length <= max_chars:
        return True
    return length <= budget and cand.items < 2 and len(cand.text) <= max_chars * SHORT_SHARE \
        and any(c.evidence.meta.doc_id == cand.evidence.meta.doc_id for c in picked)


def _answers_other(best: Candidate, per_part: list[list[Scored]], parts: list[PartView]) -> bool:
    """«hvem er vertskommune, hvor mye søkes det om»: «Det søkes om 380 000 kr» is the best of
    both, but says only the second's words."""
    return any(ranked and ranked[0].candidate is best and says_part(part, best)
               for ranked, part in zip(per_part[1:], parts[1:], strict=True))


def _next_to(cand: Candidate, picked: list[Candidate]) -> bool:
    """The sentence stands right before or after a picked one, in the same paragraph: «Tilsynet
    er derfor avslutta.», «Dette fordeler seg slik: …» finish what the picked one says."""
    for other in picked:
        if other.evidence.chunk.chunk_id != cand.evidence.chunk.chunk_id:
            continue
        after, before = cand.start >= other.end, cand.end <= other.start
        if not (after or before):
            continue  # overlapping chunks hold the same sentence twice
        text = other.evidence.chunk.text
        gap = text[other.end:cand.start] if after else text[cand.end:other.start]
        if len(gap) <= NEXT_TO_GAP and "\n\n" not in gap:
            return True
    return False


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
                and holds_types(part, s.candidate) and not _repeats(s.candidate, picked + added)]
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
        if stated is not None and not _repeats(stated, picked + added):
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
    return [said] if said is not None and not _repeats(said, picked) else []


def concluding(view: QuestionView, ranked: list[Scored], chosen: Candidate) -> Candidate:
    """The sentence quoted from another year's inspection report for «Hva konkluderte
    tilsynet i 2022?»: the report's own conclusion when the question asks for one."""
    report = chosen.evidence.meta
    if report.doc_type != DocType.TILSYNSRAPPORT or CONCLUSION.search(chosen.text) or not (
            conclusion_asked(p.part for p in view.parts)):
        return chosen
    return next((s.candidate for s in ranked if s.candidate.evidence.meta.doc_id ==
                 report.doc_id and CONCLUSION.search(s.candidate.text)), chosen)


def names_municipality(cand: Candidate, at_least: int = 1) -> bool:
    """The sentence names `at_least` of the municipalities its document is about (by any of
    their names)."""
    names = {name for m in cand.evidence.meta.municipalities for name in (m.name, m.current_name)}
    return sum(1 for name in names if name and name in cand.text) >= at_least


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


def near_saying(ranked: list[Scored], says: Callable[[Candidate], bool], taken: list[Candidate],
                floor: float = 0.0, scan: int = TYPED_SCAN) -> Candidate | None:
    """The best-ranked of the first `scan` sentences, at least `floor` likely, that says what
    no taken sentence says (a named place, a choice, a kind of sum) and repeats none of them."""
    return next((s.candidate for s in ranked[:scan] if s.probability >= floor
                 and says(s.candidate) and not _repeats(s.candidate, taken)), None)


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


def _repeats(cand: Candidate, picked: list[Candidate]) -> bool:
    """The sentence says again what a picked one says: one inside the other."""
    return any(c.text in cand.text or cand.text in c.text for c in picked)


def _overlaps(cand: Candidate, picked: list[Candidate]) -> bool:
    """A lead-in already brings its items; an item is not repeated beside it."""
    return any(c.evidence.chunk.chunk_id == cand.evidence.chunk.chunk_id
               and (c.start <= cand.start < c.end or cand.start <= c.start < cand.end)
               for c in picked) or any(c.text == cand.text for c in picked)
