"""Inspection reports (tilsynsrapporter) are a document type of their own: listed and counted
by type, year and place like the others, and a guideline *for* inspections is not one."""

from __future__ import annotations

import pytest

from indexer.models import DocType
from tests.bot.lists.conftest import indexed
from tests.fakes import listed as ask

DOCUMENTS = {
    "2023_other_tilsyn-eidfjord.md": """\
---
title: "Eidfjord kommune – oppfølging av barn i fosterheim 2023 (tilsynsrapport)"
type: other
publisher: "Statsforvaltaren i Vestland (publisert av Statens helsetilsyn)"
---

# Eidfjord kommune – oppfølging av barn i fosterheim 2023

Statsforvaltaren gjennomførte tilsyn med Eidfjord kommune 12. og 13. juni 2023.
Det vart ikkje avdekt lovbrot.
""",
    "2019_other_tilsyn-nav-lom.md": """\
---
title: "Rapport frå tilsyn med Nav Lom om ettervern 2019"
type: other
---

# Rapport frå tilsyn med Nav Lom om ettervern 2019

Fylkesmannen gjennomførte tilsyn med Nav Lom frå 01.10.2019 til 04.10.2019. Det vart avdekt
lovbrot.
""",
    "2022_retningslinje_veileder-tilsyn.md": """\
---
title: "Veileder for landsomfattende tilsyn 2022–2023"
type: retningslinje
---

# Veileder for landsomfattende tilsyn 2022–2023

Statsforvalterne skal gjennomføre tilsyn med oppfølging av barn i fosterhjem.
""",
}
REPORTS = {"2023_other_tilsyn-eidfjord.md", "2019_other_tilsyn-nav-lom.md"}


@pytest.fixture(scope="module")
def inspection_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    return indexed(DOCUMENTS, "inspection", tmp_path_factory, gazetteer)


def test_inspection_reports_are_their_own_type_and_a_guideline_is_not(inspection_context) -> None:  # type: ignore[no-untyped-def]
    types = {d.source: d.doc_type for d in inspection_context.store.documents()}
    assert types == {"2023_other_tilsyn-eidfjord.md": DocType.TILSYNSRAPPORT,
                     "2019_other_tilsyn-nav-lom.md": DocType.TILSYNSRAPPORT,
                     "2022_retningslinje_veileder-tilsyn.md": DocType.RETNINGSLINJE}  # fmt: skip


@pytest.mark.parametrize(("text", "opening"), [
    ("Hvilke tilsynsrapporter har vi?", "Tilsynsrapporter (2):"),
    ("Kva for tilsynsrapportar finst det i basen?", "Tilsynsrapportar (2):"),
    ("Which inspection reports do we have?", "Inspection reports (2):"),
])  # fmt: skip
def test_inspection_reports_are_listed(inspection_context, text, opening) -> None:  # type: ignore[no-untyped-def]
    answer = ask(inspection_context, text)
    assert answer.answer.startswith(opening), answer.answer
    assert {c.source for c in answer.citations} == REPORTS


def test_inspection_reports_are_counted_by_year(inspection_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(inspection_context, "Hvor mange tilsynsrapporter fra 2023 har vi?")
    assert "1 tilsynsrapport" in answer.answer, answer.answer
    assert [c.source for c in answer.citations] == ["2023_other_tilsyn-eidfjord.md"]


def test_each_listed_report_names_the_office_that_issued_it(inspection_context) -> None:  # type: ignore[no-untyped-def]
    answer = ask(inspection_context, "Hvilke tilsynsrapporter har vi?")
    eidfjord = next(line for line in answer.answer.splitlines() if "Eidfjord" in line)
    assert "; Statsforvaltaren i Vestland" in eidfjord, eidfjord
    lom = next(line for line in answer.answer.splitlines() if "Nav Lom" in line)
    assert "Statsforvalt" not in lom  # no front matter names its office: none is made up
