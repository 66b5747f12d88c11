"""What makes a document's row in a fact asked of each document (no model, no store): the
row's sentence says the part's own words, a compound asked by its head, and not the words
that chose the documents; a question about someone asks only the documents naming them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.core.question import Intent, Question
from bot.facts.across import _TYPE_WORDS, documents_asked, says_it
from bot.facts.features import SENTENCE_FEATURES
from bot.facts.gate import Scored
from indexer.models import DocType, DocumentMeta
from tests.bot.facts.picking import part_view, scored


def _row(text: str) -> Scored:
    return dataclasses.replace(scored(text, 0.8), features=[0.0] * len(SENTENCE_FEATURES))


def test_a_compound_asked_is_said_by_its_head():
    part = part_view("Hva ble hovedresultatet?", (), "hovedresultatet")
    assert says_it(_row("Resultatet ble at 89 prosent av barna ble hørt alene."), part)
    assert not says_it(_row("Prosjektet startet i januar 2019."), part)


def test_the_kind_that_chose_the_documents_need_not_be_said_again():
    part = part_view("Hva sier sluttrapportene om veiledning av fosterforeldre?", (),
                     "sluttrapportene sluttrapport veiledning")
    row = _row("Veiledningen ble gitt i grupper.")
    assert not says_it(row, part)  # a third of the words
    assert says_it(row, part, _TYPE_WORDS[DocType.SLUTTRAPPORT])


def _meta(doc_id: str, year: int) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, source=f"{doc_id}.md", path=f"{doc_id}.md", title=doc_id,
                        doc_type=DocType.REFERAT, date=dt.date(year, 1, 1))


def test_a_question_about_someone_asks_only_the_documents_naming_them():
    question = Question(text="I hvilke dokumenter dukker Kjersti Toppe opp, og i hvilken rolle?",
                        language="nb", intent=Intent.DOCUMENTS, standalone="",
                        today=dt.date(2026, 12, 6))
    documents = [_meta("a", 2021), _meta("b", 2023), _meta("c", 2024)]
    asked = documents_asked(question, documents, [], named=frozenset({"a", "c"}))
    assert [m.doc_id for m in asked] == ["c", "a"]  # the newest first
