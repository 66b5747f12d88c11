"""What became of a municipality, and what today's was made of, from SSB's history: answered
in the asker's language, cited to SSB's classification (questions written here)."""

from __future__ import annotations

import pytest

from bot.core.understand.history import asks_history
from bot.places import SSB_SOURCE, history, try_answer
from tests.fakes import understood


@pytest.mark.parametrize("text", [
    "Tysfjord fins jo ikke lenger – hvilke kommuner gikk den inn i?",
    "I referatet står det Alver. Hvilke gamle kommuner ble den slått sammen av?",
    "Hvilket kommunenummer fikk den nye kommunen Øygarden?",
    "Kva heiter Radøy i dag?",
    "What is Radøy called today?",
    "Hvilken kommune er Søgne en del av nå?",
    "Which municipality is Leikanger part of today?",
    "Fjell var vertskommune i 2019. Hvilken kommune hører Fjell til i dag, og hva er "
    "kommunenummeret?",
    "Which municipality does Radøy belong to now?",
    "Which county is Kongsberg in today?",
    "Hva het Alver før?",
    "hvilke tidligere kommuner er en del av dagens kristiansand",
])  # fmt: skip
def test_a_municipalitys_history_is_asked(text) -> None:  # type: ignore[no-untyped-def]
    assert asks_history(text)


@pytest.mark.parametrize("text", [
    "Hva heter barnevernlederen i Kvam?",  # a person's name
    "Hvilke prosjekter har Søgne hatt etter sammenslåingen?",  # projects
    "Hva heter Søgne i dag, og hvilket prosjekt hadde de?",  # one part asks of a project
    "Hvilke prosjekter hører til Kristiansand i dag?",  # projects
    "Which municipalities did the county governor inspect in 2019 that Leikanger was part of?",
])  # fmt: skip
def test_other_questions_naming_mergers_ask_no_history(text) -> None:  # type: ignore[no-untyped-def]
    assert not asks_history(text)


def test_a_former_municipality_split_or_merged_and_a_formed_one(gazetteer) -> None:  # type: ignore[no-untyped-def]
    split, _ = history("Tysfjord", ("1850",), gazetteer, "nb") or ("", [])
    assert split == ("Tysfjord (1850, Nordland) ble delt fra 1. januar 2020 mellom Narvik "
                     "(1806) og Hamarøy (1875).")
    merged, rows = history("Radøy", ("1260",), gazetteer, "en") or ("", [])
    assert merged.startswith("Radøy (1260, Hordaland) merged with Lindås and Meland into "
                             "Alver (4631)")
    assert rows[0].startswith("1260 Radøy (Hordaland)")
    formed, _ = history("Alver", ("4631",), gazetteer, "nn") or ("", [])
    assert formed == "Alver (4631, Vestland) vart oppretta 1. januar 2020 av Lindås, Meland og Radøy."


def test_a_renumbered_municipality_is_said_not_to_have_merged(gazetteer) -> None:  # type: ignore[no-untyped-def]
    sentence, _ = history("Kvam", ("1238", "4622"), gazetteer, "nb") or ("", [])
    assert "ikke slått sammen" in sentence and "1238 (Hordaland)" in sentence


def test_the_answer_cites_ssb(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(sample_context, "Hva heter Fjell kommune i dag?"),
                        sample_context)
    assert answer is not None and "Øygarden (4626)" in answer.answer
    assert [c.source for c in answer.citations] == [SSB_SOURCE]
    assert answer.citations[0].url and "klass" in answer.citations[0].url
    assert try_answer(understood(sample_context, "Hvem ledet prosjektet i Fjell?"),
                      sample_context) is None


def test_a_history_part_beside_another_is_answered_from_ssb_after_the_facts(sample_context
                                                                            ) -> None:  # type: ignore[no-untyped-def]
    from bot.core.models import Answer, AnswerSentence
    from bot.places import with_history

    q = understood(sample_context, "Hvem ledet prosjektet i Fjell, og hva heter Fjell i dag?")
    assert q.history_asked and not q.place_history
    from bot.core.citation import Citation

    facts = Answer(question=q.text, answer="Prosjektleder: Bård Tyldum [1]",
                   sentences=[AnswerSentence(text="Prosjektleder: Bård Tyldum", citations=[1])],
                   citations=[Citation(n=1, source="plan.md", title="Plan", snippet="…")])
    both = with_history(q, facts, sample_context)
    assert both.answer.startswith("Prosjektleder: Bård Tyldum [1] ") and "Øygarden" in both.answer
    assert both.citations[-1].n == 2 and both.citations[-1].source == SSB_SOURCE
    refused = Answer(question=q.text, answer="Jeg finner ikke svar.", refused=True,
                     kind="refusal")
    assert "Øygarden" in with_history(q, refused, sample_context).answer
    alone = understood(sample_context, "Hvem ledet prosjektet i Fjell?")
    assert with_history(alone, facts, sample_context) is facts


def test_a_places_history_is_followed_by_its_projects_under_any_name(sample_context) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Core

    answer = Core(sample_context).answer("Hva heter Fjell kommune i dag?")
    sources = [c.source for c in answer.citations]
    assert answer.answer.startswith("Fjell (1246") and sources[0] == SSB_SOURCE
    assert "Fosterhjem i vest" in answer.answer  # filed under Fjell, Sund and Øygarden
    assert any(s.endswith("fjell-sund-oygarden_fosterhjem.md") for s in sources[1:])
