"""«Hvor mye fikk de tildelt?» is not answered by what was applied for, nor by a sentence with
no sum of money (questions and sentences written here)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from bot.core.question import AnswerType, Intent, Part, Question
from bot.facts.amounts import (
    asked_kind,
    kind_first,
    kind_unsaid,
    money_unsaid,
    municipal_unsaid,
)
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.gate import Scored
from bot.facts.retrieval import Evidence
from indexer.catalogue.fields import states_money
from indexer.models import Chunk, DocType, DocumentMeta


def _question(text: str, *types: AnswerType) -> Question:
    return Question(text=text, language="nb", intent=Intent.FACT, standalone=text,
                    today=dt.date(2026, 12, 2), parts=(Part(text, types),))


def _sentence(text: str, doc_type: DocType = DocType.PROSJEKTBESKRIVELSE) -> Candidate:
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Prosjekt",
                        doc_type=doc_type)
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    return Candidate(text=text, evidence=Evidence(chunk, meta, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=False, is_item=False, items=0)


@pytest.mark.parametrize(("text", "kind"), [
    ("Hvor mye fikk prosjektet tildelt?", "tildelt"),
    ("Kor mykje fekk dei innvilga?", "tildelt"),
    ("How much did they end up spending according to the final report?", "forbruk"),
    ("Hvor mye søkte de om?", None),  # applied for: left to the answer model
    ("Hvor mye søkte de om, og hvor mye fikk de?", None),  # two kinds: no single one
    ("Hvor stor egenandel la kommunene inn?", "egenandel"),
])  # fmt: skip
def test_the_one_kind_of_amount_asked(text, kind) -> None:  # type: ignore[no-untyped-def]
    assert asked_kind(_question(text, AnswerType.AMOUNT)) == kind


def test_a_budget_asked_of_sentences_stating_no_money_is_unsaid() -> None:
    budget = _question("Hva var budsjettet for fosterhjemsprosjektet i Trondheim?",
                       AnswerType.AMOUNT)
    assert money_unsaid(budget, [_sentence("Andelen plasseringer i slekt økte til 27 prosent.")])
    assert not money_unsaid(budget, [_sentence("Samlet budsjett er 890 000 kr.")])
    share = _question("Hvor stor andel av plasseringene var i slekt?", AnswerType.AMOUNT)
    assert not money_unsaid(share, [_sentence("Andelen økte til 27 prosent.")])  # no money asked


def test_a_question_asking_no_amount_checks_none() -> None:
    assert asked_kind(_question("Hvem fikk tildelt midler?", AnswerType.PERSON)) is None


def test_what_was_applied_for_does_not_say_what_was_granted() -> None:
    assert kind_unsaid("tildelt", [_sentence("Søkt beløp: 500 000 kr")])
    assert kind_unsaid("tildelt", [_sentence("Det søkes om 520 000 kr i stimuleringsmidler.")])


def test_a_sentence_without_money_says_no_amount() -> None:
    assert kind_unsaid("tildelt", [_sentence("Delen skal gå ned frå 33 til under 20 prosent.")])


def test_the_kind_asked_or_an_unread_sum_is_enough() -> None:
    assert not kind_unsaid("tildelt", [_sentence("Prosjektet fikk tildelt 380 000 kr.")])
    # a final report's «stimuleringsmidler» were granted
    assert not kind_unsaid("tildelt", [_sentence("Vi mottok 380 000 kr i stimuleringsmidler.",
                                                 DocType.SLUTTRAPPORT)])
    # a sum whose kind the rules cannot read is left to the answer model
    assert not kind_unsaid("forbruk", [_sentence("Til dette gikk 3.000.000,- i fjor.")])


def test_an_own_share_is_said_by_a_share_of_the_costs_not_by_other_sums() -> None:
    assert kind_unsaid("egenandel", [_sentence("Det er brukt 512 000 kr av en ramme på 560 000 kr.")])
    assert not kind_unsaid("egenandel", [_sentence("Kommunene skal dekke minst 20 prosent.")])
    assert not kind_unsaid("egenandel", [_sentence("Kommunane dekte 180 000 kr som eigeninnsats.")])
    assert not kind_unsaid("egenandel", [_sentence("Arbeidet tar tid.")])  # no sum: the model's


@pytest.mark.parametrize(("text", "money"), [
    ("Søkt beløp: 500 000 kr", True), ("kr 1 200 000", True), ("4,2 mill. kr", True),
    ("brukt 3.000.000,- til stillinger", True), ("33 prosent", False), ("1. mars 2021", False),
])  # fmt: skip
def test_sums_of_money(text, money) -> None:  # type: ignore[no-untyped-def]
    assert states_money(text) is money


@pytest.mark.parametrize(("text", "money"), [
    ("Det er dermed kr 18,24 mill. til fordeling til nye søknader.", True),
    ("Rammen økes til 2,1 mrd. fra 2023.", True),
    ("Prosjektleder i 60 % stilling.", False),
])
def test_millions_written_after_kr_are_money(text, money):
    from indexer.catalogue.fields import states_money

    assert states_money(text) is money


def _ranked(*rows: tuple[str, float]) -> list[Scored]:
    return [Scored(_sentence(text), probability, []) for text, probability in rows]


def _view(text: str) -> PartView:
    return PartView(Part(text, (AnswerType.AMOUNT,)), [], frozenset(), np.zeros(1), [], [],
                    set())


BUDGET_ROW = ("Prosjektleder, 50 % stilling (2019–2020) | 520 000 kr", 0.89)
APPLIED = ("Finansiering: Det søkes om 450 000 kr i stimuleringsmidler.", 0.80)


def test_a_sentence_stating_the_kind_of_amount_asked_comes_first() -> None:
    ranked = kind_first([_view("hvor mye søker de om?")], [_ranked(BUDGET_ROW, APPLIED)], 0.3)
    assert [s.candidate.text for s in ranked[0]] == [APPLIED[0], BUDGET_ROW[0]]


def test_the_kind_asked_must_be_nearly_as_likely_and_asked_at_all() -> None:
    weak = (APPLIED[0], 0.2)
    assert kind_first([_view("hvor mye søker de om?")], [_ranked(BUDGET_ROW, weak)], 0.3)[0][0] \
        .candidate.text == BUDGET_ROW[0]
    # «Hvor mye koster det?» names no kind: the ranking stands
    assert kind_first([_view("Hvor mye koster det?")], [_ranked(BUDGET_ROW, APPLIED)], 0.3)[0][0] \
        .candidate.text == BUDGET_ROW[0]


def test_each_kind_of_sum_a_part_names_takes_a_sentence_stating_it() -> None:
    from bot.facts.amounts import kinds_missing
    from bot.facts.features import QuestionView

    text = "Fikk de det de søkte om?"
    part = PartView(Part(text, (AnswerType.YESNO, AnswerType.AMOUNT)), [], frozenset(),
                    np.zeros(1), [], [], set())
    view = QuestionView(_question(text, AnswerType.YESNO, AnswerType.AMOUNT), np.zeros(1),
                        [part], [], [], 0.0)
    granted = ("Prosjektet søkte om 420 000 kr og fikk tildelt 380 000 kr.", 0.3)
    ranked = _ranked(("Søkt beløp: 420 000 kr", 0.9), BUDGET_ROW, granted)
    picked = [ranked[0].candidate]
    assert [c.text for c in kinds_missing(view, [ranked], picked, 0.3)] == [granted[0]]
    assert kinds_missing(view, [ranked], [ranked[2].candidate], 0.3) == []  # both said


def test_the_one_kind_a_later_part_asks_is_found_beside_the_other_parts_answers() -> None:
    """«Hvem ledet prosjektet, og hvor mye skulle kommunene legge inn selv?»: the own share,
    however far down its part's ranking, comes along with the leader's sentence."""
    from bot.facts.amounts import kinds_missing
    from bot.facts.features import QuestionView

    text = "Hvem ledet prosjektet, og hvor mye skulle kommunene legge inn selv?"
    who = PartView(Part("Hvem ledet prosjektet", (AnswerType.PERSON,)), [], frozenset(),
                   np.zeros(1), [], [], set())
    own = PartView(Part("og hvor mye skulle kommunene legge inn selv?", (AnswerType.AMOUNT,)), [],
                   frozenset(), np.zeros(1), [], [], set())
    view = QuestionView(_question(text, AnswerType.PERSON, AnswerType.AMOUNT), np.zeros(1),
                        [who, own], [], [], 0.0)
    share = ("Kommunene dekker 330 000 kr som egenandel, fordelt etter folketall.", 0.2)
    ranked = _ranked(("Prosjektleder: Solveig Hjelmås Tveit", 0.9), BUDGET_ROW, share)
    picked = [ranked[0].candidate, ranked[1].candidate]
    assert [c.text for c in kinds_missing(view, [ranked, ranked], picked, 0.3)] == [share[0]]
    alone = QuestionView(_question(own.part.text, AnswerType.AMOUNT), np.zeros(1), [own], [], [],
                         0.0)
    assert kinds_missing(alone, [ranked], picked, 0.3) == []  # its own ranking's to find


def test_beside_two_sums_of_money_every_other_kind_named_takes_its_sentence() -> None:
    """«Hvor mye søkte de, hvor mye fikk de, og hvor stor var egenandelen?» in one part: the
    own share named beside the two sums of money is asked as much as they are, so its
    sentence comes along too (decided on 2026-12-05, after 437d146 made it so)."""
    from bot.facts.amounts import kinds_missing
    from bot.facts.features import QuestionView

    text = "Hvor mye søkte de, hvor mye fikk de, og hvor stor var egenandelen?"
    part = PartView(Part(text, (AnswerType.AMOUNT,)), [], frozenset(), np.zeros(1), [], [],
                    set())
    view = QuestionView(_question(text, AnswerType.AMOUNT), np.zeros(1), [part], [], [], 0.0)
    granted = ("Prosjektet søkte om 420 000 kr og fikk tildelt 380 000 kr.", 0.9)
    share = ("Kommunene dekker 330 000 kr som egenandel, fordelt etter folketall.", 0.2)
    ranked = _ranked(granted, BUDGET_ROW, share)
    added = kinds_missing(view, [ranked], [ranked[0].candidate], 0.3)
    assert [c.text for c in added] == [share[0]]


def test_a_municipalitys_money_from_the_state_is_no_projects_grant() -> None:
    """«Hvor mye økt rammetilskudd fikk Holmestrand?» is not answered by what Holmestrand's
    project was granted; a sentence naming the block grant may answer it, and a question
    asking why the grant was small is no sum asked."""
    asked = dataclasses.replace(_question("Hvor mye økt rammetilskudd fikk Holmestrand?",
                                          AnswerType.AMOUNT), municipal_money=True)
    granted = _sentence("Prosjektet fikk tildelt 380 000 kr i stimuleringsmidler.")
    assert municipal_unsaid(asked, [granted])
    stated = _sentence("Kommunene får 1,3 mrd. kroner gjennom rammetilskuddet i 2022.")
    assert not municipal_unsaid(asked, [stated])
    why = dataclasses.replace(_question("Hvorfor er innlemmingen i rammetilskuddet bare 1,3 mrd?",
                                        AnswerType.REASON, AnswerType.AMOUNT), municipal_money=True)
    assert not municipal_unsaid(why, [granted])
