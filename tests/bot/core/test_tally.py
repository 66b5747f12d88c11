"""«Hvor mange prosjekter per fylke?», «Hvilket tema har flest sluttrapporter?»: which group a
list is counted by, and whether the leading (or last) group is asked, read once."""

from __future__ import annotations

import pytest

from bot.core.question import Tally
from bot.core.understand.tally import Counted, tally


@pytest.mark.parametrize(("text", "group", "extreme"), [
    ("Hvilket tema har flest sluttrapporter?", Tally.THEME, "most"),
    ("Hvor mange prosjekter er det per fylke?", Tally.COUNTY, ""),
    ("Kor mange referat har vi fordelt på år?", Tally.YEAR, ""),
    ("Kva fylke har færrast prosjekt?", Tally.COUNTY, "fewest"),
    ("Which county has the most projects?", Tally.COUNTY, "most"),
    ("How many documents of each type do we have?", Tally.TYPE, ""),
    ("Hvilken kommune har vært med i flest prosjekter?", Tally.MUNICIPALITY, "most"),
])  # fmt: skip
def test_the_group_and_the_extreme_asked(text, group, extreme):  # type: ignore[no-untyped-def]
    assert tally(text) == Counted(group, extreme)


@pytest.mark.parametrize("text", [
    "Hvilke kommuner har fått mest penger?",  # amounts ranked, not rows counted
    "Hvor mye søkes det om per år?",  # an amount per year
    "Hvor mange kommuner har hatt prosjekter?",  # one count, no groups
    "Hvilket prosjekt har størst budsjett?",
    # an office asked of one document, not a group of rows
    "Which County Governor's office must carry out the most inspections in 2023, and how many?",
])  # fmt: skip
def test_no_group_is_counted(text):  # type: ignore[no-untyped-def]
    assert tally(text) == Counted()


@pytest.mark.parametrize(("text", "group", "at_least", "documents"), [
    ("Er det kommuner i Vestland som har vært med i mer enn ett prosjekt?", Tally.MUNICIPALITY, 2,
     False),
    ("Hvilke fylker har to eller flere sluttrapporter?", Tally.COUNTY, 2, True),
    ("Kva kommunar har vore med i fleire prosjekt?", Tally.MUNICIPALITY, 2, False),
    ("Which counties have more than three projects?", Tally.COUNTY, 4, False),
    ("Hvilke kommuner har minst tre prosjekter?", Tally.MUNICIPALITY, 3, False),
    ("Which municipalities appear in several documents?", Tally.MUNICIPALITY, 2, True),
])  # fmt: skip
def test_a_count_the_groups_must_reach(text, group, at_least, documents):  # type: ignore[no-untyped-def]
    assert tally(text) == Counted(group, at_least=at_least, of_documents=documents)


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har mer enn to kommuner?",  # the projects are counted, not a group
    "Har Kvam søkt mer enn én gang?",
])  # fmt: skip
def test_a_count_without_a_group_before_it_counts_no_group(text):  # type: ignore[no-untyped-def]
    assert tally(text) == Counted()
