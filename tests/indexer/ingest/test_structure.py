import pytest

from indexer.ingest.structure import Section, agenda_items, find_sections
from indexer.models import DocType
from tests.conftest import KNOWLEDGE


def read(name: str) -> str:
    with open(KNOWLEDGE / name, encoding="utf-8") as handle:
        return handle.read()


def saks(sections: list[Section]) -> list[tuple[str | None, str | None]]:
    return [(s.sak_number, s.heading) for s in sections]


REFERAT_AGENDAS = {
    "000_9cd953df84ef8b74.txt": [
        ("1", "Sak 1) Informasjon fra Statsforvalterne"),
        ("2", "Sak 2) Formålet med møte - EVALUERING"),
        (
            "3",
            "Sak 3) Hvordan kan vi bidra til å styrke eksisterende prosjekt? Dette med bakgrunn "
            "i kompetansestrategiens periode fra 2018 – 2024",
        ),
        ("4", "Sak 4) Hva kan vi samarbeide om på tvers av fylkene?"),
    ],
    "004_300499633755e007.txt": [
        ("10/22", "Sak 10/22 Godkjenning av referat"),
        ("12/22", "Sak 12/22 Aktuelt"),
        ("13/22", "Sak 13/22 Prosjekt kompetansenettverk 2020-2022"),
        ("14/22", "Sak 14/22 Årshjul"),
        ("15/22", "Sak 15/22 Arbeidsgruppe desentralisert videreutdanning i spes.ped."),
    ],
    "2020-02-11_referat_styringsgruppe_vestland.md": [
        ("1/2020", "Sak 1/2020 Godkjenning av innkalling og referat"),
        ("2/2020", "Sak 2/2020 Status i prosjektet om barnevernets rolle i høykonfliktsaker"),
        ("3/2020", "Sak 3/2020 Dokumentasjon av barnesamtaler – erfaringskonferansen"),
        ("4/2020", "Sak 4/2020 Stimuleringsmidler 2020"),
        ("5/2020", "Sak 5/2020 Ny kommunestruktur og sammensetning av styringsgruppen"),
    ],
    "2021-10-26_referat_nettverkssamling_trondelag.md": [
        ("7/2021", "Sak 7/2021 Godkjenning av referat fra samlingen 15.04.2021"),
        ("8/2021", "Sak 8/2021 Status for ettervernsprosjektet «Neste steg» (Trondheim og Malvik)"),
        ("9/2021", "Sak 9/2021 Erfaringer fra fosterhjemsprosjektet i Trondheim"),
        ("10/2021", "Sak 10/2021 Rapportering og nye retningslinjer"),
        ("11/2021", "Sak 11/2021 Søknadsrunde 2022"),
    ],
    "2023-05-10_referat_styringsgruppe_setesdal.md": [
        ("8/2023", "Sak 8/2023 Godkjenning av innkalling og referat frå 8. februar 2023"),
        ("9/2023", "Sak 9/2023 Rekruttering og stabilitet i barnevernstenestene"),
        ("10/2023", "Sak 10/2023 Søknad om stimuleringsmidlar 2023 – «Tidleg inn i Setesdal»"),
        ("11/2023", "Sak 11/2023 Barnevernsvakt"),
        ("12/2023", "Sak 12/2023 Eventuelt"),
    ],
}

NEXT_MEETING = {
    "000_9cd953df84ef8b74.txt": None,
    "004_300499633755e007.txt": None,
    "2020-02-11_referat_styringsgruppe_vestland.md": "Neste møte",
    "2021-10-26_referat_nettverkssamling_trondelag.md": "Neste samling",
    "2023-05-10_referat_styringsgruppe_setesdal.md": "Neste møte",
}


@pytest.mark.parametrize("name", sorted(REFERAT_AGENDAS))
def test_every_referat_in_the_corpus_splits_into_its_exact_sak_items(name: str) -> None:
    text = read(name)
    assert saks(agenda_items(text)) == REFERAT_AGENDAS[name]
    sections = find_sections(text, DocType.REFERAT)
    assert sections[0].heading_path == []  # meeting header: who, where, when
    after_saks = [s.heading for s in sections if s.sak_number is None][1:]
    expected_tail = [NEXT_MEETING[name]] if NEXT_MEETING[name] else []
    assert after_saks == expected_tail


def test_sak_section_spans_heading_and_body_up_to_the_next_sak() -> None:
    text = read("004_300499633755e007.txt")
    aarshjul = next(s for s in agenda_items(text) if s.sak_number == "14/22")
    body = text[aarshjul.start : aarshjul.end]
    assert body.startswith("Sak 14/22 Årshjul")
    assert "forslag til årshjul for 2023" in body
    assert "Sak 15/22" not in body
    assert text[aarshjul.body_start :].startswith("Statsforvalteren la frem")


def test_markdown_title_is_folded_into_the_preamble_not_into_every_path() -> None:
    text = read("2020-02-11_referat_styringsgruppe_vestland.md")
    preamble, first = find_sections(text, DocType.REFERAT)[:2]
    assert "# Referat fra møte i styringsgruppen" in text[preamble.start : preamble.end]
    assert first.heading_path == ["Sak 1/2020 Godkjenning av innkalling og referat"]


def test_markdown_minutes_without_sak_follow_their_headings() -> None:
    text = read("001_16f217685acad70e.txt")
    sections = find_sections(text, DocType.REFERAT)
    prosjekter = (
        "Kommunene arbeider videre med to prosjekter frem mot søknadsfristen den 1. november 2018:"
    )
    organisering = "Avklaringer knyttet til organisering av nettverket"
    assert [s.heading_path for s in sections] == [
        [],
        [
            "Neste samling i Læringsnettverket vil bli arrangert i Bergen den 12. februar 2019 "
            "(sett av datoen)."
        ],
        [prosjekter],
        [prosjekter, "Barnevernets rolle i høykonfliktsaker"],
        [prosjekter, "Dokumentasjon av barnesamtaler"],
        [prosjekter, "Basisopplæring"],
        [organisering],
        [organisering, "Styringsgruppen"],
        [organisering, "Ressursgruppe"],
        [organisering, "Bistand fra kompetansemiljøene"],
        [organisering, "Stimuleringsmidler"],
        [organisering, "Kontaktpersoner for læringsnettverket:"],
    ]
    assert agenda_items(text) == []


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("Sak 1) Velkommen", "1", "Sak 1) Velkommen"),
        ("Sak 10/22 Godkjenning av referat", "10/22", "Sak 10/22 Godkjenning av referat"),
        (
            "### Sak 1/2020 Godkjenning av innkalling",
            "1/2020",
            "Sak 1/2020 Godkjenning av innkalling",
        ),
        ("Sak 1/2025", "1/2025", "Sak 1/2025"),
        ("Sak 3 – Budsjett", "3", "Sak 3 – Budsjett"),
        ("Sak 3: Budsjett", "3", "Sak 3: Budsjett"),
        ("SAK 4.", "4", "SAK 4."),
        ("**Sak 5: Eventuelt**", "5", "Sak 5: Eventuelt"),
        ("  Sak 6 Orientering fra Bufetat", "6", "Sak 6 Orientering fra Bufetat"),
    ],
)
def test_sak_heading_variants_are_agenda_items(line: str, number: str, heading: str) -> None:
    text = f"Referat fra møtet\n\n{line}\nInnhold i saken.\n\nSak 99) Neste\nMer tekst.\n"
    assert saks(agenda_items(text)) == [(number, heading), ("99", "Sak 99) Neste")]


@pytest.mark.parametrize(
    "line",
    [
        "Vedtak: Saka vert sett opp att på neste møte.",
        "sak 3 ble drøftet kort.",
        "Vi tok opp Sak 3) om budsjett i forrige møte.",
        "Sak 3 ble utsatt til neste møte.",
        "Saksbehandler 2 orienterte.",
        "Sak 2022 var et godt år.",
    ],
)
def test_sak_in_running_text_is_not_an_agenda_item(line: str) -> None:
    text = f"Sak 1) Godkjenning\nTekst.\n{line}\nMer tekst.\n"
    assert saks(agenda_items(text)) == [("1", "Sak 1) Godkjenning")]


def test_numbered_agenda_without_sak_is_used_in_a_referat() -> None:
    text = (
        "Referat fra nettverksmøte 3. mai 2024\n\n"
        "Dagsorden:\n1. Godkjenning av referat\n2. Orientering\n3. Eventuelt\n\n"
        "1. Godkjenning av referat\nReferatet ble godkjent.\n\n"
        "2) Orientering fra Statsforvalteren\nNye retningslinjer kommer.\n"
        "15. september kommer veilederen.\n\n"
        "3. Eventuelt\nIngen saker.\n"
    )
    assert saks(agenda_items(text)) == [
        ("1", "1. Godkjenning av referat"),
        ("2", "2) Orientering fra Statsforvalteren"),
        ("3", "3. Eventuelt"),
    ]


def test_numbered_lines_are_not_agenda_items_when_the_referat_has_sak_items() -> None:
    text = (
        "Sak 1) Status\nVi har tre mål:\n\n1. Rekruttere fosterhjem\n\nSak 2) Eventuelt\nIngen.\n"
    )
    assert [s.heading for s in find_sections(text, DocType.REFERAT)] == [
        "Sak 1) Status",
        "Sak 2) Eventuelt",
    ]


def test_guideline_headings_are_found_and_contents_lines_ignored() -> None:
    text = read("002_2c082c72471b777c.txt")
    sections = find_sections(text, DocType.RETNINGSLINJE)
    assert [s.heading_path for s in sections] == [
        [],
        ["1. Formål med kommunale læringsnettverk"],
        ["2. Styrking av kommunalt fosterhjemarbeid"],
        ["3. Fylkesmannens rolle"],
        ["4. Rammer for kommunale læringsnettverk"],
        [
            "5. Eksempler på utviklingsprosjekter eller aktiviteter i læringsnettverkene "
            "(listen er ikke uttømmende):"
        ],
        ["6. Revidering av retningslinjene"],
    ]
    contents = text[sections[0].start : sections[0].end]
    assert "Innhold" in contents and "Revidering av retningslinjene\t5" in contents


def test_numbered_list_items_and_long_sentences_are_not_headings() -> None:
    text = (
        "Krav til søknaden\n\n"
        "1. Bakgrunn og behov\n2. Mål og målgruppe\n3. Budsjett\n\n"
        "1. Prosjektet skal ha en egenandel på minst 20 prosent av kostnadene.\n\n"
        "2. Revidering\n\nBufdir reviderer i 2020.\n"
    )
    sections = find_sections(text, DocType.UTLYSNING)
    assert [s.heading for s in sections] == [None, "2. Revidering"]


def test_markdown_and_bold_headings_nest_by_level() -> None:
    text = "# Tittel\n\nIntro.\n\n## Mål\n\n**Delmål**\n\nTekst.\n\n## Tiltak\n\nTekst.\n"
    sections = find_sections(text, DocType.PROSJEKTBESKRIVELSE)
    assert [s.heading_path for s in sections] == [[], ["Mål"], ["Mål", "Delmål"], ["Tiltak"]]
    assert [s.level for s in sections] == [0, 2, 3, 2]


def test_sections_tile_every_document_in_the_corpus() -> None:
    for path in sorted(KNOWLEDGE.iterdir()):
        text = read(path.name)
        for doc_type in (DocType.REFERAT, DocType.RETNINGSLINJE, DocType.ANNET):
            sections = find_sections(text, doc_type)
            assert sections[0].start == 0 and sections[-1].end == len(text), path.name
            for before, after in zip(sections, sections[1:], strict=False):
                assert before.end == after.start and before.start < before.end, path.name


def test_text_without_headings_is_one_preamble_section() -> None:
    text = read("003_389c294a846d532a.txt")
    assert find_sections(text, DocType.INVITASJON) == [Section([], 0, 0, len(text), 0)]
    assert find_sections("", DocType.ANNET) == []
