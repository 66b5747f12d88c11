"""Meeting records are written with their document at index time and leave with it; answering
a minutes question then parses nothing: no chunk is read and no section is found again."""

from __future__ import annotations

import shutil

import pytest

from bot.core.context import CoreContext
from bot.minutes.route import try_answer
from indexer.ingest.pipeline import index_paths
from indexer.minutes import text as minutes_text
from indexer.store.knowledge import KnowledgeStore
from tests.conftest import KNOWLEDGE
from tests.fakes import FakeEmbeddings, fake_index_deps, understood

SETESDAL = "2023-05-10_referat_styringsgruppe_setesdal.md"


def titles(store: KnowledgeStore) -> list[str]:
    return [record.title for record in store.meetings()]


def test_every_referat_gets_a_record_newest_first(sample_context) -> None:  # type: ignore[no-untyped-def]
    records = sample_context.store.meetings()
    assert len(records) == 6
    dates = [r.date for r in records]
    assert dates == sorted(dates, reverse=True)
    setesdal = next(r for r in records if "Setesdal" in r.title)
    assert [i.number for i in setesdal.items if i.kind == "sak"] == [
        "8/2023", "9/2023", "10/2023", "11/2023", "12/2023"]
    assert setesdal.next_meeting is not None and setesdal.next_meeting.date is not None


def test_a_record_leaves_with_its_document_and_follows_its_changes(tmp_path, settings,
                                                                   gazetteer) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(KNOWLEDGE / SETESDAL, corpus / SETESDAL)
    deps = fake_index_deps(settings, gazetteer, FakeEmbeddings())
    index_paths([corpus], deps)
    store = deps.store
    assert len(store.meetings()) == 1
    changed = (corpus / SETESDAL).read_text(encoding="utf-8").replace(
        "Sigrid Ose (Bygland kommune)", "Sigrid Ose (Bygland kommune), Tor Fjell (Valle kommune)")
    (corpus / SETESDAL).write_text(changed, encoding="utf-8")
    index_paths([corpus], deps)
    assert "Tor Fjell" in [p.name for p in store.meetings()[0].people]
    (corpus / SETESDAL).unlink()
    index_paths([corpus], deps)
    assert store.meetings() == []


def test_a_minutes_question_reads_no_chunk_and_finds_no_section(sample_context,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("minutes parsed at question time")

    ctx: CoreContext = sample_context
    questions = [understood(ctx, text) for text in (  # the speller reads the corpus once
        "Oppsummer referatet fra 10.05.2023", "Hva ble bestemt på siste møte i ressursgruppa?",
        "Hvem deltok på møtet 31.01.2024?")]
    monkeypatch.setattr(minutes_text, "find_sections", refuse)
    monkeypatch.setattr(KnowledgeStore, "document_chunks", refuse)
    monkeypatch.setattr(KnowledgeStore, "chunks", refuse)
    for question in questions:
        answer = try_answer(question, ctx)
        assert answer is not None and not answer.refused and answer.citations, question.text


@pytest.mark.parametrize("name", ["2020-02-11_referat_styringsgruppe_vestland.md"])
def test_the_record_cites_text_of_the_chunk_it_names(sample_context, name) -> None:  # type: ignore[no-untyped-def]
    record = next(r for r in sample_context.store.meetings() if r.date and
                  r.date.isoformat() == name[:10])
    wheres = [p.where for p in record.people] + [d.where for i in record.items
                                                 for d in i.decisions]
    chunks = sample_context.store.chunks([w.chunk_id for w in wheres])
    for where in wheres:
        assert " ".join(where.snippet.split()) in " ".join(chunks[where.chunk_id].text.split())


ARTICLE = """---
title: "Samarbeid om barnevernsvakt hovedsak på regionmøte"
date: "2023"
type: referat
---

# Samarbeid om barnevernsvakt hovedsak på regionmøte

Kommunene i regionen møttes for å drøfte en felles barnevernsvakt. Ordførerne var positive.

## Økonomien i samarbeidet

Kommunene er enige om at vakten skal finansieres etter folketall. Årsaken er at de små
kommunene har få saker.
"""


def test_an_article_about_a_meeting_is_summarised_as_a_document_not_as_minutes(
        tmp_path, settings, gazetteer) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(KNOWLEDGE / SETESDAL, corpus / SETESDAL)
    (corpus / "2023_referat_regionmote-barnevernsvakt.md").write_text(ARTICLE, encoding="utf-8")
    labelled = ARTICLE.replace("regionmøte", "arbeidsmøte").replace(
        "Kommunene er enige om", "Vedtak: Kommunene er enige om")  # minutes, though unnumbered
    (corpus / "2023_referat_arbeidsmote-barnevernsvakt.md").write_text(labelled, encoding="utf-8")
    embeddings = FakeEmbeddings()
    deps = fake_index_deps(settings, gazetteer, embeddings)
    index_paths([corpus], deps)
    article = {r.title: r.article for r in deps.store.meetings()}
    assert article["Samarbeid om barnevernsvakt hovedsak på regionmøte"] is True
    assert [v for t, v in article.items() if "Setesdal" in t] == [False]
    assert article["Samarbeid om barnevernsvakt hovedsak på arbeidsmøte"] is False
    ctx = CoreContext(settings=settings, store=deps.store, embeddings=embeddings,
                      gazetteer=gazetteer)
    article = understood(ctx, "Oppsummer referatet fra regionmøtet om barnevernsvakt")
    assert try_answer(article, ctx) is None  # left to the document summary
    minutes = try_answer(understood(ctx, "Oppsummer referatet fra Setesdal"), ctx)
    assert minutes is not None and minutes.kind == "summary"
