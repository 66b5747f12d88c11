import datetime as dt

import pytest

from indexer.errors import ConfigError
from indexer.text.places import Gazetteer
from tests.conftest import KNOWLEDGE

D2018 = dt.date(2018, 9, 13)


def names(mentions):
    return [m.name for m in mentions]


# --- history -------------------------------------------------------------------------------


def test_fjell_in_2018_is_1246_and_today_part_of_oygarden_in_vestland(gazetteer):
    [fjell] = gazetteer.municipality_at("Fjell", D2018)
    assert (fjell.number, fjell.county) == ("1246", "Hordaland")
    mention = gazetteer.mention(fjell)
    assert mention.current_numbers == ["4626"]
    assert (mention.current_name, mention.current_county) == ("Øygarden", "Vestland")


def test_klaebu_maps_to_trondheim_before_and_after_the_merger(gazetteer):
    [old] = gazetteer.municipality_at("Klæbu", dt.date(2015, 5, 1))
    [newest] = gazetteer.municipality_at("Klæbu", dt.date(2021, 10, 26))  # gone: nearest code
    assert (old.number, old.county) == ("1662", "Sør-Trøndelag")
    assert (newest.number, newest.county) == ("5030", "Trøndelag")
    assert gazetteer.current_names(newest) == ["Trondheim"]


def test_radoy_is_alver_today(gazetteer):
    [radoy] = gazetteer.municipality_at("Radøy", D2018)
    assert gazetteer.mention(radoy).current_name == "Alver"


def test_renumbered_municipality_gets_the_number_valid_on_the_date(gazetteer):
    assert [m.number for m in gazetteer.municipality_at("Trondheim", dt.date(2017, 6, 1))] == [
        "1601"
    ]
    assert [m.number for m in gazetteer.municipality_at("Trondheim", dt.date(2021, 1, 1))] == [
        "5001"
    ]
    assert [m.number for m in gazetteer.municipality_at("Tråante", dt.date(2021, 1, 1))] == ["5001"]


@pytest.mark.parametrize(
    ("hint", "number"), [("Hordaland", "1243"), ("Vestland", "1243"), ("Hedmark", "0441")]
)
def test_ambiguous_os_is_settled_by_the_county(gazetteer, hint, number):
    assert len(gazetteer.municipality_at("Os", D2018)) == 2
    assert [m.number for m in gazetteer.municipality_at("Os", D2018, hint)] == [number]


def test_unknown_name_gives_nothing(gazetteer):
    assert gazetteer.municipality_at("Atlantis", D2018) == []


def test_current_numbers_and_former_names(gazetteer):
    assert gazetteer.current_municipality_numbers("Fjell") == ["4626"]
    assert gazetteer.current_municipality_numbers("Os", "Hordaland") == ["4624"]
    assert gazetteer.former_names("Øygarden") == {"Fjell", "Sund", "Øygarden"}
    assert {"Radøy", "Lindås", "Meland"} <= gazetteer.former_names("Alver")


@pytest.mark.parametrize(
    ("county", "current"),
    [
        ("Hordaland", "Vestland"),
        ("Sogn og Fjordane", "Vestland"),
        ("Sør-Trøndelag", "Trøndelag"),
        ("Hedmark", "Innlandet"),
        ("Oppland", "Innlandet"),
        ("Aust-Agder", "Agder"),
        ("Viken", "Østfold, Akershus, Buskerud"),
        ("Troms og Finnmark", "Troms, Finnmark"),
        ("Rogaland", "Rogaland"),
        ("Trööndelage", "Trøndelag"),
    ],
)
def test_current_county(gazetteer, county, current):
    assert gazetteer.current_county(county) == current


def test_unknown_county_has_no_current_county(gazetteer):
    assert gazetteer.current_county("Narnia") is None


def test_historic_counties(gazetteer):
    assert gazetteer.historic_counties("Vestland") == {"Vestland", "Hordaland", "Sogn og Fjordane"}
    assert gazetteer.historic_counties("Trøndelag") == {
        "Trøndelag",
        "Sør-Trøndelag",
        "Nord-Trøndelag",
    }
    assert "Viken" in gazetteer.historic_counties("Akershus")


def test_county_at_uses_the_date_and_aliases(gazetteer):
    assert gazetteer.county_at("Troms", dt.date(2019, 6, 1)).number == "19"
    assert gazetteer.county_at("Troms", dt.date(2024, 6, 1)).number == "55"
    assert gazetteer.county_at("Trööndelage").name == "Trøndelag"
    assert gazetteer.county_at("Narnia") is None


def test_find_counties_in_free_text(gazetteer):
    text = (
        "Fylkesmannen i Hordaland og Statsforvalteren i Vestland møtte Aust-Agder, "
        "Indre Østfold og folk fra hele Vestlandet; Sogn og Fjordane og Trøndelag kom også."
    )
    assert gazetteer.find_counties(text) == [
        "Hordaland",
        "Vestland",
        "Aust-Agder",
        "Sogn og Fjordane",
        "Trøndelag",
    ]


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="stedsdata"):
        Gazetteer.load(tmp_path)


# --- finding names in text -----------------------------------------------------------------


def test_haugesund_does_not_yield_sund_and_fjellheim_not_fjell(gazetteer):
    found = gazetteer.find_municipalities("Haugesund kommune og Fjellheim skole", D2018)
    assert names(found) == ["Haugesund"]


@pytest.mark.parametrize(
    "sentence",
    [
        "det er et hull i hola",
        "en vik ved sjøen",
        "Vik ved sjøen er fin om sommeren.",
        "Time etter time gikk med til møtet.",
        "Nes og bukter preger kysten.",
        "Prosjektleiar: Ragnhild Ystanes Bø, rådgjevar",
        "Høgskolen v. Ingunn Barmen Tysnes har laget malen.",
        "Skriv til bard.tyldum@Fjell.Kommune.no eller https://www.kvam.kommune.no/Kvam",
    ],
)
def test_common_words_and_person_names_are_not_municipalities(gazetteer, sentence):
    assert gazetteer.find_municipalities(sentence, D2018, "Hordaland") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hole kommune deltar.", ["Hole"]),
        ("Voss herad og Kvam herad samarbeider.", ["Voss", "Kvam"]),
        ("Representanter fra kommunen Kvam, Fjell, Radøy og Os.", ["Kvam", "Fjell", "Radøy", "Os"]),
        (
            "Ansvarlig prosjektgruppe: Kvam (Vertskommune) Fjell og Radøy",
            ["Kvam", "Fjell", "Radøy"],
        ),
        (
            "Stine Heinz – barnevernleder Tysvær, Marie Thesen – barnevernleder Time",
            ["Tysvær", "Time"],
        ),
        ("Samarbeid i Trondheim-Malvik og Kvams prosjekt", ["Trondheim", "Malvik", "Kvam"]),
        ("Nord-Fron deltar.", ["Nord-Fron"]),
    ],
)
def test_municipalities_with_support_are_found(gazetteer, sentence, expected):
    assert names(gazetteer.find_municipalities(sentence, D2018, "Hordaland")) == expected


def test_person_named_bo_in_the_corpus_is_not_a_municipality(gazetteer):
    path = next(KNOWLEDGE.glob("2023-09-01_*.md"))
    found = gazetteer.find_municipalities(path.read_text(encoding="utf-8"), dt.date(2023, 9, 1))
    assert names(found) == ["Kvam", "Voss"]


def test_each_municipality_is_listed_once_with_the_number_of_its_date(gazetteer):
    text = "Fjell kommune, Sund og Øygarden. Senere igjen: Fjell kommune."
    found = gazetteer.find_municipalities(text, dt.date(2019, 3, 15), "Hordaland")
    assert [m.kommunenummer for m in found] == ["1246", "1245", "1259"]
    assert {m.current_name for m in found} == {"Øygarden"}


def test_ambiguous_name_follows_the_other_municipalities_county(gazetteer):
    found = gazetteer.find_municipalities("kommunene Kvam, Radøy og Os", D2018)
    assert [m.kommunenummer for m in found] == ["1238", "1260", "1243"]


def test_ambiguous_name_without_any_clue_is_left_out(gazetteer):
    assert gazetteer.find_municipalities("Bø kommune", D2018) == []


def test_an_unsettled_name_is_kept_as_each_municipality_it_may_be(gazetteer):
    found = gazetteer.find_municipalities("Hvem leder barnevernet i Herøy?", lenient=True,
                                          unsettled=True)
    assert sorted(m.county for m in found) == ["Møre og Romsdal", "Nordland"]
    settled = gazetteer.find_municipalities("Herøy og Ulstein", lenient=True, unsettled=True)
    assert [m.county for m in settled] == ["Møre og Romsdal", "Møre og Romsdal"]


def test_lenient_mode_accepts_capitalised_common_names_in_questions(gazetteer):
    question = "Hvilke prosjekter har Fjell og Time hatt?"
    assert gazetteer.find_municipalities(question) == []
    assert names(gazetteer.find_municipalities(question, lenient=True)) == ["Fjell", "Time"]


def test_a_county_governors_office_names_no_municipality(gazetteer):
    text = "Søknaden sendes Statsforvalteren i Oslo og Viken. Prosjektet er i Lunner kommune."
    assert [m.name for m in gazetteer.find_municipalities(text)] == ["Lunner"]
    assert [m.name for m in gazetteer.find_municipalities("Barnevernet i Oslo kommune")] == [
        "Oslo"]


def test_an_office_before_a_place_is_no_persons_name(gazetteer):
    found = gazetteer.find_municipalities("Rapport frå tilsyn med Nav Leikanger 2019",
                                          dt.date(2019, 10, 1))
    assert [m.name for m in found] == ["Leikanger"]
    assert [m.name for m in gazetteer.find_municipalities(
        "Hva fant de hos Nav Sogndal?", lenient=True)] == ["Sogndal"]


def test_merged_numbers_are_those_ended_by_a_merger_or_a_split(gazetteer):
    merged = gazetteer.merged_numbers()
    assert {"1246", "1245", "1850"} <= merged  # Fjell, Sund (now Øygarden); Tysfjord, split
    assert "1238" not in merged  # Kvam, only renumbered in 2020
    assert "5001" not in merged  # today's Trondheim, which Klæbu joined, is no former number
