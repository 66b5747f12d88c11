"""Places both ways in time: today's name covers every former one, a former name finds what is
filed under today's, and every row shows both («Søgne (nå Kristiansand)»)."""

from __future__ import annotations

import pytest

from bot.core.phrases import quote_title
from bot.lists import try_answer
from tests.fakes import understood


def shown(answer) -> set[str]:  # type: ignore[no-untyped-def]
    """The titles a list shows, «quoted» where the documents quote them."""
    rows = answer.payload.rows if answer.payload is not None else []
    return {quote_title(row.title, getattr(row, "quoted", False)) for row in rows}


def titles(ctx, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(ctx, text), ctx)
    assert answer is not None and answer.kind in {"list", "refusal"}, text
    return shown(answer)


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har Kristiansand hatt?",
    "Kva prosjekt har Kristiansand kommune hatt?",
    "Which projects has Kristiansand had?",
])  # fmt: skip
def test_todays_municipality_covers_the_ones_merged_into_it(merger_context, text) -> None:  # type: ignore[no-untyped-def]
    assert titles(merger_context, text) == {"«Vidare saman»", "«Trygg heime»", "«Flere hjem»"}


def test_a_former_municipality_finds_what_is_filed_under_todays_name(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(merger_context, "Kva prosjekt har Søgne vore med i?"),
                        merger_context)  # fmt: skip
    assert shown(answer) == {"«Vidare saman»", "«Flere hjem»"}
    assert "Søgne (vertskommune, no Kristiansand)" in answer.answer  # «Trygg heime» was the old
    assert "Søgne er no ein del av Kristiansand" in answer.answer  # Kristiansand, not Søgne


def test_bjornafjorden_and_os_and_fusa_find_each_other(merger_context) -> None:  # type: ignore[no-untyped-def]
    both = {"Barnesamtalar i Os og Fusa", "«Roleg grunn»"}
    assert titles(merger_context, "Which projects has Bjørnafjorden had?") == both
    assert titles(merger_context, "Hvilke prosjekter har Fusa vært med i?") == both
    assert titles(merger_context, "Kva prosjekt har Os i Hordaland vore med i?") == both


def test_vestland_covers_hordaland_and_sogn_og_fjordane(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(merger_context, "Hvilke prosjekter har det vært i Vestland?"),
                        merger_context)  # fmt: skip
    assert shown(answer) == {
        "Barnesamtalar i Os og Fusa", "«Roleg grunn»", "«Tidleg saman»"}
    assert "Vestland omfatter også tidligere Hordaland og Sogn og Fjordane." in answer.answer
    assert "Os (nå Bjørnafjorden)" in answer.answer


def test_a_part_of_the_country_lists_its_counties_projects(merger_context) -> None:  # type: ignore[no-untyped-def]
    assert titles(merger_context, "Hvilke prosjekter har det vært på Vestlandet?") == {
        "Barnesamtalar i Os og Fusa", "«Roleg grunn»", "«Tidleg saman»"}
    assert titles(merger_context, "Which projects were there in Southern Norway?") == {
        "«Vidare saman»", "«Trygg heime»", "«Flere hjem»"}


def test_a_former_county_finds_its_municipalities_under_todays_names(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(merger_context, "Which projects were there in Hordaland?"),
                        merger_context)  # fmt: skip
    assert shown(answer) == {
        "Barnesamtalar i Os og Fusa", "«Roleg grunn»"}  # not Gloppen: Sogn og Fjordane
    assert "Hordaland is now part of Vestland" in answer.answer
    assert titles(merger_context, "Kva prosjekt har det vore i Sogn og Fjordane?") == {
        "«Tidleg saman»"}
    assert titles(merger_context, "Hvilke prosjekter har det vært i Vest-Agder?") == {
        "«Vidare saman»", "«Trygg heime»", "«Flere hjem»"}


def test_a_document_question_goes_both_ways_too(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = try_answer(understood(merger_context, "Hvilke dokumenter har vi fra Søgne?"),
                        merger_context)  # fmt: skip
    assert shown(answer) == {
        "Prosjektbeskrivelse: «Vidare saman» – ettervern i Søgne og Songdalen",
        "Prosjektbeskrivelse: «Flere hjem» – rekruttering av fosterhjem i Kristiansand"}
    assert "Songdalen (nå Kristiansand)" in answer.answer


def test_a_theme_mentioned_in_passing_does_not_list_the_project(merger_context) -> None:  # type: ignore[no-untyped-def]
    # «Flere hjem» says «Prosjektet skal også se på ettervern»: a foster-care project still
    assert titles(merger_context, "Hvilke prosjekter om ettervern finnes?") == {"«Vidare saman»"}


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har vi der kommunene er slått sammen med andre etterpå?",
    "Kva for prosjekt har vore i kommunar som seinare er slegne saman?",
    "Which projects were in municipalities that have merged since?",
])  # fmt: skip
def test_projects_of_municipalities_merged_since_are_listed(merger_context, text) -> None:  # type: ignore[no-untyped-def]
    found = titles(merger_context, text)
    assert {"«Vidare saman»", "«Trygg heime»"} <= found  # Søgne; the Kristiansand before 2020
    assert "«Flere hjem»" not in found  # today's Kristiansand, as it has been since 2020


def test_how_to_name_merged_municipalities_is_no_filter(merger_context) -> None:  # type: ignore[no-untyped-def]
    text = "Hvilke prosjekter har vi? Ta med gamle navn der kommunene er slått sammen."
    assert "«Flere hjem»" in titles(merger_context, text)


def test_a_county_holding_part_of_a_former_one_says_it_holds_only_a_part(merger_context) -> None:  # type: ignore[no-untyped-def]
    from bot.lists.words import place_notes

    def notes(text: str, lang: str) -> list[str]:
        return [n.text for n in place_notes(understood(merger_context, text).counties, lang)]

    # Buskerud took back its part of Viken in 2024; Vestland holds all of both former counties
    assert notes("Hvilke prosjekter har vi i Buskerud?", "nb") == [
        "Buskerud omfatter også den delen av tidligere Viken som nå ligger i Buskerud."]
    assert notes("Which projects are there in Vestland?", "en") == [
        "Vestland also covers the former Hordaland and Sogn og Fjordane."]


def test_a_former_county_has_none_of_its_successors_documents_from_another_former_one(merger_context) -> None:  # type: ignore[no-untyped-def]
    """Bjørnafjorden's 2022 report is Vestland's, but Bjørnafjorden lay in Hordaland: it is no
    document from Sogn og Fjordane (whose Gloppen project is)."""
    answer = try_answer(understood(merger_context, "Hvilke dokumenter har vi fra Sogn og Fjordane?"),
                        merger_context)  # fmt: skip
    assert shown(answer) == {"Prosjektskildring: «Tidleg saman» – tidleg innsats i Gloppen"}
    hordaland = try_answer(understood(merger_context, "Hvilke dokumenter har vi fra Hordaland?"),
                           merger_context)  # fmt: skip
    assert "Sluttrapport: «Roleg grunn» – høgkonfliktsaker i Bjørnafjorden" in shown(hordaland)
