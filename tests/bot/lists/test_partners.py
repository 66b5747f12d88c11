"""A body named in a project list («Kva prosjekt har hatt USN som kompetansemiljø?») keeps the
projects whose own documents name it; a name every project's documents have, or none has,
leaves the list as it was."""

from __future__ import annotations

import pytest

from tests.bot.lists.conftest import indexed
from tests.fakes import listed as ask

DOCUMENTS = {
    "2021-02-01_prosjektbeskrivelse_narvik_ettervern.md": """\
# Prosjektbeskrivelse: «Vidare» – ettervern i Narvik

**Vertskommune:** Narvik kommune
**Prosjektperiode:** 1. mars 2021 – 28. februar 2023
**Kompetansemiljø:** RKBU Nord

## Formål

Bedre ettervern for ungdom mellom 18 og 25 år, med støtte fra Bufdir.
""",
    "2019-01-10_prosjektbeskrivelse_holmestrand_barnesamtaler.md": """\
# Prosjektbeskrivelse: «Stemmen» – barnesamtaler i Holmestrand

**Vertskommune:** Holmestrand kommune
**Prosjektperiode:** 1. februar 2019 – 31. januar 2021
**Kompetansemiljø:** Universitetet i Sørøst-Norge (USN)

## Formål

Flere samtaler med barn i undersøkelser, med støtte fra Bufdir.
""",
    "2020-03-01_prosjektbeskrivelse_time_hoykonflikt.md": """\
# Prosjektbeskrivelse: «Midten» – høykonflikt i Time

**Vertskommune:** Time kommune
**Prosjektperiode:** 1. april 2020 – 31. mars 2022

## Formål

Bedre hjelp i saker med høy konflikt mellom foreldre, med støtte fra Bufdir.
""",
}


@pytest.fixture(scope="module")
def partner_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    return indexed(DOCUMENTS, "partners", tmp_path_factory, gazetteer)


@pytest.mark.parametrize(("text", "titles", "said"), [
    ("Hvilke prosjekter har hatt RKBU Nord som kompetansemiljø?", ["Vidare"], "RKBU Nord"),
    ("Kva prosjekt har hatt USN som kompetansemiljø?", ["Stemmen"], "USN"),
    ("Which projects worked with USN?", ["Stemmen"], "USN"),
])  # fmt: skip
def test_a_partner_named_keeps_the_projects_whose_documents_name_it(partner_context, text,
                                                                    titles, said) -> None:  # type: ignore[no-untyped-def]
    answer = ask(partner_context, text)
    assert [r.title.strip("«»") for r in answer.payload.rows] == titles, answer.answer
    assert said in answer.answer.splitlines()[0]


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har fått støtte fra Bufdir?",  # every project's documents name it
    "Hvilke prosjekter har hatt NTNU som kompetansemiljø?",  # no document names it
])  # fmt: skip
def test_a_name_that_tells_nothing_apart_leaves_the_list(partner_context, text) -> None:  # type: ignore[no-untyped-def]
    assert ask(partner_context, text).payload.total == 3


def test_a_fact_asked_of_a_project_by_name_reads_that_projects_documents(partner_context) -> None:  # type: ignore[no-untyped-def]
    """«Hva var budsjettet for Stemmen-prosjektet?»: not another project's budget line."""
    from bot.facts.answer import FactAnswerer
    from tests.fakes import understood

    question = understood(partner_context, "Hva var budsjettet for Stemmen-prosjektet?")
    assert question.project_named
    documents = partner_context.store.documents()
    named = FactAnswerer(partner_context)._named_project(question, documents)
    assert [m.source for m in named] == ["2019-01-10_prosjektbeskrivelse_holmestrand_barnesamtaler.md"]
    nobody = understood(partner_context, "Hva var budsjettet for Valdres-prosjektet?")
    assert FactAnswerer(partner_context)._named_project(nobody, documents) == []
