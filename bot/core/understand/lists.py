"""Follow-ups to a list question, read against the list they follow.

«vis flere» asks the next page of the same list; «og hvilke av dem handlet om ettervern?»
narrows it (the route keeps the earlier filters and adds these); «og i Rogaland?» or «hva med
2022?» asks the same list with that filter swapped.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.question import AnswerType, Intent, ListAsk, Question
from bot.core.understand import time
from indexer.text.themes import Theme

LISTS = frozenset({Intent.PROJECTS, Intent.DOCUMENTS, Intent.SOURCES})
_FACT_ASKS = {AnswerType.PERSON, AnswerType.DATE, AnswerType.PLACE, AnswerType.YESNO,
              AnswerType.AMOUNT}
_COUNTED = {ListAsk.PROJECTS: ListAsk.COUNT_PROJECTS,
            ListAsk.MUNICIPALITIES: ListAsk.COUNT_MUNICIPALITIES}  # fmt: skip


def next_page(base: Question, pages_before: int, text: str) -> Question:
    return replace(base, text=text, page=base.page + pages_before + 1, follow_up=True)


def accept(previous: Question, theme: Theme, text: str) -> Question:
    """«ja» to «Mente du «foreldrestøtte»?»: the question before, about that theme."""
    return replace(previous, text=text, themes=frozenset({theme.key}), unknown_theme=None,
                   page=1, follow_up=True,
                   standalone=f"{previous.standalone} – {theme.label(previous.language)}")


def follows(own: Question, narrow: bool) -> bool:
    """Does `own` (read without the conversation) only add to or swap filters of a list?
    «og hvem ledet prosjektet i Kvam?» asks a fact, not the list again."""
    if own.intent not in {Intent.FACT, *LISTS}:
        return False
    if narrow:
        return True
    if own.intent == Intent.FACT and _FACT_ASKS & set(own.answer_types):
        return False
    filters = (own.themes or own.unknown_theme or own.places or own.years or own.doc_types
               or own.amount_kinds)  # fmt: skip
    return bool(filters) or AnswerType.COUNT in own.answer_types or own.intent in LISTS


def apply(own: Question, previous: Question, narrow: bool) -> Question:
    """The list question `own` asks after `previous`: narrowed, or with its filters swapped."""
    ask = _ask(own, previous)
    if previous.intent != Intent.PROJECTS:  # «og hvilke av dem er fra 2023?»: dated 2023
        own = replace(own, years=time.document_years(own.standalone, own.today))
    language = own.language if len(own.text.split()) > 3 else previous.language
    common = dict(text=own.text, language=language, list_ask=ask, page=1, follow_up=True,
                  history=own.history, corrections=own.corrections,
                  standalone=f"{previous.standalone} – {own.text}")  # fmt: skip
    if narrow:  # the list's own filters: no fact asked of each document («… av dem er i X?»)
        return replace(own, intent=previous.intent, refines=previous, across=False,  # type: ignore[arg-type]
                       **common)
    places = bool(own.places)
    return replace(  # type: ignore[arg-type]
        previous,
        themes=own.themes or (frozenset() if own.unknown_theme else previous.themes),
        unknown_theme=own.unknown_theme if not own.themes else None,
        municipalities=own.municipalities if places else previous.municipalities,
        counties=own.counties if places else previous.counties,
        years=own.years or previous.years,
        doc_types=own.doc_types or previous.doc_types,
        amount_kinds=own.amount_kinds or previous.amount_kinds,
        parts=own.parts if AnswerType.COUNT in own.answer_types else previous.parts,
        **common,
    )


def _ask(own: Question, previous: Question) -> ListAsk | None:
    if own.intent == previous.intent and own.list_ask is not None:
        return own.list_ask
    if AnswerType.COUNT in own.answer_types and previous.list_ask is not None \
            and previous.list_ask in _COUNTED:
        return _COUNTED[previous.list_ask]
    return previous.list_ask
