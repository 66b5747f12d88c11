"""Sums and comparisons over catalogue amounts: applied, granted, spent and budget kept apart,
every amount cited, each sum shown with its parts."""

from __future__ import annotations

from bot.core.claims import normalise
from tests.fakes import listed as ask


def test_a_sum_shows_its_parts_and_cites_each(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merger_context, "Hvor mye har prosjektene i Kristiansand søkt om til sammen?")
    total = next(s for s in answer.sentences if s.text.startswith("Til sammen"))
    assert normalise(total.text) == normalise(
        "Til sammen 920 000 kr søkt: «Vidare saman» 300 000 kr + «Flere hjem» 620 000 kr.")
    quoted = [answer.citations[n - 1].snippet for n in total.citations]
    assert "300 000 kr" in quoted[0] and "620 000 kr" in quoted[1]
    assert {row.title for row in answer.payload.rows} == {"Vidare saman", "Flere hjem"}
    # a project without an amount is named with its municipalities and cited all the same
    unpriced = next(s for s in answer.sentences if s.text.startswith("Uten beløp"))
    assert unpriced.text == "Uten beløp i kildene: «Trygg heime» (Kristiansand (vertskommune))."
    assert "Trygg heime" in answer.citations[unpriced.citations[0] - 1].title


def test_an_average_is_shown_beside_the_sum_it_comes_from(merger_context) -> None:  # type: ignore[no-untyped-def]
    for text, mean in [
        ("Hva søkte prosjektene i Kristiansand om i gjennomsnitt?",
         "I gjennomsnitt 460 000 kr søkt per prosjekt (2 prosjekter)."),
        ("What was the average amount the projects in Kristiansand applied for?",
         "On average 460 000 kr applied for per project (2 projects)."),
    ]:
        answer = ask(merger_context, text)
        texts = [normalise(s.text) for s in answer.sentences]
        assert normalise(mean) in texts, texts
    plain = ask(merger_context, "Hvor mye har prosjektene i Kristiansand søkt om til sammen?")
    assert not any("gjennomsnitt" in s.text for s in plain.sentences)


def test_spent_is_read_and_shown_apart_from_granted(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merger_context, "How much did the projects in Vestland spend?")
    assert answer.payload.amounts == ["spent"]
    (row,) = answer.payload.rows
    assert (row.title, row.spent, row.granted) == ("Roleg grunn", 395_000, 410_000)
    cited = " ".join(c.snippet for c in answer.citations)
    assert "forbruk på 395 000 kr" in cited


def test_an_overview_without_a_kind_shows_each_kind_in_its_own_column(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merger_context, "Gi en oversikt over beløpene til prosjektene")
    assert answer.payload.amounts == ["applied", "granted", "spent"]
    roleg = next(r for r in answer.payload.rows if r.title == "Roleg grunn")
    assert (roleg.applied, roleg.granted, roleg.spent) == (None, 410_000, 395_000)
    assert "920" in normalise(answer.answer) and "1 330" not in normalise(answer.answer)


def test_a_comparison_lists_every_project_with_its_amounts(merger_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(merger_context, "Samanlikn dei prosjekta som har vore i Agder")
    assert answer.language == "nn"
    assert [row.title for row in answer.payload.rows] == [
        "Trygg heime", "Vidare saman", "Flere hjem"]  # oldest first
    assert "Agder omfattar også tidlegare Aust-Agder og Vest-Agder." in answer.answer


def test_an_amount_asked_by_year_quotes_the_sentence_splitting_it(sample_context) -> None:  # type: ignore[no-untyped-def]
    by_year = ask(sample_context, "Hvor mye fikk Haugesund og Karmøy tildelt, fordelt på år?")
    assert "300 000 kr i 2020, 350 000 kr i 2021 og 250 000 kr i 2022" in by_year.answer
    whole = ask(sample_context, "Hvor mye fikk Haugesund og Karmøy tildelt?")
    assert "900\xa0000" in whole.answer and "350 000 kr i 2021" not in whole.answer


def test_a_bound_keeps_the_projects_past_it_and_the_rest_make_up_the_whole(sample_context) -> None:  # type: ignore[no-untyped-def]
    every = [r for r in ask(sample_context, "Hvor mye har prosjektene søkt om?").payload.rows
             if r.applied is not None]
    over = ask(sample_context, "Hvilke prosjekter har søkt om mer enn 500 000 kr?")
    under = ask(sample_context, "Hvilke prosjekter har søkt om mindre enn 500 000 kr?")
    assert normalise(over.answer).startswith(normalise("Beløp (søkt) for prosjekter over 500 000 kr"))
    assert all((row.applied or 0) > 500_000 for row in over.payload.rows)
    assert all((row.applied or 0) < 500_000 for row in under.payload.rows)
    assert {r.title for r in over.payload.rows} | {r.title for r in under.payload.rows} == {
        r.title for r in every if r.applied != 500_000}
    assert over.payload.rows and under.payload.rows
