"""Understand a question once: text + conversation → a typed `Question` every route reads.

The steps run in order: a follow-up to a list is read against that list (the next page, a
narrower list, a swapped filter); any other follow-up is completed from the previous question;
typos are read as the corpus words they almost are; then language, intent, places (with their
history), years and dates, document types, themes, meeting references, parts and answer types
are read from the resulting text (`read`).
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.dialog import last_dialog
from bot.core.models import ChatTurn
from bot.core.question import Question
from bot.core.understand import follow_up, lists, separate, topic
from bot.core.understand.reading import MINUTES, Kit, read

_DEPTH = 6  # how far back a chain of follow-ups is followed


def understand(text: str, history: list[ChatTurn] | tuple[ChatTurn, ...], kit: Kit,
               depth: int = 0) -> Question:  # fmt: skip
    written, text = text, " ".join(text.split())  # a new line may part two questions
    turns = tuple(history)
    if depth < _DEPTH and turns:
        followed = _list_follow_up(text, turns, kit, depth)
        if followed is not None:
            return followed
    question = read(text, turns, kit, complete=True)
    if depth == 0 and question.intent in lists.LISTS and question.refines is None:
        question = _narrowed_in_one(question, turns, kit)
    if depth == 0 and (apart := separate.questions(written)) and not _dialog_open(turns):
        question = replace(question, separate=apart)
    if depth < _DEPTH and question.follow_up and question.intent in MINUTES and (
            question.meeting is None or question.meeting.empty):
        return _same_meeting(question, turns, kit, depth)
    return question


def _narrowed_in_one(question: Question, turns: tuple[ChatTurn, ...], kit: Kit) -> Question:
    """«Hvilke prosjekter har handlet om fosterhjem – og hvilke av dem ligger i Vestland?»,
    «Hvilke sluttrapporter har vi, og hvilke av dem er fra Nordland?»: asked in one message, the first part's list and then those of it the later part keeps,
    read as if the later part followed the list in the conversation."""
    at = next((i for i, part in enumerate(question.parts) if part.narrowing), 0)
    if not at:
        return question
    whole = read(" ".join(p.text for p in question.parts[:at]), turns, kit, complete=False)
    own = read(" ".join(p.text for p in question.parts[at:]), turns, kit, complete=False)
    if whole.intent != question.intent or not _filters(own):
        return question
    return replace(lists.apply(own, whole, narrow=True), text=question.text, follow_up=False,
                   whole_list_first=True)


def _filters(question: Question) -> bool:
    """The part names what a catalogue row has: a theme, place, year or kind of document."""
    return bool(question.themes or question.places or question.years or question.doc_types
                or question.lacking_doc_types)


def _dialog_open(turns: tuple[ChatTurn, ...]) -> bool:
    """A draft dialog waiting for its next answer reads the whole message as that answer."""
    dialog = last_dialog(turns)
    return dialog is not None and dialog.status == "active"


def _same_meeting(question: Question, turns: tuple[ChatTurn, ...], kit: Kit, depth: int
                  ) -> Question:  # fmt: skip
    """«og hvem deltok der?» after a question about a meeting: that meeting."""
    index = next((i for i in range(len(turns) - 1, -1, -1) if turns[i].role == "user"), None)
    if index is None:
        return question
    previous = understand(turns[index].text, turns[:index], kit, depth + 1)
    if previous.meeting is None or previous.meeting.empty:
        return question
    return replace(question, meeting=previous.meeting)


def _list_follow_up(text: str, turns: tuple[ChatTurn, ...], kit: Kit, depth: int
                    ) -> Question | None:  # fmt: skip
    """«vis flere», «og hvilke av dem …», «og i Rogaland?» after a list question."""
    if follow_up.asks_more(text):
        found = follow_up.base_of_more(turns)
        if found is not None:
            index, pages = found
            base = understand(turns[index].text, turns[:index], kit, depth + 1)
            if base.intent in lists.LISTS:
                return lists.next_page(base, pages, text)
    narrow = follow_up.narrows(text)
    agrees = follow_up.agrees(text)
    if not (narrow or agrees or follow_up.opens_follow_up(text) or follow_up.short_filter(text)):
        return None
    index = next((i for i in range(len(turns) - 1, -1, -1) if turns[i].role == "user"), None)
    if index is None:
        return None
    previous = understand(turns[index].text, turns[:index], kit, depth + 1)
    if previous.intent not in lists.LISTS:
        return None
    if agrees and previous.unknown_theme and len(near := topic.nearest(previous.unknown_theme)) == 1:
        return lists.accept(previous, near[0], text)  # «Mente du «X»?» – «ja»
    own = read(text, turns, kit, complete=False)
    return lists.apply(own, previous, narrow) if lists.follows(own, narrow) else None


