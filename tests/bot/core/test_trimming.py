"""Security trimming in the core: a restricted document is answered to its members and, for
everyone else, is exactly as absent as a document that was never indexed – in fact answers,
summaries, decisions, lists, counts and /kilder alike."""

from __future__ import annotations

import pytest

from bot.engine import Core
from bot.minutes.decisions import list_decisions
from indexer.access import OPERATOR, PUBLIC_VIEWER, Viewer
from tests.scopes import LISTER_GROUP, LISTER_TEAM, leaks

LISTER = Viewer(frozenset({LISTER_TEAM, LISTER_GROUP, "nettverk:lister"}), "aad-kari-lister")
OTHER = Viewer(frozenset({"19:setesdal-general@thread.tacv2"}), "aad-ola-utenfor")

# Each aims at a restricted document, or at a list or count it would change.
AIMED = [
    "Oppsummer referatet fra 14.03.2024",
    "/oppsummer styringsgruppen i Lister mars 2024",
    "Hvilke vedtak ble fattet om Kvinesdal-modellen?",
    "Hva ble vedtatt om lønnstillegg for vaktordningen?",
    "Hvilke kommuner har hatt fosterhjemsprosjekter?",
    "Hvor mange fosterhjemsprosjekter finnes det?",
    "Hvor mye er det søkt om til fosterhjemsprosjektene?",
    "Hvilke referater har vi fra 2024?",
    "Hvor mange referater har vi?",
    "Hvilke prosjekter finnes i Agder?",
    "/kilder",
    "/prosjekter fosterhjem",
    "Hva anbefaler tilsynsgruppen for barneverntjenesten i Lyngdal?",
    "Når er neste møte i styringsgruppen?",
]


@pytest.fixture(scope="module")
def scoped(scoped_context) -> Core:  # type: ignore[no-untyped-def]
    return Core(scoped_context)


@pytest.fixture(scope="module")
def without(sample_context) -> Core:  # type: ignore[no-untyped-def]
    """The same sample documents, the restricted ones never indexed."""
    return Core(sample_context)


def _shown(answer) -> tuple[str, list[tuple[str, str, str]]]:  # type: ignore[no-untyped-def]
    return answer.answer, [(c.source, c.title, c.snippet) for c in answer.citations]


@pytest.mark.parametrize("question", AIMED)
def test_a_restricted_document_is_as_absent_as_one_never_indexed(
    scoped: Core, without: Core, question: str
) -> None:
    for viewer in (PUBLIC_VIEWER, OTHER):
        asked = scoped.answer(question, viewer=viewer)
        assert _shown(asked) == _shown(without.answer(question)), viewer
        assert leaks(asked.answer + str(asked.citations), question) == []


def test_the_team_sees_its_referat_and_project(scoped: Core) -> None:
    summary = scoped.answer("Oppsummer referatet fra 14.03.2024", viewer=LISTER)
    assert "Kvinesdal-modellen" in summary.answer and not summary.refused
    projects = scoped.answer("Hvilke kommuner har hatt fosterhjemsprosjekter?", viewer=LISTER)
    assert "Flekkefjord" in projects.answer
    sources = scoped.answer("/kilder", viewer=LISTER).answer
    assert "Lister" in sources and "Fjordlys" in sources


def test_a_document_marked_konfidensielt_with_no_access_list_is_shown_to_no_chat(
    scoped: Core, scoped_context  # type: ignore[no-untyped-def]
) -> None:
    marked = [m for m in scoped_context.store.documents() if m.marked]
    assert [m.access for m in marked] == [[]]
    question = "Hva anbefaler tilsynsgruppen for barneverntjenesten i Lyngdal?"
    for viewer in (PUBLIC_VIEWER, LISTER):
        answer = scoped.answer(question, viewer=viewer)
        assert "Tangvall" not in answer.answer + str(answer.citations)
    operator = scoped.answer(question, viewer=OPERATOR).answer  # it is indexed all the same
    assert "Evaluering av barneverntjenesten i Lyngdal" in operator


def test_decisions_and_counts_leave_restricted_minutes_out(scoped_context) -> None:  # type: ignore[no-untyped-def]
    public = list_decisions(scoped_context.seen_by(PUBLIC_VIEWER), None, None)
    member = list_decisions(scoped_context.seen_by(LISTER), None, None)
    assert not any("Kvinesdal-modellen" in d.text for d in public)
    assert any("Kvinesdal-modellen" in d.text for d in member)
    seen = scoped_context.seen_by(PUBLIC_VIEWER).store
    assert seen.coverage().documents == len(seen.documents())
    assert len(scoped_context.seen_by(LISTER).store.documents()) == len(seen.documents()) + 2
