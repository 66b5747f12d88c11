"""A small corpus of our own across municipal and county mergers, indexed once per module:
Søgne and Songdalen (now Kristiansand), Os and Fusa (now Bjørnafjorden), Gloppen in Sogn og
Fjordane, and today's Kristiansand and Bjørnafjorden — so questions can go both ways in time."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.context import CoreContext
from indexer.ingest.pipeline import index_paths
from indexer.settings import Settings
from tests.fakes import FakeEmbeddings, fake_index_deps

DOCUMENTS = {
    "2018-05-02_prosjektbeskrivelse_sogne-songdalen_ettervern.md": """\
# Prosjektbeskrivelse: «Vidare saman» – ettervern i Søgne og Songdalen

**Vertskommune:** Søgne kommune
**Samarbeidskommune:** Songdalen kommune
**Prosjektperiode:** 1. mai 2018 – 30. april 2019

## Formål

Formålet er bedre ettervern for ungdom mellom 18 og 25 år.

## Budsjett

Det søkes om 300 000 kr i stimuleringsmidler. Kommunene dekker 100 000 kr som egenandel.
""",
    "2018-09-01_prosjektbeskrivelse_kristiansand_vold.md": """\
# Prosjektbeskrivelse: «Trygg heime» – vold og overgrep i Kristiansand

**Vertskommune:** Kristiansand kommune
**Prosjektperiode:** 1. september 2018 – 31. august 2019

## Formål

Formålet er at barn som utsettes for vold og overgrep, blir oppdaget tidligere.
""",
    "2023-02-01_prosjektbeskrivelse_kristiansand_fosterhjem.md": """\
# Prosjektbeskrivelse: «Flere hjem» – rekruttering av fosterhjem i Kristiansand

**Vertskommune:** Kristiansand kommune
**Prosjektperiode:** 1. februar 2023 – 31. januar 2025

## Mål

Hovedmål: Flere barn skal kunne bo i fosterhjem i eget nærmiljø. Prosjektet skal også se på
ettervern for ungdom som flytter ut.

## Budsjett

Det søkes om 620 000 kr i stimuleringsmidler.
""",
    "2019-03-12_referat_nettverkssamling_hordaland.md": """\
# Referat frå nettverkssamling i læringsnettverket for barnevern i Hordaland, 12.03.2019

## Sak 3/2019 Prosjektet om barnesamtalar i Os og Fusa

Os og Fusa deltek i prosjektet om barnesamtalar, og Os er vertskommune.

Vedtak: Nettverket tek statusen til orientering.
""",
    "2022-11-30_sluttrapport_bjornafjorden_hoykonflikt.md": """\
# Sluttrapport: «Roleg grunn» – høgkonfliktsaker i Bjørnafjorden

**Vertskommune:** Bjørnafjorden kommune
**Prosjektperiode:** 1. januar 2021 – 31. oktober 2022

## 1. Samandrag

Prosjektet har laga ei felles rutine for høgkonfliktsaker. Prosjektet fekk 410 000 kr i
stimuleringsmidlar. Rekneskapen viser eit forbruk på 395 000 kr.
""",
    "2019-06-20_prosjektbeskrivelse_gloppen_tidleg-innsats.md": """\
# Prosjektskildring: «Tidleg saman» – tidleg innsats i Gloppen

**Vertskommune:** Gloppen kommune
**Prosjektperiode:** 1. august 2019 – 31. juli 2020

## Føremål

Føremålet er tidleg innsats for barn i barnehage og skule.
""",
}


def indexed(documents: dict[str, str], name: str, tmp_path_factory, gazetteer  # type: ignore[no-untyped-def]
            ) -> CoreContext:  # fmt: skip
    """A context over `documents` (file name → text), indexed with the fake embedder."""
    folder: Path = tmp_path_factory.mktemp(f"{name}-corpus")
    for file_name, text in documents.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"{name}-data"), _env_file=None)  # type: ignore[call-arg]
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    report = index_paths([folder], deps)
    assert not report.errors, report.errors
    return CoreContext(settings=settings, store=deps.store, embeddings=embeddings,
                       gazetteer=gazetteer)  # fmt: skip


@pytest.fixture(scope="module")
def merger_context(tmp_path_factory, gazetteer):  # type: ignore[no-untyped-def]
    return indexed(DOCUMENTS, "merger", tmp_path_factory, gazetteer)
