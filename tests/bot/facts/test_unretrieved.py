"""What the best source states that retrieval missed: an inspection report's conclusion for a
yes/no question, and the person in the role a part asks."""

from __future__ import annotations

import datetime as dt

from bot.core.question import AnswerType, Intent, Part, Question
from bot.facts.retrieval import Evidence
from bot.facts.unretrieved import with_conclusion, with_role_holder
from indexer.models import Chunk, DocType, DocumentMeta

REPORT = DocumentMeta(doc_id="r", source="r.md", path="r.md", title="Tilsyn",
                      doc_type=DocType.TILSYNSRAPPORT)
PLAN = REPORT.model_copy(update={"doc_id": "p", "doc_type": DocType.PROSJEKTBESKRIVELSE})


def chunk(doc: str, position: int, text: str) -> Chunk:
    return Chunk(chunk_id=f"{doc}:{position}", doc_id=doc, position=position, text=text,
                 start=0, end=len(text))


VISIT = chunk("r", 0, "Statsforvalteren besøkte barneverntjenesten 19. og 20. april 2023.")
VERDICT = chunk("r", 1, "## Konklusjon\n\nDet ble ikke funnet lovbrudd under tilsynet.")
TOPIC = chunk("r", 2, "Tilsynet gjaldt oppfølgingen av barn i fosterhjem.")


def question(*kinds: AnswerType, role: str = "") -> Question:
    return Question(text="?", language="nb", intent=Intent.FACT, standalone="?",
                    today=dt.date(2026, 12, 5), parts=(Part("?", kinds, role=role),))


def report_chunks(doc_id: str) -> list[Chunk]:
    return [VISIT, VERDICT, TOPIC] if doc_id == "r" else []


def test_the_conclusion_comes_right_after_the_report_with_the_weakest_score():
    evidence = [Evidence(VISIT, REPORT, 0.04, 0.8), Evidence(TOPIC, REPORT, 0.03, 0.7),
                Evidence(chunk("p", 0, "Prosjektet"), PLAN, 0.02, 0.6)]
    found = with_conclusion(question(AnswerType.YESNO), evidence, report_chunks)
    assert [e.chunk.chunk_id for e in found] == ["r:0", "r:1", "r:2", "p:0"]
    assert found[1].score == 0.02


def test_nothing_is_added_when_retrieved_when_not_yes_no_or_the_best_is_no_report():
    held = [Evidence(VISIT, REPORT, 0.04, 0.8), Evidence(VERDICT, REPORT, 0.03, 0.7)]
    assert with_conclusion(question(AnswerType.YESNO), held, report_chunks) == held
    visit = [Evidence(VISIT, REPORT, 0.04, 0.8)]
    assert with_conclusion(question(AnswerType.DATE), visit, report_chunks) == visit
    plan = [Evidence(chunk("p", 0, "Prosjektet"), PLAN, 0.04, 0.8)]
    assert with_conclusion(question(AnswerType.YESNO), plan, report_chunks) == plan


def test_a_conclusion_asked_is_fetched_from_the_report_below_the_guide_it_follows():
    """«Hva konkluderte tilsynet i Holmestrand?»: the national guide ranks first, the report
    second; its conclusion comes after the best source, carrying the report's own metadata."""
    guide = REPORT.model_copy(update={"doc_id": "g", "doc_type": DocType.RETNINGSLINJE})
    asked = Question(text="Hva konkluderte tilsynet?", language="nb", intent=Intent.FACT,
                     standalone="Hva konkluderte tilsynet?", today=dt.date(2026, 12, 5),
                     parts=(Part("Hva konkluderte tilsynet?", ()),))
    evidence = [Evidence(chunk("g", 0, "Metode for tilsynet"), guide, 0.05, 0.9),
                Evidence(VISIT, REPORT, 0.04, 0.8)]
    found = with_conclusion(asked, evidence, report_chunks)
    assert [(e.chunk.chunk_id, e.meta.doc_id) for e in found] == [
        ("g:0", "g"), ("r:1", "r"), ("r:0", "r")]


FINAL = REPORT.model_copy(update={"doc_id": "f", "doc_type": DocType.SLUTTRAPPORT})
HEAD = chunk("f", 0, "# Sluttrapport\n\nProsjektleder: Jørn Are Pettersen, ettervernskoordinator")
SUMMARY = chunk("f", 1, "## Sammendrag\n\nProsjektet har prøvd ut en felles koordinator.")


def final_chunks(doc_id: str) -> list[Chunk]:
    return [HEAD, SUMMARY] if doc_id == "f" else []


def test_the_chunk_naming_the_role_asked_comes_after_the_best_source():
    evidence = [Evidence(SUMMARY, FINAL, 0.04, 0.8), Evidence(VISIT, REPORT, 0.03, 0.7)]
    led = question(AnswerType.PERSON, role="prosjektleder")
    assert [e.chunk.chunk_id for e in with_role_holder(led, evidence, final_chunks)] == [
        "f:1", "f:0", "r:0"]
    assert with_role_holder(question(AnswerType.PERSON), evidence, final_chunks) == evidence
    held = [Evidence(HEAD, FINAL, 0.04, 0.8)]
    assert with_role_holder(led, held, final_chunks) == held
