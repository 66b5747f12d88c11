"""The offline default answerer: choose source sentences with the fitted answer model.

Every candidate sentence of the retrieved chunks is scored for every part of the question;
`pick` chooses the answer's sentences from those rankings, and the whole is an answer only when
the answerable-model says the evidence answers the question and what is left of the asked
place, year and role says what was asked. It can only say what a source says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bot.core.question import AnswerType, Question, TimeFocus
from bot.facts.alternatives import choices_missing
from bot.facts.amounts import (
    asked_kind,
    kind_first,
    kind_unsaid,
    kinds_missing,
    money_unsaid,
    municipal_unsaid,
)
from bot.facts.answer_types import YEAR
from bot.facts.candidates import Candidate, candidates, caption, is_dateline
from bot.facts.elsewhere import elsewhere, named_later, typed_and_named
from bot.facts.features import (
    PartView,
    QuestionView,
    question_view,
    sentence_rows,
)
from bot.facts.gate import Scored, fit_against, gate_row, unnamed
from bot.facts.holds import holds_types, says_part
from bot.facts.missing import (
    concluding,
    deadline_pointed,
    deciding,
    inspection_conclusion,
    person_lines,
    places_missing,
    typed_missing,
    year_missing,
)
from bot.facts.model import AnswerModel
from bot.facts.neighbours import replies
from bot.facts.outcomes import minutes_before, only_planned, outcomes_first, planned
from bot.facts.persons import names_role
from bot.facts.pick import list_first, one_document_first, pick_sentences
from bot.facts.retrieval import Evidence
from bot.facts.said import counted_missing, counted_unsaid, type_unsaid
from bot.facts.sentence_vectors import SentenceVectors
from bot.facts.upcoming import still_ahead, upcoming_first
from bot.facts.words import matches, modifier_said
from indexer.models import DocType
from indexer.store.lexical import LexicalIndex, tokenize

CANDIDATE_CHUNKS = 8
INSTEAD_SCAN = 10  # how far down the ranking a refusal looks for what the other source says


@dataclass(frozen=True)
class ComposedSentence:
    """One answer sentence with the evidence it rests on and the text it quotes from each."""

    text: str
    evidence: tuple[Evidence, ...]
    snippets: tuple[str, ...]


@dataclass(frozen=True)
class Composition:
    sentences: list[ComposedSentence]
    refused: bool
    reason: str = ""
    answerable: float = 0.0  # the answerable-model's probability
    best: Candidate | None = None  # the main part's best sentence, answered or not
    instead: bool = False  # refused only because the sources are about another place or year
    scores: dict[str, float] = field(default_factory=dict)
    planned: bool = False  # refused: the sources only say what was planned, not how it went
    amount_kind: str = ""  # refused: the sources state amounts, none of this kind (tildelt …)
    document_kind: str = ""  # refused: the answer comes from no document of the kind asked
    pending: bool = False  # refused: the decision asked about is still to be made


Aliases = Callable[[str], set[str]]


class ExtractiveComposer:
    def __init__(self, model: AnswerModel, lexical: LexicalIndex, vectors: SentenceVectors,
                 aliases: Aliases | None = None) -> None:
        self.model = model
        self.lexical = lexical
        self.vectors = vectors
        self.aliases = aliases or (lambda name: {name})  # Øygarden → {Fjell, Sund, …}

    def view(self, question: Question, vectors: np.ndarray) -> QuestionView:
        aliases = {n: self.aliases(n) for n in question.names}
        return question_view(question, vectors, self.lexical, aliases)

    def score(self, view: QuestionView, evidence: list[Evidence], limit: int = CANDIDATE_CHUNKS
              ) -> tuple[list[Candidate], list[list[Scored]]]:
        """Every candidate of the first `limit` chunks scored for every part (best first)."""
        pool = evidence[:limit]
        found = tables_for_lists(view.parts, candidates(pool))
        if not any(AnswerType.PERSON in p.part.answer_types for p in view.parts):
            found = [c for c in found if not caption(c)]  # a byline says who, nothing else
        if not found:
            return [], [[] for _ in view.parts]
        vectors = self.vectors.of([c.text for c in found])
        top = max(e.score for e in pool)
        per_part = []
        for part in view.parts:
            rows = sentence_rows(view, part, found, vectors, top)
            probs = self.model.sentence.probabilities(rows)
            scored = [Scored(c, float(p), list(r)) for c, p, r in zip(found, probs, rows,
                                                                     strict=True)]
            per_part.append(sorted(scored, key=lambda s: -s.probability))
        return found, per_part

    def compose(self, question: Question, vectors: np.ndarray, evidence: list[Evidence]
                ) -> Composition:
        view = self.view(question, vectors)
        found, per_part = self.score(view, evidence)
        if not found:
            return Composition([], True, "ingen setninger")
        row = gate_row(view, found, per_part)
        answerable = self.probability(row)
        picked = self._pick(view, found, per_part)
        best = per_part[0][0].candidate
        scores = {"answerable": answerable, "best": per_part[0][0].probability}
        if answerable < self.model.threshold:
            instead = fit_against(row) and self.probability(unnamed(row)) >= \
                self.model.threshold
            return Composition([], True, "kildene svarer ikke på spørsmålet", answerable,
                               _instead(view, per_part[0], [best]) if instead else best,
                               instead, scores)
        asked = [c for c in picked if not elsewhere(view, c)]
        others = [c for c in picked if c not in asked]
        main = view.parts[0]
        says_it = any(_says_focus(view, c) or says_part(main, c) for c in asked)
        if others and all(named_later(view, c) for c in others) and not any(
                _says_focus(view, c) or says_part(main, c) for c in others):
            # «Hvem samarbeider de med, og hvor mange meldinger fikk de i 2020?»: the year is
            # a later part's, and what another year's sentence said does not answer the first
            # either; the parts are answered again from what fits the question
            kept = [[s for s in ranked if not elsewhere(view, s.candidate)] for ranked in per_part]
            if all(kept):
                asked, says_it = self._pick(view, found, kept), True
        typed_elsewhere = not any(holds_types(main, c) for c in asked) and any(
            holds_types(main, c) for c in others)
        says_it = says_it or typed_and_named(view, asked, others)
        if others and (not says_it or typed_elsewhere):
            asked = []  # what is left of the asked place and year does not say what was asked
            best = _instead(view, per_part[0], others)
        picked = asked
        role = question.parts[0].role if question.parts else ""
        if picked and role and not any(names_role(role, c) for c in picked):
            # «Hvem var prosjektleder …?» answered by sentences naming people, none as that
            return Composition([], True, "kildene sier ikke hvem som har rollen", answerable,
                               best, False, scores)
        cited = question.doc_types_cited  # «ifølge sluttrapporten», «according to its final report»
        if picked and cited and not any(c.evidence.meta.doc_type in cited for c in picked):
            closest = next((s.candidate for s in per_part[0] if s.candidate in picked), picked[0])
            return Composition([], True, "kildene er ikke det dokumentet det spørres etter",
                               answerable, closest, False, scores,
                               planned=DocType.SLUTTRAPPORT in cited  # a plan, no results
                               and all(planned(c) for c in picked),
                               document_kind=min(kind.value for kind in cited))
        pending = still_ahead(picked, question.today) if question.decided else None
        if pending is not None:  # «Vedtok kommunestyret …?» before the day it takes the matter up
            return Composition([], True, "saken er ikke avgjort ennå", answerable, pending, False,
                               scores, pending=True)
        if picked and (question.outcome and only_planned(picked, question.doc_types_named)
                       or minutes_before(question, picked)):
            # «Nådde de målet?» with only the plan in hand: its goal is no result; nor is what
            # minutes of 2024 planned for a meeting in 2025 what was agreed there
            return Composition([], True, "kildene sier bare hva som var planlagt", answerable,
                               picked[0], False, scores, planned=True)
        kind = asked_kind(question)
        other_kind = bool(picked and kind and kind_unsaid(kind, picked))
        if other_kind or picked and (municipal_unsaid(question, picked)
                                     or money_unsaid(question, picked)):
            return Composition([], True, "kildene oppgir ikke beløp av det slaget", answerable,
                               picked[0], False, scores,
                               amount_kind=kind if kind and other_kind else "")
        if not picked:
            return Composition([], True, "kildene gjelder et annet sted eller år", answerable,
                               best, True, scores)
        if type_unsaid(main, picked) or counted_unsaid(
                main, picked, self.lexical, question.language == "en"):
            return Composition([], True, "kildene oppgir ikke det som spørres etter", answerable,
                               picked[0], False, scores)
        picked.sort(key=lambda c: (c.evidence.chunk.doc_id, c.evidence.chunk.position, c.start))
        sentences = [ComposedSentence(c.text, (c.evidence,), (c.text,)) for c in picked]
        return Composition(sentences, False, "", answerable, best, False, scores)

    def _pick(self, view: QuestionView, found: list[Candidate], per_part: list[list[Scored]]
              ) -> list[Candidate]:
        """The answer's sentences from the parts' rankings, each kind of part served first."""
        question, supporting = view.question, self.model.supporting
        if question.outcome:
            per_part = outcomes_first(view.parts, per_part, supporting)
        per_part = kind_first(view.parts, per_part, supporting)
        per_part = list_first(view.parts, per_part, supporting)
        per_part = one_document_first(view, per_part)
        picked = pick_sentences(per_part, supporting, self.model.max_chars, view.parts)
        picked += deciding(view, per_part, picked)
        picked += replies(view, found, picked)
        picked += deadline_pointed(per_part, picked)
        picked += inspection_conclusion(view, per_part, picked)
        for missing in (typed_missing, places_missing, kinds_missing, choices_missing,
                        person_lines, year_missing):
            picked += missing(view, per_part, picked, supporting)
        picked += counted_missing(view.parts, per_part, picked, self.lexical,
                                  question.language == "en")
        if question.time == TimeFocus.NEXT:
            picked = upcoming_first(view.parts[0], per_part[0], picked, question.today)
        if not any(AnswerType.DATE in part.types for part in view.parts):
            picked = [c for c in picked if not is_dateline(c.text)] or picked  # says nothing asked
        return picked

    def answerable(self, view: QuestionView, found: list[Candidate],
                   per_part: list[list[Scored]], ignore_fit: bool = False) -> float:
        """`ignore_fit`: as if the question named no place or year (what would answer then?)."""
        return self.probability(gate_row(view, found, per_part, ignore_fit))

    def probability(self, row: list[float]) -> float:
        """The answerable-model's probability for one row of question features."""
        return float(self.model.answerable.probabilities(np.asarray([row]))[0])


def tables_for_lists(parts: list[PartView], found: list[Candidate]) -> list[Candidate]:
    """A whole table answers a list question («Hvilke embeter skal ha fire tilsyn?»), never a
    single fact («Hvor mange skal Vestland ha?»: its row does)."""
    if any(AnswerType.LIST in p.part.answer_types for p in parts):
        return found
    return [c for c in found if not c.table]


def _instead(view: QuestionView, ranked: list[Scored], others: list[Candidate]) -> Candidate:
    """What the refusal quotes instead: the best sentence of the other year's or place's
    documents that holds the kind of fact asked and itself says the rarest word asked
    («Søknadsfrist: 15. april 2023» for a 2024 deadline), else a picked one that says it."""
    documents = {c.evidence.meta.doc_id for c in others}
    main = view.parts[0]
    chosen = next((s.candidate for s in ranked[:INSTEAD_SCAN]
                   if s.candidate.evidence.meta.doc_id in documents and main.types
                   and holds_types(main, s.candidate) and s.feature("rarest")),
                  next((c for c in others if _says_focus(view, c)), others[0]))
    return concluding(view, ranked, chosen)


def _says_focus(view: QuestionView, cand: Candidate) -> bool:
    """The sentence (with its title, headings and label) holds the main part's rarest word,
    and when that is a year, the rarest other word too («søknadsfristen for foreldrestøttende
    tiltak i 2025» is not said by a 2025 sentence of another scheme)."""
    stems = frozenset(tokenize(cand.text + " " + cand.context))
    main = view.parts[0]
    if not main.rarest or not _is_year(main.rarest):
        return not main.rarest or matches(main.rarest, stems) \
            or modifier_said(main.rarest, stems)
    words = [(g, w) for g, w in main.focus if not _is_year(g)]
    return matches(main.rarest, stems) and (
        not words or matches(max(words, key=lambda gw: gw[1])[0], stems))


def _is_year(group: set[str]) -> bool:
    return all(YEAR.fullmatch(stem) for stem in group)
