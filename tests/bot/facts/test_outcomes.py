"""«Nådde de målet?» is answered from what came of the project, not from the plan's goal
restated, when a report about the same municipalities is in hand (sentences written here)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from bot.core.question import AnswerType, Part
from bot.core.understand import Kit, understand
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.outcomes import minutes_before, outcomes_first
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType, DocumentMeta, MunicipalityMention

SUPPORTING = 0.3


def _town(name: str) -> MunicipalityMention:
    return MunicipalityMention(name=name, kommunenummer="0", county="X", current_numbers=["0"],
                               current_name=name, current_county="X")


def _scored(text: str, probability: float, doc_type: DocType, *towns: str,
            label: bool = False) -> Scored:
    doc = f"{doc_type.value}-{'-'.join(towns)}"
    meta = DocumentMeta(doc_id=doc, source=f"{doc}.md", path=f"{doc}.md", title=doc,
                        doc_type=doc_type, municipalities=[_town(t) for t in towns])
    chunk = Chunk(chunk_id=f"{doc}:0", doc_id=doc, position=0, text=text, start=0,
                  end=len(text))
    cand = Candidate(text=text, evidence=Evidence(chunk, meta, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=label, is_item=False, items=0)
    return Scored(cand, probability, [])


def _part(text: str, *types: AnswerType, outcome: bool = True) -> PartView:
    return PartView(Part(text, types, outcome=outcome), [], frozenset(), np.zeros(1),
                    [t.value for t in types], [], set())


PLAN = _scored("Alle saksbehandlere skal ha opplæring i samtalemetodikk.", 0.96,
               DocType.PROSJEKTBESKRIVELSE, "Holmestrand", "Sande")
LEADER = _scored("Prosjektleder: Kari Nordmann, barneverntjenesten i Holmestrand", 0.7,
                 DocType.PROSJEKTBESKRIVELSE, "Holmestrand", "Sande")
REPORT = _scored("Alle saksbehandlere gjennomført opplæring | Delvis nådd: 21 av 24", 0.88,
                 DocType.SLUTTRAPPORT, "Holmestrand")
ELSEWHERE = _scored("Målet om 85 prosent ble nådd.", 0.9, DocType.SLUTTRAPPORT, "Valdres")


def test_the_report_of_the_same_place_answers_instead_of_the_plan() -> None:
    ranked = outcomes_first([_part("Nådde de målet?")], [[PLAN, REPORT]], SUPPORTING)
    assert ranked == [[REPORT]]


def test_a_report_of_another_place_does_not_replace_the_plan() -> None:
    # the plan's own project has no report: the refusal then says what was planned
    ranked = outcomes_first([_part("Nådde de målet?")], [[PLAN, ELSEWHERE]], SUPPORTING)
    assert ranked == [[PLAN, ELSEWHERE]]


def test_a_report_far_less_likely_than_the_plan_does_not_replace_it() -> None:
    weak = Scored(REPORT.candidate, 0.2, [])
    assert outcomes_first([_part("Nådde de målet?")], [[PLAN, weak]], SUPPORTING) == \
        [[PLAN, weak]]


def test_the_plan_still_answers_what_else_the_part_asks() -> None:
    part = _part("Hvem ledet prosjektet, og klarte de målet?", AnswerType.PERSON)
    assert outcomes_first([part], [[PLAN, REPORT, LEADER]], SUPPORTING) == [[REPORT, LEADER]]


def test_a_part_not_asking_how_it_went_keeps_the_plan() -> None:
    parts = [_part("Hvem ledet prosjektet?", AnswerType.PERSON, outcome=False),
             _part("Nådde de målet?")]
    ranked = outcomes_first(parts, [[LEADER, REPORT], [PLAN, REPORT]], SUPPORTING)
    assert ranked == [[LEADER, REPORT], [REPORT]]


def test_a_plan_beside_another_projects_report_says_nothing_of_how_it_went() -> None:
    from bot.facts.outcomes import only_planned

    assert only_planned([PLAN.candidate, ELSEWHERE.candidate])  # Valdres's report, not theirs
    assert not only_planned([PLAN.candidate, REPORT.candidate])  # Holmestrand's own report
    assert not only_planned([ELSEWHERE.candidate])  # no plan: a report answers for itself


def test_a_plan_of_the_kind_the_question_names_answers_for_itself() -> None:
    from bot.facts.outcomes import only_planned

    guideline = _scored("Retningslinjene ble etterspurt på nettverkssamlingen 26. oktober 2021.",
                        0.9, DocType.RETNINGSLINJE)
    # «When did the guidelines actually come out?» asks of the guideline, not of a project
    assert not only_planned([guideline.candidate], frozenset({DocType.RETNINGSLINJE}))
    assert only_planned([guideline.candidate])
    assert only_planned([PLAN.candidate], frozenset({DocType.RETNINGSLINJE}))


def test_the_plan_steps_aside_when_a_report_holds_the_figure_asked_too() -> None:
    goal = _scored("Minst 85 prosent av undersøkelsene skal ha samtale med barnet alene.", 0.95,
                   DocType.PROSJEKTBESKRIVELSE, "Holmestrand", "Sande")
    row = _scored("Minst 85 prosent med samtale med barnet alene | Nådd: 89 prosent (2020)", 0.93,
                  DocType.SLUTTRAPPORT, "Holmestrand")
    part = _part("nådde de målet om 85 prosent?", AnswerType.AMOUNT)
    assert outcomes_first([part], [[goal, row]], SUPPORTING) == [[row]]


PERIOD = _scored("Prosjektperiode: 1. januar 2022 – 30. juni 2024", 0.93, DocType.SLUTTRAPPORT,
                 "Rana", label=True)
DONE = _scored("14 foreldregrupper ble gjennomført med 97 foreldre.", 0.8, DocType.SLUTTRAPPORT,
               "Rana")


def test_what_the_money_bought_is_told_by_a_sentence_not_a_label_line() -> None:
    # «Hva fikk de igjen for pengene?»: «Prosjektperiode: …» says nothing of what came of it
    assert outcomes_first([_part("Hva fikk de igjen for pengene?")], [[PERIOD, DONE]],
                          SUPPORTING) == [[DONE]]


def test_a_label_line_still_answers_what_it_holds_or_what_no_sentence_comes_near() -> None:
    asks_when = _part("Når var prosjektet ferdig, og nådde de målet?", AnswerType.DATE)
    assert outcomes_first([asks_when], [[PERIOD, DONE]], SUPPORTING) == [[PERIOD, DONE]]
    faint = Scored(DONE.candidate, 0.1, [])
    assert outcomes_first([_part("Nådde de målet?")], [[PERIOD, faint]], SUPPORTING) == \
        [[PERIOD, faint]]
    not_asked = _part("Hvem ledet prosjektet?", outcome=False)
    assert outcomes_first([not_asked], [[PERIOD, DONE]], SUPPORTING) == [[PERIOD, DONE]]


def _dated(text: str, doc_type: DocType, on: dt.date) -> Candidate:
    cand = _scored(text, 0.9, doc_type).candidate
    return dataclasses.replace(cand, evidence=dataclasses.replace(
        cand.evidence, meta=cand.evidence.meta.model_copy(update={"date": on})))


def test_minutes_written_before_the_year_asked_tell_only_what_was_planned_for_it(gazetteer):
    kit = Kit(gazetteer)
    plan = _dated("Det holdes én felles samling med Troms-nettverket i 2025.", DocType.REFERAT,
                  dt.date(2024, 4, 23))
    asked = understand("Hva ble avtalt på fellessamlingen i 2025?", [], kit)
    assert minutes_before(asked, [plan])
    same_year = _dated("Vedtak: Nettverket lager en felles kampanje.", DocType.REFERAT,
                       dt.date(2025, 3, 1))
    assert not minutes_before(asked, [same_year])
    ahead = understand("Hva skal avtales på fellessamlingen i 2025?", [], kit)  # not past
    assert not minutes_before(ahead, [plan])
