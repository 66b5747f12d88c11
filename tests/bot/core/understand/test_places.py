"""Places a question names, with their history both ways (`places`)."""

from __future__ import annotations

import pytest

from bot.core.understand import understand


def test_places_are_read_with_their_history(kit):
    q = understand("Hvilke prosjekter har Øygarden og Hordaland hatt?", [], kit)
    oygarden = q.municipalities[0]
    assert oygarden.is_current and {"Fjell", "Sund"} <= set(oygarden.former_names)
    hordaland = q.counties[0]
    assert not hordaland.is_current and hordaland.current_names == ("Vestland",)
    fjell = understand("Hva gjorde Fjell kommune?", [], kit).municipalities[0]
    assert fjell.current_names == ("Øygarden",) and not fjell.is_current




def test_a_place_carries_its_own_numbers_and_a_county_its_area(kit):
    sogne = understand("Hvilke prosjekter hadde Søgne?", [], kit).municipalities[0]
    assert sogne.own_numbers == ("1018",) and sogne.numbers == ("4204",) and not sogne.is_current
    os_ = understand("Kva prosjekt har Os i Hordaland hatt?", [], kit).municipalities[0]
    assert os_.current_names == ("Bjørnafjorden",) and os_.own_numbers == ("1243",)
    hordaland = understand("Hvilke prosjekter var i Hordaland?", [], kit).counties[0]
    assert {"4622", "4624", "4626"} <= set(hordaland.numbers)  # Kvam, Bjørnafjorden, Øygarden
    sogn = understand("Hvilke prosjekter var i Sogn og Fjordane?", [], kit).counties[0]
    assert "1577" not in sogn.numbers  # Hornindal lay there; today's Volda is in Møre og Romsdal


def test_a_place_written_in_lower_case_is_still_the_place(kit):
    assert [p.name for p in understand("nar er neste samling i finnmark?", [], kit).places] \
        == ["Finnmark"]
    assert [p.name for p in understand("har vi noe fra holmestrand og møre og romsdal", [],
                                       kit).places] == ["Holmestrand", "Møre og Romsdal"]
    assert understand("Hvor høyt er fjell i området?", [], kit).places == ()  # a word, too
    assert [p.name for p in understand("Kan vi bruke midlene i viken-nettverket til det?", [],
                                       kit).places] == ["Viken"]
    assert {p.name for p in understand("hvilke prosjekter finnes i Ostfold og tromso?", [],
                                       kit).places} == {"Østfold", "Tromsø"}  # no æ, ø, å
    assert [p.name for p in understand("hva har time kommune søkt om?", [], kit).places] \
        == ["Time"]  # an everyday word, but right before «kommune» it is the place
    fjell = understand("fjell kommune i hordaland, hva heter den nå og hvilket kommunenr har den?",
                       [], kit)
    assert "Fjell" in [p.name for p in fjell.places] and fjell.place_history


def test_a_municipality_name_two_share_is_each_of_them_until_something_settles_it(kit):
    unsettled = understand("Kven er barnevernsleiar i Herøy kommune?", [], kit).places
    assert {p.name for p in unsettled} == {"Herøy"}
    assert {c for p in unsettled for c in p.counties} == {"Møre og Romsdal", "Nordland"}
    settled = understand("Kven er barnevernsleiar i Herøy i Nordland?", [], kit).municipalities
    assert [p.counties for p in settled] == [("Nordland",)]


@pytest.mark.parametrize(("text", "across"), [
    ("Hva er søknadsfristen i Viken og Agder?", True),
    ("Når er neste møte i den utvidede ressursgruppa for Vestland og Rogaland?", False),
    ("When does the Vestland and Rogaland resource group meet next?", False),
    ("Hva ble sagt i nettverket for Vestland og Rogaland?", False),
])
def test_two_counties_named_as_one_groups_are_not_asked_each(kit, text, across) -> None:  # type: ignore[no-untyped-def]
    assert understand(text, [], kit).across is across


@pytest.mark.parametrize(("text", "left_out"), [
    ("Hvor mye har fosterhjemsprosjektene søkt om til sammen, utenom Karmøy?", {"Karmøy"}),
    ("Which projects are there outside Nordland?", {"Nordland"}),
    ("Hvilke prosjekter har vi, bortsett fra dem i Vestland og Rogaland?", {"Vestland", "Rogaland"}),
])  # fmt: skip
def test_places_after_utenom_or_except_are_left_out_not_asked(kit, text, left_out):
    question = understand(text, [], kit)
    assert {p.name for p in question.excluded_places} == left_out
    assert not {p.name for p in question.municipalities + question.counties} & left_out
    assert not set(question.names) & left_out


@pytest.mark.parametrize(("text", "themes", "left_out"), [
    ("Hvilke prosjekter har vi utenom fosterhjemsprosjektene?", set(), {"fosterhjem"}),
    ("Hvilke sluttrapporter har vi, når jeg ser bort fra de fra Nordland og de som handler om "
     "ettervern?", set(), {"ettervern"}),
    ("Which projects do we have on foster care, except the aftercare ones?", {"fosterhjem"},
     {"ettervern"}),
    ("Hvilke prosjekter om ettervern har vi?", {"ettervern"}, set()),
])  # fmt: skip
def test_themes_after_utenom_or_except_are_left_out_not_asked(kit, text, themes, left_out):
    question = understand(text, [], kit)
    assert set(question.themes) == themes
    assert set(question.excluded_themes) == left_out
    assert question.unknown_theme is None


def test_a_place_after_ser_bort_fra_is_left_out(kit):
    question = understand("Hvilke sluttrapporter har vi, når jeg ser bort fra de fra Nordland?",
                          [], kit)
    assert [p.name for p in question.excluded_places] == ["Nordland"]
    assert not question.counties


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har vi i Karmøy, utenom de om fosterhjem?",
    "Hvilke tiltak finnes for barn som bor utenfor hjemmet i Karmøy?",  # outside the home
])  # fmt: skip
def test_a_place_not_right_after_such_a_word_is_asked(kit, text):
    question = understand(text, [], kit)
    assert [p.name for p in question.municipalities] == ["Karmøy"]
    assert question.excluded_places == ()


@pytest.mark.parametrize(("text", "town"), [
    ("Gjelder fristen oss i Gjøvikregionen også?", "Gjøvik"),
    ("Hvem var referent i Kristiansandsregionen i 2019?", "Kristiansand"),  # the joining «s»
    ("Hva skjer i Haugesund-regionen?", "Haugesund"),
])  # fmt: skip
def test_a_region_named_after_its_town_is_that_municipality(kit, text, town):
    assert [p.name for p in understand(text, [], kit).municipalities] == [town]


def test_a_region_no_town_names_is_no_place(kit):
    assert understand("Hva skjer i Vestregionen?", [], kit).municipalities == ()


def test_a_region_its_municipalities_share_the_name_of_is_those_municipalities(kit):
    """«på Toten»: Østre Toten and Vestre Toten; a place of its own stays itself."""
    toten = {p.name for p in understand("Hvilke prosjekter har vi på Toten?", [], kit).places}
    assert toten == {"Østre Toten", "Vestre Toten"}
    assert {p.name for p in understand("Hva skjedde i Bergen?", [], kit).places} == {"Bergen"}


def test_a_part_of_the_country_is_read_as_its_counties_and_the_reading_shown(kit):
    q = understand("Hvilke prosjekter har vært i Nord-Norge?", [], kit)
    assert [p.name for p in q.counties] == ["Nordland", "Troms", "Finnmark"]
    assert "Troms og Finnmark" in q.counties[1].former_names  # the county before the split
    assert ("Nord-Norge", "Nordland, Troms, Finnmark") in [(c.written, c.read)
                                                            for c in q.corrections]
    assert understand("Hva sa Høgskulen på Vestlandet?", [], kit).counties == ()
