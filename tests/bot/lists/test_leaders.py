"""Project leaders on a list («Hvem er prosjektlederne?») and the projects led by a position
(«Hvilke prosjekter ledes av en fagleder?»), from the «Prosjektleder:» line of each project's
own document, in Bokmål, Nynorsk and English."""

from __future__ import annotations

import pytest

from bot.lists.leaders import holds
from tests.bot.lists.conftest import indexed
from tests.fakes import listed as ask

DOCUMENTS = {
    "2021-02-01_prosjektbeskrivelse_narvik_ettervern.md": """\
# Prosjektbeskrivelse: «Vidare» – ettervern i Narvik

**Vertskommune:** Narvik kommune
**Prosjektleder:** Jørn Are Pettersen, ettervernskoordinator, barnevernstjenesten i Narvik
**Prosjektperiode:** 1. mars 2021 – 28. februar 2023

## Formål

Bedre ettervern for ungdom mellom 18 og 25 år.
""",
    "2020-03-01_prosjektbeskrivelse_time_hoykonflikt.md": """\
# Prosjektbeskrivelse: «Midten» – høykonflikt i Time

**Vertskommune:** Time kommune
**Prosjektleder:** Kristoffer Nærland, fagleder, barneverntjenesten i Time
**Prosjektperiode:** 1. april 2020 – 31. mars 2022

## Formål

Bedre hjelp i saker med høy konflikt mellom foreldre.
""",
    "2023-09-01_prosjektskildring_voss_fosterheim.md": """\
# Prosjektskildring: «Nær» – fosterheimsrettleiing i Voss

**Vertskommune:** Voss herad
**Prosjektleiar:** Ragnhild Ystanes Bø, barnevernsfagleg rådgjevar, Voss herad
**Prosjektperiode:** 2023–2025

## Formål

Betre rettleiing av fosterheimar i kommunen.
""",
    "2019-05-01_prosjektbeskrivelse_bodo_fosterhjem.md": """\
# Prosjektbeskrivelse: «Hjem» – rekruttering av fosterhjem i Bodø

**Vertskommune:** Bodø kommune
**Prosjektperiode:** 2019–2020

## Formål

Flere fosterhjem i Bodø.
""",
}


@pytest.fixture(scope="module")
def leader_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    return indexed(DOCUMENTS, "leaders", tmp_path_factory, gazetteer)


def test_each_row_names_its_projects_leader_cited_to_the_line(leader_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(leader_context, "Hvem er prosjektlederne i fosterhjemsprosjektene?")
    assert answer is not None and not answer.refused, answer
    rows = {s.text for s in answer.sentences if s.text.startswith("- ")}
    assert any("Ragnhild Ystanes Bø (barnevernsfagleg rådgjevar)" in r for r in rows), rows
    assert any("«Hjem»" in r and "prosjektleder ikke oppgitt" in r for r in rows), rows
    quoted = [c.snippet or "" for c in answer.citations]
    assert any("Prosjektleiar: Ragnhild" in q for q in quoted), quoted


@pytest.mark.parametrize(("text", "titles"), [
    ("Hvilke prosjekter ledes av en fagleder?", ["Midten"]),
    ("Kva prosjekt har ein barnevernsfagleg rådgivar som prosjektleiar?", ["Nær"]),
    ("Which projects are led by a coordinator?", ["Vidare"]),
])  # fmt: skip
def test_projects_led_by_a_position_are_those_whose_leader_holds_it(leader_context, text,
                                                                     titles) -> None:  # type: ignore[no-untyped-def]
    answer = ask(leader_context, text)
    assert answer is not None and [r.title for r in answer.payload.rows] == titles, answer.answer


def test_no_leader_holding_the_position_is_said_plainly(leader_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(leader_context, "Hvilke prosjekter ledes av en jurist?")
    assert answer is not None and answer.refused
    assert "ledet av en «jurist»" in answer.answer


@pytest.mark.parametrize(("asked", "position", "held"), [
    ("fagleder", "fagleder", True),
    ("fagleiar", "fagleder", True),
    ("koordinator", "fagkoordinator for fosterhjem", True),
    ("coordinator", "ettervernskoordinator", True),
    ("barnevernsfaglig rådgiver", "barnevernsfagleg rådgjevar", True),
    ("fagleder", "avdelingsleder", False),
    ("rådgiver", "familieterapeut", False),
])  # fmt: skip
def test_a_position_is_matched_across_written_forms_not_by_a_shared_ending(asked, position,
                                                                            held) -> None:  # type: ignore[no-untyped-def]
    assert holds(asked, position) is held
