"""Understand a question once: text + conversation → a typed `Question` every route reads.

The steps run in order: a follow-up is completed from the previous question, typos are read as
the corpus words they almost are, then language, intent, places (with their history), years
and dates, document types, themes, meeting references, parts and answer types are read from
the resulting text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.models import ChatTurn
from bot.core.question import Correction, Intent, Question
from bot.core.understand import follow_up, intent, meeting, parts, places, time
from indexer.text.language import detect_language
from indexer.text.places import Gazetteer
from indexer.text.spelling import Speller, apply
from indexer.text.themes import themes_in


@dataclass(frozen=True)
class Kit:
    """What understanding needs besides the text: place history, the corpus' words, today."""

    gazetteer: Gazetteer
    speller: Speller | None = None
    today: dt.date | None = None


def understand(text: str, history: list[ChatTurn] | tuple[ChatTurn, ...], kit: Kit) -> Question:
    text = " ".join(text.split())
    turns = tuple(history)
    today = kit.today or dt.date.today()
    language = detect_language(text)
    whole, completed = follow_up.standalone(text, turns)
    fixes = kit.speller.corrections(whole) if kit.speller and not intent.command(text) else []
    whole = apply(whole, fixes)
    themes = frozenset(themes_in(whole))
    kind = intent.classify(whole, bool(themes))
    actor, topic = intent.actor_and_topic(whole) if kind == Intent.DECISIONS else ("", "")
    minutes_like = kind in {Intent.DECISIONS, Intent.PARTICIPANTS} or (
        kind == Intent.SUMMARY and intent.is_minutes_summary(whole))
    return Question(
        text=text,
        language=language,
        intent=kind,
        standalone=whole,
        today=today,
        history=turns,
        command=intent.command(text),
        parts=parts.split_parts(whole),
        municipalities=places.municipalities(_unquoted(whole), kit.gazetteer),
        counties=places.counties(_unquoted(whole), kit.gazetteer),
        years=time.year_span(whole, today),
        years_tied=time.years_tied(whole),
        dates=time.dates_in(whole),
        doc_types=intent.doc_types(whole),
        doc_types_named=intent.named_doc_types(whole),
        themes=themes,
        list_ask=intent.list_ask(whole, bool(themes)) if kind == Intent.PROJECTS else None,
        meeting=meeting.meeting_ref(whole) if minutes_like else None,
        time=time.time_focus(whole),
        names=parts.names(whole),
        quoted=parts.quoted(whole),
        topic=topic,
        actor=actor,
        corrections=tuple(Correction(w, r) for w, r in fixes),
        follow_up=completed,
    )


def _unquoted(text: str) -> str:
    import re

    return re.sub(r"«[^»]{2,80}»|\"[^\"]{2,80}\"", " ", text)
