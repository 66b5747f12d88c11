"""Two readings a list route needs: who leads the projects («Hvem er prosjektlederne?», «ledes av
en fagleder») and how documents are written (their language, their kind of file)."""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.core.understand import understand
from bot.core.understand.leaders import asks_leaders, led_by
from bot.core.understand.written_as import formats_asked, languages_asked


@pytest.mark.parametrize(("text", "position"), [
    ("Hvem er prosjektlederne i fosterhjemsprosjektene?", None),
    ("List the project leaders of all projects", None),
    ("Hvem leder ettervernsprosjektene?", None),
    ("Hvilke prosjekter ledes av en fagkoordinator?", "fagkoordinator"),
    ("Kva prosjekt har ein barnevernsfagleg rådgjevar som prosjektleiar, og kven er det?",
     "barnevernsfagleg rådgjevar"),
    ("Which projects are led by a coordinator?", "coordinator"),
])  # fmt: skip
def test_the_projects_leaders_or_a_position_are_asked(text, position) -> None:  # type: ignore[no-untyped-def]
    assert asks_leaders(text) and led_by(text) == position


@pytest.mark.parametrize("text", ["Hvem ledet prosjektet i Klepp?",
                                  "Who is the project leader in Voss?",
                                  "Kven er prosjektleiar for Saman frå start?"])
def test_one_projects_leader_is_a_fact_not_a_list(text) -> None:  # type: ignore[no-untyped-def]
    assert not asks_leaders(text)


def test_the_leaders_of_a_theme_are_a_project_list(kit) -> None:  # type: ignore[no-untyped-def]
    asked = understand("Hvem er prosjektlederne i fosterhjemsprosjektene?", [], kit)
    assert (asked.intent, asked.leaders_asked, asked.themes) == (
        Intent.PROJECTS, True, {"fosterhjem"})


@pytest.mark.parametrize(("text", "languages", "formats"), [
    ("Hvilke dokumenter i basen er skrevet på nynorsk?", {"nn"}, set()),
    ("Kva for referat er skrivne på nynorsk?", {"nn"}, set()),
    ("Which documents are in English?", {"en"}, set()),
    ("which docs in the knowledge base are PDFs, and what are they?", set(), {"pdf"}),
    ("Har vi noen Word-dokumenter?", set(), {"docx"}),
    ("Må søknaden skrives på nynorsk?", set(), set()),  # a rule, not a listing
    ("Svar på nynorsk: hvilke referater har vi?", set(), set()),  # how to answer
])  # fmt: skip
def test_documents_asked_by_language_or_kind_of_file(text, languages, formats) -> None:  # type: ignore[no-untyped-def]
    assert (languages_asked(text), formats_asked(text)) == (languages, formats)
