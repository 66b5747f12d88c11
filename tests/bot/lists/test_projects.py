"""List, count and overview questions answered completely from the project catalogue."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import projects_cmd
from bot.core.context import CoreContext
from bot.core.payloads import ProjectTable
from indexer.ingest.pipeline import index_paths
from tests.conftest import SHARED_EVAL
from tests.fakes import FakeEmbeddings, fake_index_deps, project_description
from tests.fakes import listed as ask

FOSTER_CARE = {"Fjell", "Sund", "Øygarden", "Haugesund", "Karmøy", "Kvam", "Voss", "Trondheim",
               "Klæbu"}  # fmt: skip



def table(answer) -> ProjectTable:  # type: ignore[no-untyped-def]
    assert isinstance(answer.payload, ProjectTable)
    return answer.payload


def listed_places(answer) -> set[str]:  # type: ignore[no-untyped-def]
    """Municipalities the table's rows name, as the documents wrote them."""
    return {place.name for row in table(answer).rows for place in row.places}


def titles(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.title for row in table(answer).rows]


def test_foster_care_question_lists_exactly_the_municipalities_named(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke kommuner har hatt prosjekter om fosterhjem?")
    assert answer.kind == "list" and not answer.refused
    assert listed_places(answer) == FOSTER_CARE
    assert "Klæbu (nå Trondheim)" in answer.answer and "Fjell (nå Øygarden)" in answer.answer


def test_high_conflict_question_names_kvam_fjell_radoy_with_their_source(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke kommuner deltok i prosjektet om høykonfliktsaker?")
    line = next(s for s in answer.sentences if "Kvam (vertskommune)" in s.text)
    assert "Fjell" in line.text and "Radøy" in line.text
    cited = [answer.citations[n - 1] for n in line.citations]
    first = next(c for c in cited if c.source == "001_16f217685acad70e.txt")
    assert "Kvam (Vertskommune) Fjell og Radøy" in first.snippet
    assert "«Barnet i midten»" in answer.answer  # Time and Klepp's own high-conflict project


@pytest.mark.parametrize(("text", "language", "heading"), [
    ("Hvilke kommuner har hatt fosterhjemsprosjekter?", "nb", "Kommuner med prosjekter"),
    ("Kva kommunar har hatt prosjekt om fosterheim?", "nn", "Kommunar med prosjekt"),
    ("Which municipalities have had foster care projects?", "en", "Municipalities with projects"),
])  # fmt: skip
def test_bokmal_nynorsk_and_english_give_the_same_list(
    sample_context, text, language, heading  # type: ignore[no-untyped-def]
) -> None:
    answer = ask(sample_context, text)
    assert answer.language == language
    assert answer.answer.startswith(heading)
    assert listed_places(answer) == FOSTER_CARE


def test_vestland_includes_hordaland_projects_from_before_2020(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Which municipalities in Vestland have had projects?")
    listed = titles(answer)
    assert "Barnevernets rolle i høykonfliktsaker" in listed  # Hordaland, 2018
    assert "Fosterhjem i vest" in listed and "Rettleiing nær fosterheimen" in listed
    assert "Barnet i midten" not in listed
    assert "Vestland also covers the former Hordaland and Sogn og Fjordane." in answer.answer


def test_current_municipality_includes_the_ones_merged_into_it(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke prosjekter har Øygarden vært med i?")
    assert set(titles(answer)) == {"Fosterhjem i vest", "Barnevernets rolle i høykonfliktsaker"}
    assert "Øygarden omfatter også tidligere Fjell og Sund." in answer.answer
    alver = ask(sample_context, "Kva prosjekt har Alver vore med i?")
    assert titles(alver) == ["Barnevernets rolle i høykonfliktsaker"]


def test_budget_overview_keeps_kinds_apart_and_sums_each_with_its_cited_parts(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Gi en oversikt over budsjett og stimuleringsmidler for "
                                 "fosterhjemsprosjektene som har prosjektbeskrivelse eller "
                                 "sluttrapport.")
    rows = {row.title: row for row in table(answer).rows}
    assert set(rows) == {"Fosterhjem i vest", "Sammen for fosterhjemmet",
                         "Rettleiing nær fosterheimen"}  # fmt: skip
    assert table(answer).money and table(answer).amounts == ["budget", "applied", "granted"]
    together = rows["Sammen for fosterhjemmet"]
    assert (together.budget, together.applied, together.granted) == (1_240_000, None, 900_000)
    # Babel writes amounts with no-break spaces (U+00A0), so a number never wraps from its unit.
    applied = next(s for s in answer.sentences if s.text.startswith("Til sammen 1\u00a0090"))
    assert applied.text == ("Til sammen 1\u00a0090\u00a0000\u00a0kr søkt: «Fosterhjem i vest» "
                            "450\u00a0000\u00a0kr + «Rettleiing nær fosterheimen» "
                            "640\u00a0000\u00a0kr.")
    quoted = [answer.citations[n - 1].snippet for n in applied.citations]
    assert "450 000 kr" in quoted[0] and "640 000 kr" in quoted[1]
    assert any(s.text.startswith("Til sammen 2\u00a0980\u00a0000\u00a0kr budsjett") for s in
               answer.sentences)  # fmt: skip
    assert "søkt eller tildelt" not in answer.answer  # applied and granted are never added


def test_the_largest_and_smallest_amount_are_named_first_each_cited(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilket prosjekt hadde størst budsjett, og hvilket minst?")
    first = answer.sentences[1]
    assert first.text.replace("\u00a0", " ") == (
        "Høyest budsjett: «Sammen for fosterhjemmet» 1 240 000 kr; lavest: Felles "
        "kvalitetssystem og internkontroll i barneverntjenestene i Hamar og Løten 540 000 kr.")
    quoted = [answer.citations[n - 1].snippet for n in first.citations]
    assert "1 240 000" in quoted[0] and "540 000" in quoted[1]
    assert [row.budget for row in table(answer).rows][:2] == [1_240_000, 1_050_000]
    assert not any(s.text.startswith("Til sammen") for s in answer.sentences)  # no sum asked
    nynorsk = ask(sample_context, "Kva for eit prosjekt søkte om mest pengar?")
    assert nynorsk.sentences[1].text.startswith("Høgast søkt: «Neste steg» 700")
    english = ask(sample_context, "Which project applied for the least money?")
    assert english.sentences[1].text.startswith("Highest applied")
    assert "lowest: «Barnet i midten» 380" in english.sentences[1].text


def test_every_row_cites_a_document_of_the_project(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "/prosjekter")
    rows = [s for s in answer.sentences if s.text.startswith("- ")]
    assert len(rows) == len(table(answer).rows) == 11
    assert [row.citations for row in table(answer).rows] == [s.citations for s in rows]
    assert all(s.citations for s in rows)
    assert answer.answer.splitlines()[-1].startswith("Basert på 17 dokumenter i kunnskapsbasen")


def test_count_question_and_command_agree(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvor mange prosjekter om fosterhjem finnes det?")
    assert answer.answer.startswith("Kunnskapsbasen har 4 prosjekter om fosterhjem.")
    command = ask(sample_context, "/prosjekter fosterhjem")
    assert command.answer.startswith("Prosjekter om fosterhjem (4):")
    assert table(command).rows == table(answer).rows


def test_nothing_matching_is_a_refusal_that_says_what_the_place_has(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke kommuner i Innlandet har hatt fosterhjemsprosjekter?")
    assert answer.refused
    assert answer.answer.startswith("Jeg fant ingen prosjekter om fosterhjem i Innlandet")
    assert "Prosjekter i Innlandet: Felles kvalitetssystem" in answer.answer
    nowhere = ask(sample_context, "Hvilke prosjekter om fosterhjem har vi i Finnmark?")
    assert nowhere.refused and not nowhere.citations  # nothing there at all: a plain refusal


@pytest.mark.parametrize("text", [
    "What is the total budget of the aftercare project «Neste steg» in Trondheim and Malvik?",
    "Hvilke tiltak i «Sammen for fosterhjemmet» ble videreført i ordinær drift?",
    "Kor mange barn budde i fosterheim i Luster kommune i 2023?",
    "Hvilke kommuner deltok på samlingen 13. september 2018?",
    "Hvem var prosjektleder for fosterhjemsprosjektet i Stavanger kommune?",
    "Hvilke prosjekter kan få stimuleringsmidler i Rogaland?",
])  # fmt: skip
def test_other_questions_are_left_to_other_routes(sample_context, text) -> None:  # type: ignore[no-untyped-def]
    assert ask(sample_context, text) is None


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").casefold().split())


def _contains(answer: str, item: str | list[str]) -> bool:
    options = [item] if isinstance(item, str) else item
    for option in options:
        needle = _norm(option)
        if len(needle) > 4 and needle in answer:
            return True
        if re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", answer):
            return True
    return False


def test_eval_list_questions_have_full_recall_and_precision(sample_context) -> None:  # type: ignore[no-untyped-def]
    """Measured on the shared eval file: catalogue questions must be complete and exact."""
    questions = [json.loads(line) for line in SHARED_EVAL.read_text(encoding="utf-8").splitlines()]
    gazetteer = sample_context.gazetteer
    answered = 0
    for q in questions:
        if q["kind"] not in {"list", "aggregate"}:
            continue
        answer = ask(sample_context, q["question"])
        if answer is None:
            continue
        answered += 1
        text = _norm(answer.answer)
        assert all(_contains(text, item) for item in q["must_contain"]), q["id"]
        expected = {m.name for m in gazetteer.find_municipalities(q["answer"])}
        assert listed_places(answer) <= expected, q["id"]
        assert {c.source for c in answer.citations} >= set(q["sources"]), q["id"]
    assert answered == 4  # dev-02, dev-12, dev-13, dev-14; the other list questions are facts


def test_adding_and_deleting_a_document_changes_the_answer(settings, gazetteer, corpus) -> None:  # type: ignore[no-untyped-def]
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    index_paths([corpus], deps)
    ctx = CoreContext(settings=settings, store=deps.store, embeddings=embeddings,
                      gazetteer=gazetteer)  # fmt: skip
    question = "Hvilke kommuner har hatt fosterhjemsprosjekter?"
    assert listed_places(ask(ctx, question)) == FOSTER_CARE

    (corpus / "2023-09-01_prosjektskildring_kvam-voss_fosterheim.md").unlink()
    (corpus / "2024-03-01_prosjektbeskrivelse_hole-ringerike_fosterhjem.md").write_text(
        project_description("«Nær heime» – fosterhjem i Hole og Ringerike", "Hole kommune",
                            partner="Ringerike kommune",
                            period="1. mars 2024 – 28. februar 2026",
                            body="## Bakgrunn\n\nFå fosterhjem.\n"), encoding="utf-8")
    index_paths([corpus], deps)
    answer = ask(ctx, question)
    expected = FOSTER_CARE - {"Voss", "Kvam"} | {"Hole", "Ringerike"}
    assert listed_places(answer) == expected
    assert "2023-09-01_prosjektskildring_kvam-voss_fosterheim.md" not in {
        c.source for c in answer.citations}

    app = typer.Typer()
    projects_cmd.register(app)
    app.command("noop")(lambda: None)  # a group, so "projects" is a subcommand
    args = ["projects", "--data-dir", str(settings.data_dir), "--tema", "fosterhjem"]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0
    assert "Nær heime" in {p["title"] for p in json.loads(result.output)}
    csv_out = CliRunner().invoke(app, [*args, "--kommune", "Øygarden", "--csv"]).output
    assert csv_out.splitlines()[0].startswith("prosjekt,kommuner")
    assert "Fosterhjem i vest" in csv_out and "Nær heime" not in csv_out
    bad = CliRunner().invoke(app, [*args[:-1], "ukjent-tema"])
    assert bad.exit_code == 2 and "Ukjent tema" in bad.output


def test_a_project_named_before_prosjektet_is_the_one_listed(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(sample_context, "Hvilke kommuner er med i Barnet i midten-prosjektet?")
    assert listed_places(answer) == {"Time", "Klepp"}


def test_a_name_no_project_has_is_no_list_of_every_project(sample_context) -> None:  # type: ignore[no-untyped-def]
    # a region is named in the documents, not in a project's title: the documents answer
    assert ask(sample_context, "Hvilke kommuner er med i Jæren-prosjektet?") is None
    assert ask(sample_context, "Hvilke kommuner har prosjekter?") is not None  # nothing named


def test_a_start_year_no_project_states_lists_those_running_then(sample_context) -> None:  # type: ignore[no-untyped-def]
    """The high-conflict project's documents date from 2018 but state no period: asked «da det
    startet i 2018», it is listed as mentioned then, not refused as having no start."""
    answer = ask(sample_context, "Hvilke kommuner var med i høykonfliktprosjektet da det startet "
                 "i 2018?")  # fmt: skip
    assert {"Kvam", "Fjell", "Radøy"} <= listed_places(answer)
    assert "2018–2020" in answer.answer and not answer.refused


def test_a_start_or_end_question_shows_the_days_the_period_line_states(sample_context) -> None:  # type: ignore[no-untyped-def]
    started = ask(sample_context, "Hvilke prosjekter startet etter 2021?")
    assert "1. januar 2022 – 30. juni 2024" in started.answer  # Rana and Hemnes
    assert "1. oktober 2023 – 30. september 2025" in started.answer  # Kvam and Voss
    rana = next(row for row in table(started).rows if "Trygge" in row.title)
    assert rana.period is not None and rana.period.start == dt.date(2022, 1, 1)
    ended = ask(sample_context, "Which projects ended in 2023?")
    assert "1 March 2021 – 28 February 2023" in ended.answer  # Trondheim and Malvik
    # a list by theme keeps to the years
    themed = ask(sample_context, "Hvilke kommuner har hatt ettervernsprosjekter?")
    assert "2021–2023" in themed.answer and "28. februar 2023" not in themed.answer


def test_projects_still_running_show_the_day_each_ends(sample_context) -> None:  # type: ignore[no-untyped-def]
    from tests.fakes import understood

    q = understood(sample_context, "Hvilke prosjekter pågikk i 2024, og pågår de fortsatt?")
    assert q.ongoing
    running = ask(sample_context, "Hvilke prosjekter pågår i 2024?")
    assert "1. oktober 2023 – 30. september 2025" in running.answer  # Kvam and Voss


def test_projects_that_started_in_a_year_left_out_are_not_listed(sample_context):
    every = ask(sample_context, "Hvilke prosjekter har vi?").payload
    started = ask(sample_context, "Hvilke prosjekter startet i 2021?").payload
    rest = ask(sample_context, "Hvilke prosjekter har vi, utenom de som startet i 2021?").payload
    assert started.total and rest.total == every.total - started.total
    assert not {r.title for r in rest.rows} & {r.title for r in started.rows}


def test_a_place_left_out_takes_its_projects_out_of_the_list(sample_context):
    every = ask(sample_context, "Hvilke prosjekter har vi?").payload
    rest = ask(sample_context, "Hvilke prosjekter har vi utenom Vestland?")
    vestland = ask(sample_context, "Hvilke prosjekter har vi i Vestland?").payload
    assert rest.answer.startswith(f"Prosjekter utenom Vestland ({every.total - vestland.total})")
    assert not {r.title for r in rest.payload.rows} & {r.title for r in vestland.rows}
    assert vestland.total and rest.payload.total


def test_a_theme_and_a_place_left_out_take_either_kind_of_project_out(sample_context):
    every = ask(sample_context, "Hvilke prosjekter har vi?").payload
    nordland = ask(sample_context, "Hvilke prosjekter har vi i Nordland?").payload
    aftercare = ask(sample_context, "Hvilke prosjekter om ettervern har vi?").payload
    rest = ask(sample_context, "Hvilke prosjekter har vi utenom Nordland og de om ettervern?")
    gone = {r.title for r in nordland.rows} | {r.title for r in aftercare.rows}
    assert rest.answer.startswith(f"Prosjekter utenom Nordland og ettervern ({every.total - len(gone)})"), \
        rest.answer
    assert not {r.title for r in rest.payload.rows} & gone
    assert nordland.total and aftercare.total


def test_a_county_heading_names_the_county_the_documents_were_written_in(sample_context):
    """«Fosterhjem i vest» was written in Hordaland, which is Vestland today."""
    answer = ask(sample_context, "Hvilke prosjekter har vi i Vestland?").answer
    assert "**Vestland (tidligere Hordaland)**" in answer
    assert "**Rogaland**" in ask(sample_context, "Hvilke prosjekter har vi i Rogaland?").answer


def test_a_region_no_gazetteer_holds_names_the_projects_whose_documents_it_titles(sample_context):
    """Setesdal is no municipality; the steering group's minutes are titled with it."""
    every = ask(sample_context, "Hvilke prosjekter har vi?").payload
    setesdal = ask(sample_context, "Hvilke prosjekter har vi i Setesdal?")
    assert 0 < setesdal.payload.total < every.total
    assert "Setesdal" in setesdal.answer.splitlines()[0]
    assert all("Evje og Hornnes" in {p.name for p in row.places} for row in setesdal.payload.rows)
    # a name no document's title has leaves the list as it was
    assert ask(sample_context, "Hvilke prosjekter har vi i Ukjentdalen?").payload.total == \
        every.total
