"""Rules read from the sample calls and guidelines, and the checklist built on them."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.cite import CitationBook
from bot.drafting.criteria import checklist, report_due
from bot.drafting.dialog import DraftState
from bot.drafting.facts import derive_facts
from bot.drafting.grounding import SourceDoc, ground, load
from bot.drafting.rules import extract_rules
from bot.drafting.selection import select_rules
from indexer.models import DocType

CALL = "2023-03-01_utlysning_rogaland_stimuleringsmidler.md"
TRONDELAG = "2022-01-10_retningslinje_trondelag_stimuleringsmidler.md"
BUFDIR = "002_2c082c72471b777c.txt"


def doc(ctx, source: str) -> SourceDoc:  # type: ignore[no-untyped-def]
    meta = next(m for m in ctx.store.documents() if m.source == source)
    return load(ctx.store, meta)


def by_kind(rules):  # type: ignore[no-untyped-def]
    return {r.kind: r for r in rules}


def test_call_rules_are_read_from_its_text(sample_context):
    rules = by_kind(doc(sample_context, CALL).rules)
    assert rules["sections"].items == (
        "Bakgrunn og behov", "Mål og målgruppe", "Tiltak og aktiviteter med fremdriftsplan",
        "Organisering og forankring", "Samarbeid med kompetansemiljø",
        "Budsjett og finansiering", "Evaluering")
    assert rules["sections"].scope == "plan"
    assert rules["min_municipalities"].value == 2
    assert rules["own_share"].value == 20
    assert rules["max_period"].value == 2
    assert rules["max_amount"].value == 400_000
    assert rules["deadline"].date == dt.date(2023, 4, 15)
    assert rules["max_pages"].value == 8 and rules["max_pages"].scope == "plan"
    assert "kommunedirektør" in rules["anchoring"].text
    assert rules["competence_exempt"].theme == "fosterhjem"


def test_guideline_gives_the_report_outline_and_deadline(sample_context):
    rules = by_kind(doc(sample_context, TRONDELAG).rules)
    assert rules["sections"].scope == "report"
    assert rules["sections"].items == (
        "Sammendrag", "Måloppnåelse", "Gjennomførte tiltak", "Regnskap", "Erfaringer og læring",
        "Plan for videreføring og implementering")
    assert "innen 1. mars året etter" in rules["report_deadline"].text
    assert rules["max_pages"].value == 10 and rules["max_pages"].scope == "report"
    assert rules["own_share"].value == 25
    assert "max_amount" not in rules  # "utstyr over 20 000 kr" is no maximum per project


def test_bufdir_guidelines_give_the_general_rules(sample_context):
    rules = doc(sample_context, BUFDIR).rules
    kinds = {r.kind for r in rules}
    assert {"participants", "anchoring", "competence", "competence_exempt"} <= kinds
    exempt = next(r for r in rules if r.kind == "competence_exempt")
    assert exempt.theme == "fosterhjem"


def test_rules_are_generic_not_tied_to_one_call():
    text = ("## Krav til søknaden\n\nSøknaden skal inneholde følgende punkter:\n\n- Innledning\n"
            "- Mål\n- Økonomi\n\nProsjektet må omfatte minst tre kommuner. Det kan søkes om "
            "maksimalt 250 000 kr per prosjekt. Søknadsfrist er 1. oktober 2025.\n")
    rules = by_kind(extract_rules(text, DocType.UTLYSNING))
    assert rules["sections"].items == ("Innledning", "Mål", "Økonomi")
    assert rules["min_municipalities"].value == 3
    assert rules["max_amount"].value == 250_000
    assert rules["deadline"].date == dt.date(2025, 10, 1)


def test_report_due_dates():
    end = dt.date(2023, 2, 28)
    assert report_due("innen 1. mars året etter at prosjektet er avsluttet", end) == dt.date(
        2024, 3, 1)
    assert report_due("senest tre måneder etter prosjektslutt", end) == dt.date(2023, 5, 28)
    assert report_due("så snart som mulig", end) is None


def state(opening: str, kind: str = "plan", **answers: str) -> DraftState:
    hints = {"county": "Rogaland", "call_date": "2023-03-01"}
    return DraftState(kind=kind, language="nb", opening=opening, answers=answers,  # type: ignore[arg-type]
                      hints=hints)


def check(ctx, draft_state: DraftState, today=dt.date(2023, 3, 20)):  # type: ignore[no-untyped-def]
    facts = derive_facts(draft_state, ctx.gazetteer)
    grounding = ground(facts, draft_state.kind, ctx.store, ctx.gazetteer)
    book = CitationBook()
    items = checklist(facts, grounding, draft_state.kind, today, "nb", book, 900)
    return {i.key: i for i in items}, book


def test_complete_plan_meets_every_criterion(sample_context):
    items, book = check(sample_context, state(
        "høykonflikt", municipalities="Hå og Time", theme="høykonflikt",
        partner="Universitetet i Stavanger", period="1. august 2023 – 31. juli 2025",
        anchoring="Forankret hos barnevernsleder og kommunedirektør; to personer fra hver "
                  "kommune, én fra ledelsen",
        budget="Samlet kostnad 500 000 kr, vi søker om 400 000 kr, egenandel 100 000 kr"))
    assert {k: i.status for k, i in items.items()} == {k: "met" for k in items}
    assert set(items) >= {"min_municipalities", "anchoring", "competence", "own_share",
                          "max_amount", "max_period", "deadline", "max_pages"}
    cited = {book.citations[n - 1].source for i in items.values() for n in i.citations}
    assert CALL in cited


def test_each_broken_criterion_is_a_conflict_citing_its_rule(sample_context):
    items, book = check(sample_context, state(
        "høykonflikt", municipalities="Hå", theme="høykonflikt", partner="Ingen",
        period="2023–2026", anchoring="Prosjektet er ikke forankret ennå",
        budget="Samlet 600 000 kr, vi søker om 550 000 kr, egenandel 50 000 kr"),
        today=dt.date(2023, 5, 1))
    for key in ("min_municipalities", "anchoring", "competence", "own_share", "max_amount",
                "max_period", "deadline"):
        assert items[key].status == "conflict", key
        first = book.citations[items[key].citations[0] - 1]
        assert first.source == CALL and first.snippet == items[key].rule
    assert "550\u00a0000" in items["max_amount"].detail


def test_nothing_told_is_missing_not_met(sample_context):
    items, _ = check(sample_context, state("høykonflikt", theme="høykonflikt"))
    for key in ("min_municipalities", "anchoring", "competence", "own_share", "max_amount",
                "max_period"):
        assert items[key].status == "missing", key


def test_foster_care_projects_need_no_competence_partner(sample_context):
    items, book = check(sample_context, state("fosterhjem", municipalities="Hå og Time",
                                              theme="fosterhjem"))
    assert items["competence"].status == "met"
    sources = [book.citations[n - 1].snippet for n in items["competence"].citations]
    assert any("ikke et krav" in s for s in sources)


@pytest.mark.parametrize(("end", "status"), [("28. februar 2023", "met"),
                                             ("28. februar 2022", "conflict")])
def test_final_report_deadline_from_the_project_end(sample_context, end, status):
    report = DraftState(kind="report", language="nb", opening="sluttrapport",
                        answers={"municipalities": "Trondheim og Malvik", "theme": "ettervern",
                                 "period": f"1. mars 2021 – {end}"})
    items, _ = check(sample_context, report, today=dt.date(2023, 6, 1))
    assert items["report_deadline"].status == status
    assert "1. mars" in items["report_deadline"].detail


def test_newest_call_for_the_county_governs(sample_context):
    facts = derive_facts(state("x", municipalities="Hå og Time"), sample_context.gazetteer)
    grounding = ground(facts, "plan", sample_context.store, sample_context.gazetteer)
    assert grounding.call is not None and grounding.call.meta.source == CALL
    rules = select_rules(grounding, "plan", 2023)
    assert rules["sections"].doc.meta.source == CALL
    assert rules["participants"].doc.meta.source == BUFDIR  # only Bufdir says it


NEWER_CALL = """# Utlysning av stimuleringsmidler 2024 – læringsnettverk for barnevern i Rogaland

---
type: utlysning
dato: 2024-02-01
fylke: Rogaland
---

Statsforvalteren i Rogaland lyser ut stimuleringsmidler for 2024.

## Kriterier

Prosjektet må være et samarbeid mellom minst tre kommuner. Det kan søkes om inntil 500 000 kr
per prosjekt.

## Krav til prosjektplanen

Prosjektplanen skal ha følgende deler:

1. Behov
2. Mål
3. Gjennomføring

Søknadsfrist: 15. april 2024.
"""


@pytest.fixture
def newer_call_context(settings, corpus, gazetteer):  # type: ignore[no-untyped-def]
    from bot.core.context import CoreContext
    from indexer.ingest.pipeline import index_paths
    from indexer.wiring import open_store
    from tests.fakes import FakeEmbeddings, fake_index_deps

    (corpus / "2024-02-01_utlysning_rogaland.md").write_text(NEWER_CALL, encoding="utf-8")
    embeddings = FakeEmbeddings()
    assert not index_paths([corpus], fake_index_deps(settings, gazetteer, embeddings)).errors
    return CoreContext(settings=settings, store=open_store(settings), embeddings=embeddings,
                       gazetteer=gazetteer)


def test_the_newest_call_governs_unless_the_applicant_names_one(newer_call_context):
    ctx = newer_call_context
    plain = DraftState(kind="plan", language="nb", opening="x",
                       answers={"municipalities": "Hå og Time"})
    facts = derive_facts(plain, ctx.gazetteer)
    rules = select_rules(ground(facts, "plan", ctx.store, ctx.gazetteer), "plan", 2024)
    assert rules["sections"].rule.items == ("Behov", "Mål", "Gjennomføring")
    assert rules["max_amount"].rule.value == 500_000
    assert rules["min_municipalities"].rule.value == 3
    named = derive_facts(state("x", municipalities="Hå og Time"), ctx.gazetteer)  # 1. mars 2023
    rules = select_rules(ground(named, "plan", ctx.store, ctx.gazetteer), "plan", 2023)
    assert rules["sections"].doc.meta.source == CALL
    assert rules["max_amount"].rule.value == 400_000


def test_a_plain_no_to_anchoring_is_a_conflict(sample_context):
    items, _ = check(sample_context, state("x", municipalities="Hå og Time", anchoring="Nei"))
    assert items["anchoring"].status == "conflict"


def vestland_foster_care(**answers: str) -> DraftState:
    """A foster-care plan in Vestland: no call there, so Bufdir's guidelines govern."""
    return DraftState(kind="plan", language="nb", opening="fosterhjem i Kvam og Voss",
                      answers={"municipalities": "Kvam og Voss", "theme": "fosterhjem",
                               **answers})


def test_a_rule_tied_to_a_year_knows_its_year(sample_context):
    bufdir = by_kind(doc(sample_context, BUFDIR).rules)
    assert bufdir["competence_exempt"].year == 2019
    assert bufdir["competence"].year is None
    call = by_kind(doc(sample_context, CALL).rules)
    assert call["max_amount"].year == 2023  # «… per prosjekt for 2023»
    assert call["deadline"].year is None  # a deadline's own date says when


def test_the_2019_exemption_does_not_excuse_a_later_project(sample_context):
    items, book = check(sample_context, vestland_foster_care(), today=dt.date(2024, 9, 1))
    competence = items["competence"]
    assert competence.status == "missing"
    assert "Ikke et krav" not in competence.detail
    assert "gjaldt bare 2019" in competence.detail
    assert competence.rule.startswith("Nettverket skal samarbeide")
    cited = [book.citations[n - 1].snippet for n in competence.citations]
    assert any("i 2019" in s for s in cited)  # the lapsed exemption is cited, not hidden


def test_in_2019_the_exemption_holds_and_says_its_year(sample_context):
    items, _ = check(sample_context, vestland_foster_care(), today=dt.date(2019, 5, 1))
    competence = items["competence"]
    assert competence.status == "met" and "Ikke et krav" in competence.detail
    assert competence.label.endswith("(gjelder 2019)")
    assert "i 2019" in competence.rule


def test_the_checklist_never_says_both_required_and_not_required(sample_context):
    for today in (dt.date(2019, 5, 1), dt.date(2024, 9, 1)):
        items, _ = check(sample_context, vestland_foster_care(), today=today)
        competence = items["competence"]
        exempt = "ikke et krav" in f"{competence.detail} {competence.rule}".lower()
        required = competence.status != "met"
        assert exempt != required, (today, competence)


def test_every_item_names_where_and_when_its_rule_comes_from(sample_context):
    items, _ = check(sample_context, state("høykonflikt", municipalities="Hå og Time"))
    assert items["max_amount"].label.endswith("(gjelder 2023)")
    assert items["own_share"].label.endswith("(utlysning 2023)")
    assert items["participants"].label == "To deltakere per kommune, én fra ledelsen"  # undated


def test_the_year_of_a_draft_is_its_period_then_its_call_then_today():
    from bot.drafting.facts import Facts
    from bot.drafting.parsing import parse_period
    from bot.drafting.selection import draft_year

    today = dt.date(2025, 6, 1)
    assert draft_year(Facts(), today) == 2025
    assert draft_year(Facts(call_date=dt.date(2023, 3, 1)), today) == 2023
    period = parse_period("1. august 2026 – 31. juli 2028")
    assert draft_year(Facts(period=period, call_date=dt.date(2023, 3, 1)), today) == 2026
