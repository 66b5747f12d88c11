"""Drafting through the core: one-shot requests, a whole dialog, the eval's draft questions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from bot import drafting
from bot.core.payloads import DraftCancelled, DraftPayload
from bot.drafting.export import MAX_DRAFT_AGE_S, draft_path
from bot.engine import Core
from tests.conftest import SHARED_EVAL
from tests.fakes import converse, draft_of, understood

CALL = "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"
TIME_KLEPP = "2020-04-20_prosjektbeskrivelse_time-klepp_hoykonflikt.md"
HA_TIME = ("Hjelp meg å skrive en prosjektplan for et høykonfliktprosjekt mellom Hå og Time som "
           "skal søke stimuleringsmidler etter utlysningen i Rogaland av 1. mars 2023.")


@pytest.fixture
def ctx(sample_context):  # type: ignore[no-untyped-def]
    return dataclasses.replace(sample_context, today=lambda: dt.date(2023, 3, 20))


@pytest.fixture
def core(ctx):  # type: ignore[no-untyped-def]
    return Core(ctx, routes=[drafting.try_answer])


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split()).lower()


def contains(text: str, item: str) -> bool:
    """The eval's matching rule: substrings, but short items must stand alone."""
    text, item = _norm(text), _norm(item)
    if len(item) > 4:
        return item in text
    return re.search(rf"(?<![\w]){re.escape(item)}(?![\w])", text) is not None


def eval_questions(kind: str) -> list[dict]:  # type: ignore[type-arg]
    if not SHARED_EVAL.exists():
        return []
    rows = [json.loads(line) for line in SHARED_EVAL.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [r for r in rows if r["kind"] == kind]


@pytest.mark.parametrize("case", eval_questions("draft"), ids=lambda c: c["id"])
def test_eval_draft_questions_pass(core, case):
    answer = core.answer(case["question"])
    assert answer.kind == "draft"
    missing = [item for item in case["must_contain"]
               if not any(contains(answer.answer, alt)
                          for alt in (item if isinstance(item, list) else [item]))]
    assert not missing, missing
    assert not any(contains(answer.answer, bad) for bad in case["must_not_contain"])
    cited = {c.source for c in answer.citations}
    assert set(case["sources"]) <= cited


def test_one_shot_request_answers_at_once_with_the_calls_sections(core):
    answer = core.answer(HA_TIME)
    assert answer.kind == "draft" and answer.language == "nb"
    headings = [s.title for s in draft_of(answer).sections]
    assert headings[0] == "Bakgrunn og behov" and headings[-1] == "Evaluering"
    for heading in headings:
        assert f"**{heading}**" in answer.answer
    assert "Kommuner: Hå og Time" in answer.answer
    assert "[mangler:" in answer.answer
    assert "Neste spørsmål:" in answer.answer
    assert draft_of(answer).checklist
    cited = {c.source for c in answer.citations}
    assert {CALL, TIME_KLEPP} <= cited
    assert "«Barnet i midten»" in answer.answer


def test_writing_a_draft_prunes_drafts_a_month_old(core, ctx):
    stale = draft_path(ctx.settings.data_dir, "aaaaaaaaaa")
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"x")
    month_ago = os.path.getmtime(stale) - MAX_DRAFT_AGE_S - 60
    os.utime(stale, (month_ago, month_ago))
    payload = core.answer(HA_TIME).payload
    assert isinstance(payload, DraftPayload)
    written = Path(payload.docx_path or "")
    assert written.exists() and not stale.exists()


def test_final_report_follows_the_county_guideline(core):
    answer = core.answer("Hjelp meg å skrive sluttrapporten for ettervernsprosjektet «Neste "
                         "steg» i Trondheim og Malvik.")
    headings = [s.title for s in draft_of(answer).sections]
    assert headings == ["Sammendrag", "Måloppnåelse", "Gjennomførte tiltak", "Regnskap",
                        "Erfaringer og læring", "Plan for videreføring og implementering"]
    assert "innen 1. mars året etter" in answer.answer
    assert "Fra prosjektbeskrivelsen" in answer.answer  # its own goals and budget as a start
    assert "1 050 000 kr" in answer.answer


def test_english_request_gets_english_labels(core):
    answer = core.answer("Help me write a project plan for a foster care project in Kvam and "
                         "Voss")
    assert answer.language == "en"
    assert "Next question:" in answer.answer and "Checklist against the criteria" in answer.answer


def test_a_question_that_is_no_draft_is_left_to_the_rest_of_the_core(ctx):
    assert drafting.try_answer(understood(ctx, "Hva er søknadsfristen i Rogaland?"), ctx) is None


def dialog(core, messages: list[str]):  # type: ignore[no-untyped-def]
    return converse(core.answer, messages)


def test_complete_dialog_through_the_core_ends_in_a_docx(core):
    answers = dialog(core, [
        HA_TIME,
        "Barn i saker med høy konflikt mellom foreldrene",
        "Hovedmål: barn i høykonfliktsaker blir sett og hørt tidlig",
        "Felles rutine, opplæring og drøftingsteam",
        "Universitetet i Stavanger",
        "Forankret hos barnevernsleder og kommunedirektør; to personer fra hver kommune, én fra "
        "ledelsen",
        "1. august 2023 – 31. juli 2025",
        "Samlet kostnad 500 000 kr, vi søker om 400 000 kr, egenandel 100 000 kr",
        "Kari Nordmann, fagleder i Hå",
    ])
    assert all(a.kind == "draft" for a in answers)
    questions = [draft_of(a).next_field for a in answers[:-1]]
    assert questions == ["target_group", "goals", "measures", "partner", "anchoring", "period",
                         "budget", "contact"]
    final = draft_of(answers[-1])
    assert final.done and final.next_question is None
    assert not any(s.missing for s in final.sections if s.title != "Evaluering")
    statuses = {c.key: c.status for c in final.checklist}
    assert statuses["max_amount"] == "met" and statuses["own_share"] == "met"
    assert "Kari Nordmann" in answers[-1].answer
    docx = Path(final.docx_path or "")
    assert docx.is_file() and docx.parent.name == "drafts"
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Universitetet i Stavanger" in text


def test_budget_above_the_maximum_is_flagged_in_the_dialog(core):
    answers = dialog(core, [HA_TIME, "hopp over", "hopp over", "hopp over", "hopp over",
                            "hopp over", "hopp over", "Vi søker om 600 000 kr", "ferdig"])
    checks = {c.key: c for c in draft_of(answers[-1]).checklist}
    assert checks["max_amount"].status == "conflict"
    assert "⚠️ Inntil 400\u00a0000 kr per prosjekt" in answers[-1].answer  # Babel's NBSP


def test_deadline_passed_is_flagged(sample_context):
    late = dataclasses.replace(sample_context, today=lambda: dt.date(2023, 5, 2))
    answer = drafting.try_answer(understood(late, HA_TIME), late)
    assert answer is not None
    deadline = next(c for c in draft_of(answer).checklist if c.key == "deadline")
    assert deadline.status == "conflict" and "15. april 2023" in deadline.detail


def test_cancel_ends_the_dialog(core):
    answers = dialog(core, [HA_TIME, "avbryt"])
    assert "avbrutt" in answers[-1].answer and isinstance(answers[-1].payload, DraftCancelled)


def test_the_same_dialog_gives_the_same_draft_id(core):
    first = dialog(core, [HA_TIME, "Barn i høykonfliktsaker"])[-1].payload.draft_id
    again = dialog(core, [HA_TIME, "Barn i høykonfliktsaker"])[-1].payload.draft_id
    other = dialog(core, [HA_TIME, "Foreldre"])[-1].payload.draft_id
    assert first == again != other
