"""Amounts of the kind asked: «Hvor mye fikk de tildelt?» is not answered by «Søkt beløp:
500 000 kr», nor «How much did they end up spending?» by what they applied for. The kinds are
read by the same rules the project catalogue files amounts with."""

from __future__ import annotations

from bot.core.question import AnswerType, Question
from bot.core.understand.amounts import amount_kinds
from bot.facts.candidates import Candidate
from indexer.catalogue.fields import Span, amounts, states_money
from indexer.models import DocType

# Kinds a question can ask for unmistakably; «søkt» asked and «tildelt» said is left to the model.
CHECKED = frozenset({"tildelt", "forbruk"})
LABELS = {"tildelt": "lists.granted", "forbruk": "lists.spent"}


def asked_kind(question: Question) -> str | None:
    """The one kind of amount every part of the question asks for, if it is a checked one."""
    parts = question.parts
    if not parts or not all(AnswerType.AMOUNT in p.answer_types for p in parts):
        return None
    kinds = amount_kinds(question.standalone) & {"søkt", "tildelt", "forbruk"}
    return next(iter(kinds)) if len(kinds) == 1 and kinds <= CHECKED else None


def kind_unsaid(kind: str, picked: list[Candidate]) -> bool:
    """The sentences state no sum of money, or sums of other kinds and none of the one asked."""
    if not any(states_money(c.text) for c in picked):
        return True
    stated = {found for c in picked for found, _ in amounts(
        Span(0, len(c.text), c.text), c.evidence.meta.doc_type == DocType.SLUTTRAPPORT)}
    return bool(stated) and kind not in stated
