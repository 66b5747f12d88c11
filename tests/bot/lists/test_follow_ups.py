"""Follow-ups to a list: «og hvilke av dem …» narrows it, «og i Rogaland?» swaps a filter,
«vis flere» pages on, and a theme we do not know gets «Mente du …?», not an unfiltered list."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.context import CoreContext
from bot.core.models import ChatTurn
from bot.core.phrases import quote_title
from bot.lists import try_answer
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from tests.fakes import FakeEmbeddings, fake_index_deps, understood

FOSTER_CARE = {"«Fosterhjem i vest»", "«Sammen for fosterhjemmet»", "«Rettleiing nær fosterheimen»",
               "Fosterhjem i slekt og nettverk"}  # fmt: skip


def conversation(ctx, *texts: str):  # type: ignore[no-untyped-def]
    """Ask each text in turn; the answer to the last one."""
    history: list[ChatTurn] = []
    answer = None
    for text in texts:
        answer = try_answer(understood(ctx, text, history), ctx)
        history += [ChatTurn(role="user", text=text),
                    ChatTurn(role="assistant", text=answer.answer if answer else "…")]
    return answer


def titles(answer) -> set[str]:  # type: ignore[no-untyped-def]
    rows = answer.payload.rows if answer.payload is not None else []
    return {quote_title(row.title, row.quoted) for row in rows}


def test_which_of_them_narrows_the_previous_list(sample_context) -> None:  # type: ignore[no-untyped-def]
    vestland = conversation(sample_context, "Hvilke prosjekter har det vært i Vestland?",
                            "og hvilke av dem handlet om fosterhjem?")  # fmt: skip
    assert titles(vestland) == {"«Fosterhjem i vest»", "«Rettleiing nær fosterheimen»"}
    assert vestland.answer.startswith("Prosjekter i Vestland – av dem om fosterhjem (2):")
    none = conversation(sample_context, "Hvilke kommuner har hatt fosterhjemsprosjekter?",
                        "og hvilke av dem handlet om ettervern?")  # fmt: skip
    assert none.refused and not none.citations  # no project is about both


def test_a_short_follow_up_swaps_the_filter_it_names(sample_context) -> None:  # type: ignore[no-untyped-def]
    rogaland = conversation(sample_context, "Kva prosjekt om fosterheim har det vore i Vestland?",
                            "og i Rogaland?")  # fmt: skip
    assert titles(rogaland) == {"«Sammen for fosterhjemmet»"}
    assert rogaland.language == "nn"
    counted = conversation(sample_context, "Which projects were about foster care?",
                           "and how many of them were in Vestland?")  # fmt: skip
    assert counted.answer.startswith("The knowledge base has 2 projects on foster care")


def test_a_follow_up_asking_a_fact_is_left_to_other_routes(sample_context) -> None:  # type: ignore[no-untyped-def]
    assert conversation(sample_context, "Hvilke prosjekter har det vært i Vestland?",
                        "og hvem ledet prosjektet i Kvam?") is None  # fmt: skip


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Hvilke prosjekter om rusomsorg finnes?", "nb", "Jeg finner ingen prosjekter om «rusomsorg»"),
    ("Kva prosjekt har handla om rekruttering?", "nn", "Meinte du «rekruttering og stabilitet»?"),
    ("Which projects were about parenting?", "en", "Did you mean «parenting support»?"),
])  # fmt: skip
def test_an_unknown_theme_is_asked_about_not_listed_unfiltered(sample_context, text, language,
                                                                expected) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(sample_context, text), sample_context)
    # near a theme: «Mente du …?»; near none and in no title: none, said plainly (a refusal)
    assert answer.kind == ("refusal" if "ingen" in expected else "clarify")
    assert answer.refused is ("ingen" in expected) and answer.language == language
    assert expected in answer.answer and answer.payload is None


def test_a_subject_no_theme_has_but_a_title_has_lists_those_projects(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke prosjekter handler om trygge foreldre?»: no theme is «trygge», but «Trygge
    foreldre» is a project's title. «rusomsorg», in no title, is still said to be no theme,
    and «konflikter», near a theme, still gets «Mente du «høykonflikt»?»."""
    answer = try_answer(understood(sample_context, "Hvilke prosjekter handler om trygge "
                                                   "foreldre?"), sample_context)
    assert answer is not None and answer.kind == "list"
    assert titles(answer) == {"«Trygge foreldre»"}
    assert answer.answer.startswith("Prosjekter med «trygge» i navnet (1)")


def test_no_project_on_a_theme_in_a_place_says_what_the_places_projects_are_about(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(sample_context, "Hvilke fosterhjemsprosjekter har Rana hatt?"),
                        sample_context)
    assert answer is not None and answer.refused
    lines = answer.answer.splitlines()
    assert lines[0] == "Jeg fant ingen prosjekter om fosterhjem i Rana i kunnskapsbasen."
    assert lines[1] == "Prosjekter i Rana: «Trygge foreldre» – foreldrestøtte. [1]"
    assert answer.citations[0].source.startswith("2024-11-20_sluttrapport_rana-hemnes")


def test_answering_the_question_back_lists_the_theme(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = conversation(sample_context, "Hvilke prosjekter har handlet om fosterhjæmm?",
                          "fosterhjem")  # fmt: skip
    assert titles(answer) == FOSTER_CARE


@pytest.fixture(scope="module")
def many_projects(tmp_path_factory, gazetteer) -> CoreContext:  # type: ignore[no-untyped-def]
    """Thirty-one foster-care projects, one description each, in Rogaland municipalities."""
    folder: Path = tmp_path_factory.mktemp("many")
    towns = ["Stavanger", "Sandnes", "Sola", "Klepp", "Time", "Hå", "Gjesdal", "Strand",
             "Hjelmeland", "Suldal", "Sauda", "Tysvær", "Vindafjord", "Karmøy", "Haugesund",
             "Bokn", "Utsira", "Kvitsøy", "Randaberg", "Bjerkreim", "Eigersund", "Sokndal",
             "Lund", "Stavanger", "Sandnes", "Sola", "Klepp", "Time", "Hå", "Gjesdal", "Strand"]
    for i, town in enumerate(towns):
        (folder / f"2021-03-{i % 28 + 1:02d}_prosjektbeskrivelse_{i}.md").write_text(
            f"# Prosjektbeskrivelse: «Fosterhjem {i:02d}» i {town}\n\n**Vertskommune:** {town} "
            f"kommune\n**Prosjektperiode:** 1. april 2021 – 31. mars 2022\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("many-data"), _env_file=None)  # type: ignore[call-arg]
    deps = fake_index_deps(settings, gazetteer, FakeEmbeddings())
    assert not index_paths([folder], deps).errors
    return CoreContext(settings=settings, store=deps.store, embeddings=FakeEmbeddings(),
                       gazetteer=gazetteer)  # fmt: skip


def test_a_long_list_comes_a_page_at_a_time(many_projects) -> None:  # type: ignore[no-untyped-def]
    question = "Hvilke prosjekter om fosterhjem har det vært?"
    first = conversation(many_projects, question)
    assert len(first.payload.rows) == 25 and first.payload.total == 31
    assert "Viser 1–25 av 31. Skriv «vis flere» for neste side." in first.answer
    second = conversation(many_projects, question, "vis flere")
    assert len(second.payload.rows) == 6 and "Viser 26–31 av 31" in second.answer
    assert titles(first).isdisjoint(titles(second))
    assert len(titles(first) | titles(second)) == 31
    done = conversation(many_projects, question, "vis flere", "show more")
    assert "listen har 31" in done.answer and done.payload is None


def test_show_more_after_a_short_list_says_there_is_no_more(sample_context) -> None:  # type: ignore[no-untyped-def]
    more = conversation(sample_context, "Hvilke kommuner har hatt prosjekter om høykonflikt?",
                        "vis flere")  # fmt: skip
    assert more.answer.startswith("Kommuner med prosjekter om høykonflikt: Fjell (nå Øygarden),")
    assert "Det er ikke flere å vise: listen har 2." in more.answer and more.payload is None


def test_a_long_municipality_list_names_every_municipality_on_page_one(many_projects) -> None:  # type: ignore[no-untyped-def]
    answer = conversation(many_projects, "Hvilke kommuner har hatt prosjekter om fosterhjem?")
    opening = answer.answer.splitlines()[0]
    assert opening.startswith("Kommuner med prosjekter om fosterhjem:")
    assert "Lund" in opening and "Utsira" in opening  # on the second page of rows


@pytest.mark.parametrize(("question", "yes", "expected"), [
    ("Which projects were about parenting?", "yes", {"«Trygge foreldre»"}),
    ("Which projects were about fostering?", "yes please", FOSTER_CARE),
    ("Hvilke prosjekter handlet om konflikter?", "ja", {"«Barnet i midten»",
     "Barnevernets rolle i høykonfliktsaker"}),
])  # fmt: skip
def test_yes_to_a_single_suggestion_lists_that_theme(sample_context, question, yes,
                                                     expected) -> None:  # type: ignore[no-untyped-def]
    asked = conversation(sample_context, question)
    assert asked.kind == "clarify"
    answer = conversation(sample_context, question, yes)
    assert titles(answer) == expected
    assert answer.language == asked.language


def test_yes_without_a_suggestion_is_no_choice(sample_context) -> None:  # type: ignore[no-untyped-def]
    assert conversation(sample_context, "Hvilke prosjekter om rusomsorg finnes?", "ja") is None


def test_projects_on_a_subject_no_theme_or_title_has_are_refused_not_searched(core) -> None:  # type: ignore[no-untyped-def]
    """«Which projects were about unaccompanied refugee minors?»: the catalogue has no such
    theme and no project is titled so; the answer says so and names the themes there are,
    rather than quoting documents that only share a word with the question."""
    answer = core.answer("Hvilke prosjekter om rusomsorg finnes?")
    assert answer.refused and answer.kind == "refusal" and not answer.citations
    assert "ingen prosjekter om «rusomsorg»" in answer.answer and "fosterhjem" in answer.answer


def test_which_of_them_in_the_same_message_shows_the_whole_list_first(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke prosjekter har handlet om fosterhjem – og hvilke av dem ligger i Vestland?»: the
    four foster-care projects, then the two of them in Vestland, the closing said once."""
    from bot.engine import Core

    core = Core(sample_context)
    answer = core.answer("Hvilke prosjekter har handlet om fosterhjem – og hvilke av dem "
                         "ligger i Vestland?")
    lines = answer.answer.splitlines()
    whole = lines.index("Prosjekter om fosterhjem (4):")
    narrowed = lines.index("Prosjekter om fosterhjem – av dem i Vestland (2):")
    assert whole < narrowed and not answer.refused
    assert sum(line.startswith("- ") for line in lines[whole:narrowed]) == 4
    assert sum(line.startswith("- ") for line in lines[narrowed:]) == 2
    assert sum(line.startswith("Basert på") for line in lines) == 1
    none = core.answer("Hvilke fosterhjemsprosjekter finnes, og er noen av dem i Finnmark?")
    assert not none.refused and "av dem i Finnmark" in none.answer  # the list, then «none»
    assert sum(line.startswith("- ") for line in none.answer.splitlines()) == 4


def test_which_of_them_in_one_message_narrows_a_document_list_too(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke sluttrapporter har vi, og hvilke av dem er fra Rogaland?»: every final report,
    then the one of Rogaland."""
    from bot.engine import Core

    answer = Core(sample_context).answer("Hvilke sluttrapporter har vi, og hvilke av dem er "
                                         "fra Rogaland?")
    lines = answer.answer.splitlines()
    assert lines[0] == "Sluttrapporter (3):" and not answer.refused
    narrowed = lines.index("Sluttrapport – av dem i Rogaland (1):")
    assert sum(line.startswith("- ") for line in lines[narrowed:]) == 1
