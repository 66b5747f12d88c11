import csv
import datetime as dt
from pathlib import Path

import pytest

from indexer.ingest.loaders import load_document
from indexer.ingest.metadata import extract_metadata, find_title
from indexer.models import DocType, LoadedDocument
from tests.conftest import KNOWLEDGE

# What each sample file should yield (prefix of its file name); municipalities are «name number»
# at the document's date, `*` where the list is not checked.
EXPECTED_CSV = Path(__file__).with_name("sample_metadata.csv")


def _expected() -> dict[str, tuple]:  # type: ignore[type-arg]
    expected = {}
    with EXPECTED_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = row["municipalities"]
            municipalities = None if names == "*" else {
                tuple(item.rsplit(" ", 1)) for item in names.split("; ") if item}
            expected[row["prefix"]] = (
                row["doc_type"], dt.date.fromisoformat(row["date"]) if row["date"] else None,
                row["county"] or None, row["current_county"] or None, municipalities)
    return expected


EXPECTED = _expected()


def meta_of(prefix, gazetteer, strip_front_matter=False):
    path = next(KNOWLEDGE.glob(f"{prefix}*"))
    doc = load_document(path)
    if strip_front_matter:
        doc = doc.model_copy(update={"front_matter": {}})
    return extract_metadata(doc, path.stem, gazetteer)


def test_every_sample_file_is_covered():
    files = sorted(p.name for p in KNOWLEDGE.iterdir() if p.name != "README.md")
    assert len(files) == len(EXPECTED) == 17
    assert all(any(name.startswith(prefix) for name in files) for prefix in EXPECTED)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata_of_each_sample_file(gazetteer, prefix):
    doc_type, date, county, current_county, municipalities = EXPECTED[prefix]
    meta = meta_of(prefix, gazetteer)
    assert (meta.doc_type.value, meta.date) == (doc_type, date)
    assert (meta.county, meta.current_county) == (county, current_county)
    if municipalities is not None:
        assert {(m.name, m.kommunenummer) for m in meta.municipalities} == municipalities
    assert meta.title and "#" not in meta.title and "**" not in meta.title


def test_minutes_of_2024_name_the_rogaland_leaders_municipalities(gazetteer):
    meta = meta_of("000_", gazetteer)
    found = {m.name for m in meta.municipalities}
    assert {"Tysvær", "Time", "Hå"} <= found
    assert "Sund" not in found  # "Hege Sundt"


def test_2018_municipalities_map_to_today(gazetteer):
    by_name = {m.name: m for m in meta_of("001_", gazetteer).municipalities}
    assert (by_name["Fjell"].current_name, by_name["Fjell"].current_county) == (
        "Øygarden",
        "Vestland",
    )
    assert by_name["Os"].current_name == "Bjørnafjorden"
    assert by_name["Radøy"].current_numbers == ["4631"]


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("001_", "Referat fra Læringsnettverkssamling 13.september 2018"),
        ("002_", "Retningslinjer for etablering av kommunale læringsnettverk"),
        ("003_", "Invitasjon til deltaking i læringsnettverk for barneverntenesta"),
        ("004_", "Referat fra møte i Samarbeidsforum REKOM"),
    ],
)
def test_title_is_the_line_that_names_the_document(gazetteer, prefix, title):
    assert meta_of(prefix, gazetteer).title == title


@pytest.mark.parametrize(
    ("prefix", "network"),
    [
        ("000_", "Utvidet ressursgruppe Vestland og Rogaland"),
        ("001_", "Læringsnettverket i Hordaland"),
        ("003_", "Læringsnettverket i Hordaland"),
        ("004_", "Samarbeidsforum REKOM"),
        ("2020-02-11_", "Styringsgruppen Vestland"),
        ("2021-10-26_", "Læringsnettverket i Trøndelag"),
        ("2023-05-10_", "Styringsgruppen Setesdal"),
        ("002_", None),  # Bufdir's national guidelines belong to no one network
    ],
)
def test_network_is_derived_from_the_title_and_text(gazetteer, prefix, network):
    assert meta_of(prefix, gazetteer).network == network


@pytest.mark.parametrize("prefix", ["2021-10-26_", "2023-05-10_", "2020-02-11_"])
def test_text_rules_alone_agree_with_the_front_matter(gazetteer, prefix):
    with_front = meta_of(prefix, gazetteer)
    from_text = meta_of(prefix, gazetteer, strip_front_matter=True)
    assert (from_text.doc_type, from_text.date, from_text.county) == (
        with_front.doc_type,
        with_front.date,
        with_front.county,
    )
    front_names = {m.kommunenummer for m in with_front.municipalities}
    assert front_names <= {m.kommunenummer for m in from_text.municipalities}


def test_front_matter_wins_over_the_text(gazetteer):
    doc = LoadedDocument(
        path="x.md",
        source="x.md",
        text="Referat fra møte i Bergen 01.02.2020\nFylkesmannen i Rogaland var til stede.",
        front_matter={
            "type": "utlysning",
            "dato": "2021-03-04",
            "fylke": "Hordaland",
            "kommuner": "Os, Fjell, Atlantis",
            "title": "Min tittel",
        },
    )
    meta = extract_metadata(doc, "x", gazetteer)
    assert (meta.doc_type, meta.date, meta.title) == (
        DocType.UTLYSNING,
        dt.date(2021, 3, 4),
        "Min tittel",
    )
    assert (meta.county, meta.current_county) == ("Hordaland", "Vestland")
    assert [(m.name, m.kommunenummer) for m in meta.municipalities] == [
        ("Os", "1243"),
        ("Fjell", "1246"),
    ]


def test_all_municipalities_of_a_county_names_none_but_gives_the_county(gazetteer):
    doc = LoadedDocument(
        path="u.md",
        source="u.md",
        text="Utlysning av midler",
        front_matter={"kommuner": "alle kommuner i Rogaland"},
    )
    meta = extract_metadata(doc, "u", gazetteer)
    assert (meta.municipalities, meta.county, meta.doc_type) == ([], "Rogaland", DocType.UTLYSNING)


def test_unknown_type_falls_back_to_the_title_then_minutes_markers(gazetteer):
    doc = LoadedDocument(
        path="n.txt", source="n.txt", text="Tilstede:\nKari\n\nDato: 3.3.2023\nSak 1 Aktuelt"
    )
    meta = extract_metadata(
        doc.model_copy(update={"front_matter": {"type": "notat"}}), "n", gazetteer
    )
    assert (meta.doc_type, meta.date) == (DocType.REFERAT, dt.date(2023, 3, 3))


def test_file_name_words_give_the_type_when_the_text_does_not(gazetteer):
    doc = LoadedDocument(
        path="a/2020_sluttrapport_x.txt", source="2020_sluttrapport_x.txt", text="Noe tekst her."
    )
    assert extract_metadata(doc, "s", gazetteer).doc_type == DocType.SLUTTRAPPORT


def test_plain_text_without_clues_is_annet_and_undated(gazetteer):
    doc = LoadedDocument(path="t.txt", source="t.txt", text="Noen tanker om barnevernet i 2019.")
    meta = extract_metadata(doc, "t", gazetteer)
    assert (meta.doc_type, meta.date, meta.county, meta.network) == (
        DocType.ANNET,
        None,
        None,
        None,
    )


def test_find_title_skips_address_lines_for_a_line_naming_the_type():
    text = "\n\nLikelydende til\nAlle kommunene i Hordaland\n\nInvitasjon til deltaking\n\nTekst."
    assert find_title(text) == "Invitasjon til deltaking"
    assert find_title("## **Et notat om noe**\n\nTekst") == "Et notat om noe"


@pytest.mark.parametrize(
    ("title", "network"),
    [
        ("Referat fra møte i Fagrådet 3.3.2023", "Fagrådet"),
        ("Referat fra møte i Statens hus 3.3.2023", None),
        ("Referat fra møte i Bergen 3.3.2023", None),
        (
            "Referat frå møte i styringsgruppa for læringsnettverket i Sunnfjord",
            "Styringsgruppen Sunnfjord",
        ),
    ],
)
def test_network_comes_from_a_named_body_not_a_place(gazetteer, title, network):
    doc = LoadedDocument(path="m.txt", source="m.txt", text=f"{title}\n\nTekst.")
    assert extract_metadata(doc, "m", gazetteer).network == network


@pytest.mark.parametrize(("front", "url"), [
    ({"url": "https://www.bufdir.no/utlysning"}, "https://www.bufdir.no/utlysning"),
    ({"source": "https://helsetilsynet.no/tilsyn/rapport"}, "https://helsetilsynet.no/tilsyn/rapport"),
    ({"source": "Bufdir, e-post 3. mai"}, None),  # a source that is no address
    ({"url": "http://example.org/uten-tls"}, None),  # links readers click are https only
    ({}, None),
])  # fmt: skip
def test_a_document_keeps_its_own_web_address_from_front_matter(gazetteer, front, url):
    doc = LoadedDocument(path="u.md", source="u.md", text="# Utlysning\n\nTekst.",
                         front_matter=front)
    assert extract_metadata(doc, "d", gazetteer).url == url


@pytest.mark.parametrize(("front", "publisher"), [
    ({"publisher": "Statsforvaltaren i Rogaland (publisert av Statens helsetilsyn)"},
     "Statsforvaltaren i Rogaland"),  # the note in brackets is not the name
    ({"utgiver": "KS"}, "KS"),
    ({"utgjevar": "  "}, None),
    ({}, None),
])  # fmt: skip
def test_a_document_keeps_who_issued_it_from_front_matter(gazetteer, front, publisher):
    doc = LoadedDocument(path="u.md", source="u.md", text="# Tilsynsrapport\n\nTekst.",
                         front_matter=front)
    assert extract_metadata(doc, "d", gazetteer).publisher == publisher


def test_a_table_of_every_county_governor_names_no_county(gazetteer):
    rows = "\n".join(f"| Statsforvalteren i {c} | {n} |" for c, n in (
        ("Vestland", 5), ("Agder", 3), ("Nordland", 3), ("Rogaland", 4), ("Innlandet", 4)))
    doc = LoadedDocument(path="v.md", source="v.md", text=f"# Veileder for tilsyn\n\n{rows}\n")
    assert extract_metadata(doc, "v", gazetteer).county is None
    one = LoadedDocument(path="r.md", source="r.md", text="# Referat\n\nStatsforvalteren i Agder "
                         "orienterte. Statsforvalteren i Agder og Statsforvalteren i Rogaland "
                         "møtes. Statsforvalteren i Agder følger opp.")
    assert extract_metadata(one, "r", gazetteer).county == "Agder"


def test_a_joint_county_governor_is_both_counties_so_the_municipalities_decide(gazetteer):
    doc = LoadedDocument(path="k.md", source="k.md", text=(
        "# Prosjektbeskrivelse\n\nDato: 15.04.2021\n\nSøknad til Statsforvalteren i Oslo og Viken. Kongsberg, "
        "Flesberg og Rollag samarbeider. Statsforvalteren i Oslo Viken har fått søknaden."))
    meta = extract_metadata(doc, "k", gazetteer)
    assert meta.county == "Viken"  # never «Oslo» for Kongsberg's project


@pytest.mark.parametrize(("front", "source", "year"), [
    ({"date": "2021"}, "bilateralt-mote.md", 2021),  # front matter with the year alone
    ({}, "2022_retningslinje_veileder.md", 2022),  # a file named for its year
    ({}, "2021-10-26_referat.md", None),  # a full date: the date says it
    ({}, "veileder.md", None),
])  # fmt: skip
def test_a_document_dated_only_by_its_year_keeps_the_year(gazetteer, front, source, year):
    doc = LoadedDocument(path=source, source=source, text="# Veileder\n\nTekst uten dato.",
                         front_matter=front)
    meta = extract_metadata(doc, "d1", gazetteer)
    assert meta.date is None and meta.year == year and meta.known_year == year
