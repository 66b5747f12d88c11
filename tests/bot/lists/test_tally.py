"""A list counted group by group: the counts agree with the rows below them, and the leading
group is named with its members, each cited."""

from __future__ import annotations

import re

from bot.core.question import Intent, Tally
from tests.fakes import listed as ask
from tests.fakes import understood


def _counts(answer: str, opening: str) -> dict[str, int]:
    line = next(s for s in answer.split("\n") if s.startswith(opening))
    return {m["key"].strip(): int(m["n"]) for m in re.finditer(
        r"(?P<key>[^,:]+?) (?P<n>\d+)(?=,|\.$)", line.split(": ", 1)[1])}


def test_projects_per_county_count_the_rows_under_each_county(sample_context):
    answer = ask(sample_context, "Hvor mange prosjekter er det per fylke?").answer
    counts = _counts(answer, "Fordelt på fylke")
    under: dict[str, int] = {}
    county = ""
    for line in answer.split("\n"):
        if line.startswith("**"):
            county = line.strip("*").split(" (")[0]  # «Vestland (tidligere Hordaland)»
        elif line.startswith("- ") and county:
            under[county] = under.get(county, 0) + 1
    assert counts == under and len(counts) >= 2


def test_the_theme_with_most_final_reports_is_named_with_its_projects_cited(sample_context):
    question = understood(sample_context, "Hvilket tema har flest sluttrapporter?")
    assert question.intent == Intent.PROJECTS  # a theme is a project's
    answer = ask(sample_context, "Hvilket tema har flest sluttrapporter?")
    counts = _counts(answer.answer, "Fordelt på tema")
    most = max(counts.values())
    lead = next(s for s in answer.answer.split("\n") if s.startswith("Flest"))
    assert f"({most})" in lead
    assert all(f"{theme} –" in lead for theme, n in counts.items() if n == most)
    assert len(re.findall(r"\[\d+\]", lead)) >= most


def test_documents_per_year_are_in_the_order_of_the_years_and_add_up(sample_context):
    answer = ask(sample_context, "How many minutes do we have per year?").answer
    counts = _counts(answer, "By year")
    years = [k for k in counts if k.isdigit()]
    assert years == sorted(years)
    total = int(re.search(r"(\d+)", answer.split("\n")[0])[1])  # type: ignore[index]
    assert sum(counts.values()) == total


def test_the_groups_reaching_a_count_are_those_the_tally_counts_that_high(sample_context):
    counts = _counts(ask(sample_context, "Hvor mange prosjekter er det per kommune?").answer,
                     "Fordelt på kommune")
    answer = ask(sample_context, "Hvilke kommuner har vært med i mer enn ett prosjekt?").answer
    line = next(s for s in answer.split("\n") if s.startswith("Med minst 2 prosjekter hver"))
    named = {g.split(" – ")[0] for g in line.split(": ", 1)[1].rstrip(".").split("; ")}
    assert named == {k for k, n in counts.items() if n >= 2 and not k.startswith("uten")}
    assert named  # the sample corpus has municipalities in two projects


def test_no_group_reaching_the_count_is_said_plainly(sample_context):
    answer = ask(sample_context, "Which municipalities have more than nine projects?").answer
    assert "No municipality has at least 10 projects." in answer


def _named_in(ctx, at_least: int) -> set[str]:  # type: ignore[no-untyped-def]
    named: dict[str, int] = {}
    for meta in ctx.store.documents():
        for person in meta.people:
            named[person] = named.get(person, 0) + 1
    return {person for person, n in named.items() if n >= at_least}


def test_people_in_several_documents_are_listed_each_document_cited_where_named(sample_context):
    question = understood(sample_context, "Er det noen personer som går igjen i flere av "
                                          "dokumentene? Hvem, og i hvilke sammenhenger?")
    assert question.intent == Intent.DOCUMENTS and question.tally == Tally.PERSON
    assert not question.across  # the people's list answers the «hvem»
    answer = ask(sample_context, question.text)
    rows = [line for line in answer.answer.split("\n") if line.startswith("- ")]
    listed = {row[2:].split(":")[0] for row in rows}
    assert listed == _named_in(sample_context, 2) and listed
    for row in rows:
        person = row[2:].split(":")[0]
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", row)]
        assert len(numbers) >= 2
        assert all(person in answer.citations[n - 1].snippet for n in numbers)


def test_who_is_named_most_gets_only_the_people_named_most(sample_context):
    answer = ask(sample_context, "Kven er nemnd i flest dokument?").answer
    assert answer.startswith("Personar som er nemnde i minst")
    counts: dict[str, int] = {}
    for meta in sample_context.store.documents():
        for person in meta.people:
            counts[person] = counts.get(person, 0) + 1
    most = max(counts.values())
    rows = {line[2:].split(":")[0] for line in answer.split("\n") if line.startswith("- ")}
    assert rows == {p for p, n in counts.items() if n == most}


def test_no_one_named_that_often_is_said_plainly(sample_context):
    answer = ask(sample_context, "Which people are mentioned in at least nine documents?")
    assert answer.answer == "I find no person named in at least 9 documents."
