"""A list question whose subject is said in everyday words («prosjekter for ungdom som flytter
ut fra barnevernet …») is read by the project documents most like the words: the theme they
share, shown as read; where they differ, their themes offered; never an unfiltered list."""

from __future__ import annotations

from pathlib import Path

from bot.core.context import CoreContext
from bot.core.understand.topic import described, unknown_theme
from indexer.ingest.pipeline import index_paths
from tests.fakes import FakeEmbeddings, fake_index_deps, project_description
from tests.fakes import listed as ask

AFTERCARE = "Hvilke kommuner har hatt prosjekter for ungdom som flytter ut fra barnevernet og " \
            "trenger hjelp videre når de blir voksne?"  # fmt: skip


def test_a_described_subject_is_read_whole_and_a_plain_unknown_word_is_not() -> None:
    subject = unknown_theme(AFTERCARE, frozenset())
    assert subject == ("ungdom som flytter ut fra barnevernet og trenger hjelp videre når de "
                       "blir voksne")  # fmt: skip
    assert subject is not None and described(subject)
    assert unknown_theme("Hvilke prosjekter om rusomsorg finnes?", frozenset()) == "rusomsorg"
    assert not described("rusomsorg")
    # a generic word a clause describes is a subject too; without the clause it is none
    assert unknown_theme("Hvilke prosjekter om barn som står midt i skilsmisser?", frozenset())
    assert unknown_theme("Hvilke prosjekter om barn i Vestland?", frozenset()) is None


def test_with_one_project_like_the_words_its_theme_is_offered_not_listed(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, AFTERCARE)
    assert answer is not None and answer.kind == "clarify" and not answer.payload
    assert "«ettervern»" in answer.answer


def _with_bodo_fauske(settings, gazetteer, corpus: Path, leader: str = "") -> CoreContext:  # type: ignore[no-untyped-def]
    """The sample projects and a second aftercare project, described in everyday words."""
    (corpus / "2024-03-01_prosjektbeskrivelse_bodo-fauske_ettervern.md").write_text(
        project_description(
            "«Eget hjem» – ettervern for unge voksne i Bodø og Fauske", "Bodø kommune",
            partner="Fauske kommune", period="1. mars 2024 – 28. februar 2026",
            body=(f"**Prosjektleiar:** {leader}, barnevernstenesta i Bodø\n\n" if leader else "")
            + "## Bakgrunn\n\nUngdom som flytter ut fra barnevernet trenger hjelp videre "
              "når de blir voksne: bolig, skole og arbeid.\n"), encoding="utf-8")  # fmt: skip
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    index_paths([corpus], deps)
    return CoreContext(settings=settings, store=deps.store, embeddings=embeddings,
                       gazetteer=gazetteer)  # fmt: skip


def test_two_projects_like_the_words_sharing_a_theme_answer_it_shown_as_read(
        settings, gazetteer, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    answer = ask(_with_bodo_fauske(settings, gazetteer, corpus), AFTERCARE)
    assert answer is not None and not answer.refused
    assert answer.answer.startswith("Tolket «ungdom som flytter ut fra barnevernet")
    assert "ettervern" in answer.answer.splitlines()[0]
    places = {p.name for row in answer.payload.rows for p in row.places}  # type: ignore[union-attr]
    assert places == {"Trondheim", "Malvik", "Bodø", "Fauske"}


def test_a_subject_after_a_verb_is_read_to_the_next_question() -> None:
    text = ("Hvor mange prosjekter handler om å hjelpe ungdom som blir voksne etter "
            "barnevernet, og hvem leder dem?")  # fmt: skip
    subject = unknown_theme(text, frozenset())
    assert subject == "å hjelpe ungdom som blir voksne etter barnevernet"
    assert described(subject)
    # a clause after a listing's own verb describes no subject («… som i dag er Øygarden»)
    assert unknown_theme("Hva slags barnevernsprosjekter har kommunene som i dag er Øygarden "
                         "vært med på?", frozenset()) is None  # fmt: skip


def test_a_described_subject_and_its_leaders_asked_together(
        settings, gazetteer, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Core

    ctx = _with_bodo_fauske(settings, gazetteer, corpus, leader="Siri Hansen Vik")
    answer = Core(ctx).answer("Hvor mange prosjekter handler om å hjelpe ungdom som blir voksne "
                              "etter barnevernet, og hvem leder dem?")  # fmt: skip
    assert not answer.refused and answer.kind == "list"
    assert answer.answer.startswith("Tolket «å hjelpe ungdom som blir voksne etter barnevernet» ")
    # each listed project's own document names its leader, the label a compound («-leiar»)
    assert "Marte Lian Solberg" in answer.answer and "Siri Hansen Vik" in answer.answer


def test_who_a_project_is_for_is_a_subject_only_when_a_clause_describes_it() -> None:
    assert unknown_theme("Hvilke prosjekter for kommunene i Agder finnes?", frozenset()) is None
    assert unknown_theme("Hvor mye har prosjektene vi har sluttrapport for fått tildelt?",
                         frozenset()) is None  # fmt: skip
