"""Which sentences a summary keeps (no model: scored candidates written here)."""

from __future__ import annotations

from bot.facts.candidates import Candidate
from bot.facts.gate import Scored
from bot.facts.retrieval import Evidence
from bot.facts.summary import MAX_SENTENCES, opening, pick
from indexer.models import Chunk, DocType, DocumentMeta

META = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Prosjekt",
                    doc_type=DocType.PROSJEKTBESKRIVELSE)


def scored(text: str, section: str, probability: float, position: int, label: bool = False
           ) -> Scored:  # fmt: skip
    chunk = Chunk(chunk_id=f"d:{position}", doc_id="d", position=position, text=text,
                  heading_path=[section] if section else [], start=0, end=len(text))
    cand = Candidate(text=text, evidence=Evidence(chunk, META, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=label, is_item=False, items=0)
    return Scored(cand, probability, [])


def test_each_figure_of_the_fact_sheet_gets_its_place_beside_every_section():
    sheet = [scored("Prosjektperiode: 1. april 2025 – 31. mars 2027", "", 0.96, 0, True),
             scored("Søkt beløp: 560 000 kr", "", 0.95, 1, True),
             scored("Prosjektleiar: Ingeborg Lien", "", 0.97, 2, True)]  # no figure
    themes = ("mål tiltak bakgrunn evaluering forankring organisering risiko spredning "
              "økonomi resultat kostnad læring").split()  # more sections than the budget
    sections = [scored(f"Setning om {theme}.", theme, 0.97, 10 + i)
                for i, theme in enumerate(themes[:MAX_SENTENCES])]
    texts = [s.candidate.text for s in pick(sheet + sections)]
    assert "Søkt beløp: 560 000 kr" in texts and len(texts) == MAX_SENTENCES


def test_a_projects_final_report_is_summarised_before_its_description() -> None:
    import datetime as dt

    from bot.facts.named_documents import final_report_of
    from indexer.models import MunicipalityMention

    holmestrand = MunicipalityMention(name="Holmestrand", kommunenummer="3903", county="Vestfold",
                                      current_numbers=["3903"], current_name="Holmestrand",
                                      current_county="Vestfold")
    tokke = holmestrand.model_copy(update={"name": "Tokke", "current_numbers": ["4026"]})

    def evidence(doc_type: DocType, year: int, place: MunicipalityMention) -> Evidence:
        meta = DocumentMeta(doc_id=f"{doc_type}{year}", source="s", path="s", title="T",
                            doc_type=doc_type, date=dt.date(year, 1, 1), municipalities=[place])
        chunk = Chunk(chunk_id=f"{meta.doc_id}:0", doc_id=meta.doc_id, position=0, text="x",
                      start=0, end=1)
        return Evidence(chunk, meta, 0.1, 0.5)

    plan = evidence(DocType.PROSJEKTBESKRIVELSE, 2018, holmestrand)
    report = evidence(DocType.SLUTTRAPPORT, 2021, holmestrand)
    elsewhere = evidence(DocType.SLUTTRAPPORT, 2022, tokke)
    assert final_report_of(plan, [plan, elsewhere, report]) is report
    assert final_report_of(plan, [plan, elsewhere]) is plan  # another project's report
    assert final_report_of(report, [report, plan]) is report


def test_what_came_of_it_wins_over_an_equally_relevant_background_sentence() -> None:
    from bot.facts.summary import salience

    background = scored("Tjenesten har lenge ønsket bedre samtaler med barn.", "Bakgrunn", 0.8, 1)
    result = scored("De fleste ansatte bruker nå samtaleverktøyet.", "5. Resultater", 0.8, 2)
    conclusion = scored("Prosjektet videreføres i drift.", "Konklusjon og videreføring", 0.8, 3)
    assert salience(result) > salience(background)
    assert salience(conclusion) > salience(background)
    assert salience(result) == salience(conclusion)


def test_a_count_in_words_is_a_figure_as_digits_are() -> None:
    from bot.facts.summary import salience

    plain = scored("Reformen gir kommunene mer ansvar.", "Økonomi", 0.8, 1)
    in_words = scored("Kompensasjonen trappes opp over tre år.", "Økonomi", 0.8, 2)
    in_digits = scored("Kompensasjonen trappes opp over 3 år.", "Økonomi", 0.8, 3)
    assert salience(in_words) == salience(in_digits) > salience(plain)


def test_the_kind_of_document_asked_is_summarised_though_another_has_more_chunks():
    from bot.facts.summary import main_document

    def hit(doc_id: str, kind: DocType, position: int) -> Evidence:
        meta = DocumentMeta(doc_id=doc_id, source=f"{doc_id}.md", path=f"{doc_id}.md",
                            title=doc_id, doc_type=kind)
        chunk = Chunk(chunk_id=f"{doc_id}:{position}", doc_id=doc_id, position=position,
                      text="Internkontroll.", start=0, end=15)
        return Evidence(chunk, meta, 0.03, 0.5)

    evidence = [hit("veileder", DocType.RETNINGSLINJE, 0),
                *(hit("sluttrapport", DocType.SLUTTRAPPORT, i) for i in range(3))]
    assert main_document(evidence) == "sluttrapport"
    assert main_document(evidence, frozenset({DocType.RETNINGSLINJE})) == "veileder"
    assert main_document(evidence, frozenset({DocType.UTLYSNING})) == "sluttrapport"  # none such


def test_a_document_is_chosen_by_its_best_chunks_not_by_how_many_it_has():
    """«Oppsummer KS-saka om Barnevernløft i Vestland»: the short news page ranks first with both
    its chunks; a long referat from Vestland has five lower ones."""
    from bot.facts.summary import main_document

    def hit(doc_id: str, position: int, score: float) -> Evidence:
        meta = DocumentMeta(doc_id=doc_id, source=f"{doc_id}.md", path=f"{doc_id}.md",
                            title=doc_id, doc_type=DocType.REFERAT)
        chunk = Chunk(chunk_id=f"{doc_id}:{position}", doc_id=doc_id, position=position,
                      text="Vestland.", start=0, end=9)
        return Evidence(chunk, meta, score, 0.5)

    evidence = [hit("news", 0, 0.041), hit("news", 1, 0.041),
                *(hit("referat", i, 0.035 - i * 0.0005) for i in range(5))]
    assert main_document(evidence) == "news"


def test_a_page_asked_is_summarised_from_the_pages_of_the_web():
    """«Give me a quick overview of the Trøndelag learning network page»: the network's web page,
    not the referat from Trøndelag whose chunks ranked a little higher."""
    from bot.facts.summary import main_document

    def hit(doc_id: str, score: float, url: str | None) -> Evidence:
        meta = DocumentMeta(doc_id=doc_id, source=f"{doc_id}.md", path=f"{doc_id}.md",
                            title=doc_id, doc_type=DocType.ANNET, url=url)
        chunk = Chunk(chunk_id=f"{doc_id}:0", doc_id=doc_id, position=0, text="Trøndelag.",
                      start=0, end=10)
        return Evidence(chunk, meta, score, 0.5)

    evidence = [hit("referat", 0.040, None), hit("page", 0.038, "https://example.no/side")]
    assert main_document(evidence) == "referat"
    assert main_document(evidence, web_page=True) == "page"
    assert main_document(evidence[:1], web_page=True) == "referat"  # no page retrieved


def test_the_opening_sentences_are_kept_beside_the_budget():
    first = [scored("Ved dette tilsynet blei det avdekt lovbrot hos Nav.", "", 0.2, 0),
               scored("Tilsynet er avslutta fordi tiltaka var tilstrekkelege.", "", 0.1, 1)]
    themes = ("mål tiltak bakgrunn evaluering forankring organisering risiko spredning "
              "økonomi resultat kostnad læring").split()  # more sections than the budget
    sections = [scored(f"Setning om {theme} i prosjektet som er viktig.", theme, 0.97, 10 + i)
                for i, theme in enumerate(themes)]
    texts = [s.candidate.text for s in pick(first + sections)]
    assert texts[:2] == [s.candidate.text for s in first]  # the gist first, in order
    # the opening three (the two and the first section's) beside a full budget of sections
    assert len(texts) == MAX_SENTENCES + 3
    subtitle = scored("Vedlegg til søknad om stimuleringsmidler 2021", "", 0.1, 0)
    assert opening([subtitle, *sections]) == sections[:3]  # a subtitle line is no opening


def test_each_kind_of_money_stated_is_kept_however_low_its_relevance() -> None:
    budget = [scored("Kurs og samlingar | 150 000 kr", "Budsjett", 0.2, 20),
              scored("Sum** | **960 000 kr", "Budsjett", 0.1, 21),
              scored("Det vert søkt om 640 000 kr i stimuleringsmidlar.", "Budsjett", 0.1, 22)]
    sections = [scored(f"Setning om {theme} i prosjektet.", theme, 0.97, 10 + i)
                for i, theme in enumerate("mål tiltak bakgrunn evaluering forankring "
                                          "organisering risiko spredning økonomi læring".split())]
    texts = [s.candidate.text for s in pick(sections + budget)]
    assert "Sum** | **960 000 kr" in texts  # the budget, though a table row of two words
    assert "Det vert søkt om 640 000 kr i stimuleringsmidlar." in texts  # what they applied for


def test_a_pull_quote_and_a_dateline_take_no_place_in_a_summary() -> None:
    said = "Vi er veldig glade for at overgangsordningen forlenges til tre år."
    texts = [s.candidate.text for s in pick([
        scored("Narvik, 20. juni 2023", "", 0.99, 0),
        scored("1. Sammendrag", "Sammendrag", 0.99, 1),
        scored(said, "Økonomi", 0.9, 2),
        scored(f"– {said}", "Økonomi", 0.9, 3),
        scored("Kostnadsnøkkelen er lite treffsikker for barnevern.", "Økonomi", 0.5, 4),
    ])]
    assert texts == [said, "Kostnadsnøkkelen er lite treffsikker for barnevern."]


def test_each_row_of_a_results_table_is_a_result_of_its_own() -> None:
    rows = [scored(f"Mål {i} | Nådd: {80 + i} prosent", "2. Mål og måloppnåelse", 0.9 - i / 100,
                   10 + i) for i in range(4)]
    themes = ("bakgrunn tiltak evaluering forankring organisering risiko spredning kostnad "
              "læring målgruppe metode plan").split()  # more sections than the budget
    background = [scored(f"Her står en setning om {theme}.", theme, 0.97, i)
                  for i, theme in enumerate(themes)]
    texts = [s.candidate.text for s in pick(rows + background)]
    assert all(r.candidate.text in texts for r in rows)


def test_what_the_project_cost_comes_before_the_other_sections_within_the_budget() -> None:
    spent = scored("Regnskapet viser et forbruk på 987 400 kr.", "4. Økonomi", 0.2, 50)
    themes = ("mål tiltak bakgrunn evaluering forankring organisering risiko spredning "
              "resultat kostnad læring målgruppe metode plan samarbeid eierskap").split()
    sections = [scored(f"Her står en setning om {theme}.", theme, 0.97, i)
                for i, theme in enumerate(themes)]
    texts = [s.candidate.text for s in pick([*sections, spent])]
    assert spent.candidate.text in texts


def test_the_document_whose_title_the_question_names_is_summarised() -> None:
    from bot.facts.summary import main_document

    def evidence(doc_id: str, score: float) -> Evidence:
        meta = META.model_copy(update={"doc_id": doc_id})
        chunk = Chunk(chunk_id=f"{doc_id}:0", doc_id=doc_id, position=0, text="x", start=0, end=1)
        return Evidence(chunk, meta, score, 0.5)

    guideline, page = evidence("guideline", 0.040), evidence("page", 0.037)
    assert main_document([guideline, page]) == "guideline"
    assert main_document([guideline, page], named={"page": 0.6, "guideline": 0.2}) == "page"


def test_a_caption_or_a_byline_is_no_sentence_of_a_summary_but_a_long_finding_is() -> None:
    from bot.facts.summary import _telling

    assert not _telling(scored("Gunn Marit Helgesen, KS' styreleder", "", 0.9, 1))
    assert not _telling(scored("Statsforvalteren i Trøndelag, 10. januar 2022", "", 0.9, 2))
    finding = "Dette er brudd på barnevernloven §§ 1-4, 4-3 og kommunelovens § 25-1"
    assert _telling(scored(finding, "Konklusjon", 0.9, 3))
    assert _telling(scored("Søkt beløp: 560 000 kr", "", 0.9, 4, label=True))


def test_a_list_item_already_under_its_picked_lead_in_is_not_said_again() -> None:
    lead = scored("Dette fører til: at barnet ikke blir hørt; at saken ikke kartlegges.",
                  "Konklusjon", 0.95, 1)
    item = scored("at barnet ikke blir hørt.", "Funn", 0.9, 2)
    texts = [s.candidate.text for s in pick([lead, item])]
    assert texts == [lead.candidate.text]


def test_one_row_of_a_table_says_what_it_is_the_rest_would_paste_it() -> None:
    rows = [scored(f"Statsforvalteren i {a} | {n} | Statsforvalteren i {b} | {m}", "4. Metode",
                   0.9, i) for i, (a, n, b, m) in enumerate(
        [("Vestland", 5, "Agder", 3), ("Innlandet", 4, "Nordland", 3), ("Rogaland", 4, "Troms", 4)])]
    prose = [scored("Varsel sendes ut ca. to måneder før tilsynsbesøket.", "4. Metode", 0.6, 5),
             scored("Kontaktpersonen må kjenne tjenesten godt.", "4. Metode", 0.5, 6)]
    texts = [s.candidate.text for s in pick(rows + prose)]
    assert sum(" | " in t for t in texts) == 1
    assert "Varsel sendes ut ca. to måneder før tilsynsbesøket." in texts


def test_every_row_of_a_results_table_is_a_result_of_its_own() -> None:
    rows = [scored(f"Mål {i} | Nådd: {i * 10} prosent", "3. Resultater", 0.9, i)
            for i in range(1, 4)]
    texts = [s.candidate.text for s in pick(rows)]
    assert sum(" | " in t for t in texts) == 3
