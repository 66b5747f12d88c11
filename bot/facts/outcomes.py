"""Plans and outcomes: a project description or a call says what was meant to happen, never
how it went; «Nådde de målet?» wants the report's sentences, not the plan's goal restated."""

from __future__ import annotations

from bot.core.question import Question
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.holds import holds_types
from indexer.models import DocType

# Written before a project ran: what they say is a plan, never how it went.
_BEFORE_THE_FACT = frozenset({DocType.PROSJEKTBESKRIVELSE, DocType.UTLYSNING,
                              DocType.RETNINGSLINJE, DocType.INVITASJON})


def planned(cand: Candidate) -> bool:
    """Written before the project ran (a description, a call, a guideline, an invitation)."""
    return cand.evidence.meta.doc_type in _BEFORE_THE_FACT


def only_planned(picked: list[Candidate], named: frozenset[DocType] = frozenset()) -> bool:
    """Every sentence is the plan's, or a report's about other municipalities than the plan's
    («Hvor mange fosterhjem klarte «Fosterhjem i vest» å rekruttere?» answered by the goal and
    by another project's report): nothing says how this project went. A plan of a kind the
    question names («when did the guidelines actually come out?») is what is asked about, and
    answers for itself."""
    if any(c.evidence.meta.doc_type in named for c in picked if planned(c)):
        return False
    plans = [c for c in picked if planned(c)]
    places = {town for c in plans for town in _towns(c)}
    return bool(plans) and all(c in plans or (places and not _towns(c) & places) for c in picked)


def minutes_before(question: Question, picked: list[Candidate]) -> bool:
    """«Hva ble avtalt på fellessamlingen i 2025?» answered only by minutes of 2024 («Det
    holdes én felles samling med Troms-nettverket i 2025»): minutes written before the year
    asked about tell what was planned for it, never what happened then. Asked of a meeting
    (`Question.meeting_held`); what the minutes themselves say («ifølge referatet») they
    answer."""
    span = question.years
    year = span.single if span is not None else None
    return bool(picked and year is not None and year <= question.today.year
                and question.meeting_held
                and DocType.REFERAT not in question.doc_types_cited  # «ifølge referatet»
                and all(c.evidence.meta.doc_type == DocType.REFERAT
                        and (known := c.evidence.meta.known_year) is not None and known < year
                        for c in picked))


def outcomes_first(parts: list[PartView], per_part: list[list[Scored]], supporting: float
                    ) -> list[list[Scored]]:
    """«Nådde de målet?» answered by the plan's goal restated: where a report about the same
    municipalities has a sentence nearly as likely (the `supporting` share), the plan's
    sentences step aside, except those holding what the part also asks and no report sentence
    holds (its leader's name)."""
    out = []
    for part, ranked in zip(parts, per_part, strict=True):
        ranked = _results_before_labels(part, ranked, supporting)
        best = ranked[0] if ranked else None
        if best is None or not part.part.outcome or not planned(best.candidate):
            out.append(ranked)
            continue
        places = _towns(best.candidate)
        reports = [s for s in ranked if not planned(s.candidate) and _towns(s.candidate) & places]
        if not reports or reports[0].probability < supporting * best.probability:
            out.append(ranked)
            continue
        # the plan keeps what only it holds: «85 prosent» is in the report's row too
        kept = bool(part.types) and not any(holds_types(part, s.candidate) for s in reports)
        out.append([s for s in ranked if s in reports
                    or (kept and holds_types(part, s.candidate))])
    return out


def _results_before_labels(part: PartView, ranked: list[Scored], supporting: float
                           ) -> list[Scored]:
    """«Hva fikk de igjen for pengene?» answered by «Prosjektleder: …», «Prosjektperiode: …»:
    a label line states a fact about the project, not what it achieved; where a sentence nearly
    as likely says something, the label lines step aside (unless the part asks a kind of fact,
    a date or a name, that a label line holds)."""
    if not part.part.outcome or part.types or not ranked or not ranked[0].candidate.is_label:
        return ranked
    told = [s for s in ranked if not s.candidate.is_label]
    if not told or told[0].probability < supporting * ranked[0].probability:
        return ranked
    return told


def _towns(cand: Candidate) -> set[str]:
    return {m.current_name for m in cand.evidence.meta.municipalities}
