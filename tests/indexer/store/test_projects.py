"""The catalogue stored with the ledger: kept in step by the incremental indexer, read by filters."""

from __future__ import annotations

from indexer.catalogue import ProjectQuery
from indexer.ingest.pipeline import index_paths
from indexer.store import KnowledgeStore
from tests.fakes import fake_index_deps, project_description


def _titles(store: KnowledgeStore, **filters) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    query = ProjectQuery(**{k: frozenset(v) for k, v in filters.items()})
    return {p.title: {s.source for s in p.sources} for p in store.find_projects(query)}


def test_index_add_change_delete_keeps_catalogue_in_step(settings, gazetteer, corpus) -> None:  # type: ignore[no-untyped-def]
    deps = fake_index_deps(settings, gazetteer)
    index_paths([corpus], deps)
    store = deps.store
    assert len(_titles(store, themes={"fosterhjem"})) == 4

    (corpus / "2022-12-15_sluttrapport_haugesund-karmoy_fosterhjem.md").unlink()
    (corpus / "2020-02-11_referat_styringsgruppe_vestland.md").unlink()
    (corpus / "2024-05-02_prosjektbeskrivelse_bergen-askoy_fosterhjem.md").write_text(
        project_description("«Heime hjå oss» – fosterhjem i Bergen og Askøy", "Bergen kommune",
                            partner="Askøy kommune", period="1. juni 2024 – 31. mai 2026",
                            body="## Bakgrunn\n\nFor få fosterhjem.\n"), encoding="utf-8")
    report = index_paths([corpus], deps)
    assert report.removed == 2 and report.files_indexed == 1

    titles = _titles(store, themes={"fosterhjem"})
    assert "Sammen for fosterhjemmet" not in titles
    assert titles["Haugesunds-prosjektet"] == {"000_9cd953df84ef8b74.txt"}  # the mention stays
    assert "Heime hjå oss" in titles
    conflict = _titles(store, themes={"høykonflikt"})["Barnevernets rolle i høykonfliktsaker"]
    assert "2020-02-11_referat_styringsgruppe_vestland.md" not in conflict
    assert "001_16f217685acad70e.txt" in conflict

    before = _titles(store)
    store.rebuild_catalogue()
    assert _titles(store) == before  # incremental linking agrees with linking from scratch


def test_history_filters_find_former_municipalities_and_counties(sample_context) -> None:  # type: ignore[no-untyped-def]
    store = sample_context.store
    oygarden = _titles(store, municipalities={"4626"})
    assert set(oygarden) == {"Fosterhjem i vest", "Barnevernets rolle i høykonfliktsaker"}
    assert set(_titles(store, municipalities={"4631"})) == {"Barnevernets rolle i høykonfliktsaker"}
    vestland = _titles(store, current_counties={"Vestland"})
    assert {"Fosterhjem i vest", "Dokumentasjon av barnesamtaler"} <= set(vestland)
    hordaland = _titles(store, counties={"Hordaland"})
    assert "Rettleiing nær fosterheimen" not in hordaland  # Kvam and Voss were Vestland by 2023
    assert "Fosterhjem i vest" in hordaland
    # the former Hordaland also finds Kvam and Voss filed under Vestland, when asked for its area
    area = _titles(store, counties={"Hordaland"}, area={"4621", "4622"})
    assert "Rettleiing nær fosterheimen" in area


def test_a_former_number_finds_its_own_projects_and_its_successors(sample_context) -> None:  # type: ignore[no-untyped-def]
    store = sample_context.store
    fjell = _titles(store, written={"1246"})  # Fjell as written, not all of today's Øygarden
    assert set(fjell) == {"Fosterhjem i vest", "Barnevernets rolle i høykonfliktsaker"}
    assert set(_titles(store, written={"1260"})) == {"Barnevernets rolle i høykonfliktsaker"}


def test_a_narrowed_query_must_match_the_list_it_narrows(sample_context) -> None:  # type: ignore[no-untyped-def]
    store = sample_context.store
    vestland = ProjectQuery(current_counties=frozenset({"Vestland"}))
    narrowed = ProjectQuery(themes=frozenset({"fosterhjem"}), within=vestland)
    assert {p.title for p in store.find_projects(narrowed)} == {
        "Fosterhjem i vest", "Rettleiing nær fosterheimen"}


def test_pages_are_slices_of_the_one_list_order(sample_context) -> None:  # type: ignore[no-untyped-def]
    store = sample_context.store
    everything = [p.project_id for p in store.find_projects(ProjectQuery())]
    pages = [store.project_page(ProjectQuery(), start, 4) for start in range(0, 12, 4)]
    assert all(page.total == len(everything) for page in pages)
    assert [p.project_id for page in pages for p in page.records] == everything
    counties = [min((m.current_county for m in p.municipalities),
                    default=p.current_county or "\U0010ffff")
                for p in store.find_projects(ProjectQuery())]  # fmt: skip
    assert counties == sorted(counties)  # grouped by today's county
    rogaland = store.project_places(ProjectQuery(themes=frozenset({"fosterhjem"}),
                                                 current_counties=frozenset({"Rogaland"})))
    assert rogaland == [("1106", "1106"), ("1149", "1149")]  # Haugesund, Karmøy


def test_a_project_with_each_kind_of_document_asked_needs_them_all(settings, gazetteer, corpus) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke prosjekter har vi både prosjektbeskrivelse og sluttrapport for?»: a description
    or a final report alone is not enough."""
    (corpus / "2023-05-30_sluttrapport_trondheim-malvik_ettervern.md").write_text(
        "# Sluttrapport: «Neste steg» – ettervern for unge voksne i Trondheim og Malvik\n\n"
        "---\ntype: sluttrapport\ndato: 2023-05-30\nfylke: Trøndelag\n"
        "kommuner: Trondheim, Malvik\n---\n\n**Vertskommune:** Trondheim kommune\n"
        "**Prosjektperiode:** 1. mars 2021 – 28. februar 2023\n\n## Resultater\n\n"
        "34 ungdommer fikk en ettervernsplan.\n", encoding="utf-8")
    deps = fake_index_deps(settings, gazetteer)
    index_paths([corpus], deps)
    both = {"prosjektbeskrivelse", "sluttrapport"}
    every = ProjectQuery(doc_types=frozenset(both), every_doc_type=True)  # type: ignore[arg-type]
    either = ProjectQuery(doc_types=frozenset(both))  # type: ignore[arg-type]
    titles = {p.title for p in deps.store.find_projects(every)}
    assert titles == {"Neste steg"}
    assert len(deps.store.find_projects(either)) > len(titles)
