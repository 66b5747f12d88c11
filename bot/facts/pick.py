"""Which sentences an answer is made of, once every candidate is scored for every part:
each part's best (a later part's best that says its own words), sentences nearly as likely
within the length budget; a list's lead-in first, one document's sentences first when the parts
ask about one thing. What comes along after (a yes/no part's deciding sentence, the date or
amount a part asks held by a near sentence): `missing`; the sentences beside a picked one:
`neighbours`; what a sentence holds or says: `holds`.
"""

from __future__ import annotations

from bot.core.question import AnswerType
from bot.facts.candidates import Candidate
from bot.facts.features import PartView, QuestionView
from bot.facts.gate import Scored
from bot.facts.holds import holds_types, repeats, says_part
from bot.facts.words import coverage
from indexer.store.lexical import tokenize

MAX_SENTENCES = 4
SAME_SOURCE_SHARE = 0.8  # see `one_document_first`
OFF_TOPIC = 0.6  # … whose best's passage says at most this share of what the leading one does
PART_SCAN = 10  # how far down its ranking a later part looks for a sentence saying its words
FIRST_PART_SCAN = 5  # … and the first part, whose words include the question's topic
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
            near = [s.candidate for s in ranked[1:scan] if not repeats(s.candidate, picked)
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
        elif not repeats(best, picked):
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
        if cand in picked or _overlaps(cand, picked) or repeats(cand, picked):
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


def _overlaps(cand: Candidate, picked: list[Candidate]) -> bool:
    """A lead-in already brings its items; an item is not repeated beside it."""
    return any(c.evidence.chunk.chunk_id == cand.evidence.chunk.chunk_id
               and (c.start <= cand.start < c.end or cand.start <= c.start < cand.end)
               for c in picked) or any(c.text == cand.text for c in picked)
