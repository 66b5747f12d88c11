"""How a document's metadata fits the places and year a question names."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.core.fit import finding, metadata_fit, place_fit, title_year
from bot.core.understand import Kit, understand
from bot.facts.candidates import Candidate
from bot.facts.elsewhere import about_another_place, about_another_year
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType, DocumentMeta, MunicipalityMention

TODAY = dt.date(2026, 12, 2)
HOLMESTRAND = MunicipalityMention(name="Holmestrand", kommunenummer="3903", county="Vestfold",
                                  current_numbers=["3903"], current_name="Holmestrand",
                                  current_county="Vestfold")


@pytest.fixture(scope="module")
def kit(gazetteer):  # type: ignore[no-untyped-def]
    return Kit(gazetteer, None, TODAY)


def meta(doc_type: DocType, date: dt.date | None = None, title: str = "T") -> DocumentMeta:
    return DocumentMeta(doc_id="d", source="d.md", path="d.md", title=title, doc_type=doc_type,
                        date=date, county="Vestfold", current_county="Vestfold",
                        municipalities=[HOLMESTRAND])


def test_another_municipalitys_report_in_the_same_county_is_another_places(kit):
    q = understand("Fant tilsynet lovbrudd i Sandefjord?", [], kit)
    assert place_fit(q, meta(DocType.ANNET)) < 0  # Holmestrand's report
    assert place_fit(q, meta(DocType.UTLYSNING)) > 0  # the county's call covers Sandefjord


def test_a_document_about_one_of_several_places_asked_fits(kit):
    q = understand("Hva krever retningslinjene i Vestfold, Rogaland og Agder?", [], kit)
    assert place_fit(q, meta(DocType.RETNINGSLINJE)) > 0


def test_a_county_holding_part_of_a_former_one_fits_only_its_own_part(kit):
    kongsberg = MunicipalityMention(name="Kongsberg", kommunenummer="3006", county="Viken",
                                    current_numbers=["3303"], current_name="Kongsberg",
                                    current_county="Buskerud")
    project = DocumentMeta(doc_id="k", source="k.md", path="k.md", title="Se meg",
                           doc_type=DocType.PROSJEKTBESKRIVELSE, county="Viken",
                           current_county="Østfold, Akershus, Buskerud",  # Viken's parts
                           municipalities=[kongsberg])
    assert place_fit(understand("Hvilke kommuner i Buskerud søkte midler?", [], kit), project) > 0
    assert place_fit(understand("Hvilke kommuner i Østfold søkte midler?", [], kit), project) < 0
    assert place_fit(understand("Hvilke kommuner i Viken søkte midler?", [], kit), project) > 0


def sentence(text: str, date: dt.date, title: str = "Utlysning") -> Candidate:
    doc = meta(DocType.UTLYSNING, date, title)
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    return Candidate(text, Evidence(chunk, doc, 1.0, 0.9), 0, len(text), title, False, False, 0)


def test_a_sentence_of_another_year_is_not_the_asked_years(kit):
    q = understand("Hva er søknadsfristen for 2025?", [], kit)
    assert about_another_year(q, sentence("Søknadsfrist for 2023: 24. mars 2023",
                                          dt.date(2023, 3, 1)))
    assert not about_another_year(q, sentence("Frist: 1. desember 2024", dt.date(2024, 10, 1),
                                              "Utlysning av midler for 2025"))  # the title says it
    assert not about_another_year(q, sentence("Søknadsfrist: 1. mars", dt.date(2023, 3, 1)))


def test_a_sentence_tying_its_figure_to_another_year_is_that_years_under_any_heading(kit):
    q = understand("Hvor mye fikk Agder til læringsnettverkene for 2020?", [], kit)
    heading = "Referat 17.09.2019 › Sak 17/2019 Stimuleringsmidler 2020"
    assert about_another_year(q, sentence("For 2019 fikk Agder 1 800 000 kr til læringsnettverkene.",
                                          dt.date(2019, 9, 17), heading))
    # a year it only compares with leaves the heading's year standing
    assert not about_another_year(q, sentence("Potten er tilsvarende som i 2019.",
                                              dt.date(2019, 9, 17), heading))


def test_a_year_tied_to_the_figure_mid_sentence_outweighs_a_title_spanning_the_asked_one(kit):
    q = understand("Hvor mange fosterhjemstilsyn skulle Nordland gjennomføre i 2022?", [], kit)
    title = "Veileder for landsomfattende tilsyn 2022–2023"
    assert about_another_year(q, sentence(
        "Statsforvalterne skal i 2023 gjennomføre systemrevisjoner i til sammen 43 tjenester.",
        dt.date(2022, 5, 1), title))  # dated the asked year, too: the sentence says 2023
    assert not about_another_year(q, sentence("Antallet er høyere enn i 2023.",
                                              dt.date(2022, 5, 1), title))


def test_the_county_of_a_named_municipality_does_not_make_its_neighbours_fit(kit):
    q = understand("Fikk Horten kommune lovbrudd i Statsforvalteren i Vestfold og Telemark sitt "
                   "fosterhjemstilsyn i 2023?", [], kit)
    assert {p.kind for p in q.places} == {"municipality", "county"}
    assert place_fit(q, meta(DocType.TILSYNSRAPPORT)) < 0  # Holmestrand's report
    assert place_fit(q, meta(DocType.UTLYSNING)) > 0  # the county's call still covers Horten


def test_an_undated_document_fits_the_years_its_title_names(kit):
    from bot.core.fit import title_years, year_fit

    assert title_years("Veileder for landsomfattende tilsyn 2022–2023") == {2022, 2023}
    q = understand("Hvor mange tilsyn skal Statsforvalteren gjennomføre i 2023?", [], kit)
    guide = meta(DocType.RETNINGSLINJE, None, "Veileder for landsomfattende tilsyn 2022–2023")
    assert year_fit(q, guide) == 1.0
    assert year_fit(q, meta(DocType.RETNINGSLINJE, None, "Veileder 2019")) == 0.0  # unknown


def test_a_call_for_next_years_funds_fits_the_year_its_title_names(kit):
    from bot.core.fit import year_fit

    q = understand("Hvor mye kan hvert prosjekt søke om i 2026?", [], kit)
    call = meta(DocType.UTLYSNING, dt.date(2025, 11, 3), "Utlysning av stimuleringsmidler 2026")
    assert year_fit(q, call) == 1.0  # published in November 2025, about 2026
    assert year_fit(q, meta(DocType.UTLYSNING, dt.date(2025, 11, 3), "Utlysning")) < 0


def test_a_guideline_holds_for_the_years_after_it_until_replaced(kit):
    from bot.core.fit import in_force, year_fit

    q = understand("Hvor stor egenandel krever retningslinjene i Vestfold i 2025?", [], kit)
    guideline = meta(DocType.RETNINGSLINJE, dt.date(2022, 1, 10), "Retningslinjer for midlene")
    assert in_force(guideline, 2025) and year_fit(q, guideline) == 0.0  # may be 2025's rules
    earlier = understand("Hvor stor egenandel krevde retningslinjene i Vestfold i 2020?", [], kit)
    assert year_fit(earlier, guideline) < 0  # not yet written in 2020
    dated = meta(DocType.RETNINGSLINJE, dt.date(2022, 1, 10), "Retningslinjer for 2022")
    assert not in_force(dated, 2025) and year_fit(q, dated) < 0  # a year's own rules
    call = meta(DocType.UTLYSNING, dt.date(2022, 1, 10), "Utlysning av midler")
    assert not in_force(call, 2025) and year_fit(q, call) < 0  # a call is its own year's


def test_a_sentence_of_another_places_document_is_that_places_even_if_its_chunk_names_ours(kit):
    q = understand("Hvem var prosjektleder for fosterhjemsprosjektet i Sandefjord kommune?", [],
                   kit)
    text = "Prosjektleder: Kari Nordmann, fagleder, barneverntjenesten i Holmestrand"
    leader = sentence(text, dt.date(2020, 4, 20), "Prosjektbeskrivelse i Holmestrand")
    chunk = leader.evidence.chunk.model_copy(
        update={"text": f"{text}\nKompetansemiljø: Universitetet i Sandefjord"})
    leader = dataclasses.replace(leader, evidence=dataclasses.replace(
        leader.evidence, chunk=chunk, meta=meta(DocType.PROSJEKTBESKRIVELSE)))
    assert about_another_place(q, leader)


def test_what_a_project_achieved_is_told_by_its_final_report(kit):
    from bot.core.fit import type_fit

    q = understand("Nådde prosjektet i Holmestrand målet om samtale med barnet alene?", [], kit)
    assert q.outcome
    assert type_fit(q, meta(DocType.SLUTTRAPPORT)) == 1.0
    assert type_fit(q, meta(DocType.PROSJEKTBESKRIVELSE)) == 0.0  # not held against the plan
    plan = understand("Hva var målet for prosjektet i Holmestrand?", [], kit)
    assert not plan.outcome and type_fit(plan, meta(DocType.SLUTTRAPPORT)) == 0.0


def test_a_title_names_its_own_year_not_a_dates() -> None:
    assert title_year("Utlysning av stimuleringsmidler 2026 – Nordland") == 2026
    assert title_year("Referat fra møte 18.11.2026") is None
    assert title_year("Veileder for tilsyn 2022–2023") is None


def test_a_document_known_only_by_its_year_fits_that_year(kit):
    """«date: "2021"» (a real KS page): the year is known though no day is."""
    from bot.core.fit import year_fit

    q = understand("Hvem snakket for KS på det bilaterale møtet i 2021?", [], kit)
    of_2021 = meta(DocType.REFERAT).model_copy(update={"year": 2021})
    assert of_2021.known_year == 2021 and year_fit(q, of_2021) == 1.0
    assert year_fit(q, meta(DocType.REFERAT).model_copy(update={"year": 2019})) < 0
    assert year_fit(q, meta(DocType.REFERAT)) == 0.0  # undated: unknown


def test_a_year_only_a_later_part_names_does_not_pick_the_documents(kit) -> None:  # type: ignore[no-untyped-def]
    later = understand("Hvor mye flyttes til kommunene med reformen, og hvorfor er det mindre i "
                       "2022?", [], kit)
    assert later.parts[1].years is not None and later.years is not None
    minutes_2022 = meta(DocType.REFERAT, dt.date(2022, 3, 8))
    assert metadata_fit(later, minutes_2022) > 0  # the year read, as the answer's parts need it
    assert finding(later).years is None and metadata_fit(finding(later), minutes_2022) == 0
    first = understand("Hva fikk Vestland i 2022, og hvem fordelte pengene?", [], kit)
    assert finding(first) is first  # the main part's own year still finds its documents
