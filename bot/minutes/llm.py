"""With a chat model configured: map each Sak to a short summary (and decisions and action items
where the rules found none), then reduce the Saks into a one- or two-sentence overview.

A model may word things, never add facts: each sentence it writes must pass the claim check
(bot.core.claims) against the text of its own Sak, and is cited to the Sak sentence it is closest
to. What fails is dropped; a Sak left with nothing falls back to the extractive summary.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from bot.core.chat_model import ChatModel
from bot.core.cite import CitationBook
from bot.core.claims import check_sentence, normalise
from bot.core.meetings import ActionItem, AgendaItem, Cited
from bot.core.models import Language
from indexer.minutes.text import ItemSpan, MinutesDoc, clean
from indexer.store.lexical import tokenize
from indexer.text.dates import find_dates, parse_date
from indexer.text.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from langchain_core.language_models import LanguageModelInput
    from langchain_core.messages import BaseMessage

_PROMPTS = Path(__file__).parents[1] / "prompts"
MAP_PROMPT = Template((_PROMPTS / "minutes_map.txt").read_text(encoding="utf-8"))
REDUCE_PROMPT = Template((_PROMPTS / "minutes_reduce.txt").read_text(encoding="utf-8"))
MAX_MODEL_ITEMS = 40  # a 200-item referat is not 200 model calls: the rest stay extractive
MAX_SAK_CHARS = 6000
_LANGUAGE_NAMES = {"nb": "norsk bokmål", "nn": "nynorsk", "en": "English"}


class ActionDraft(BaseModel):
    what: str
    who: str | None = None
    when: str | None = None


class ItemDraft(BaseModel):
    summary: list[str] = []
    decisions: list[str] = []
    actions: list[ActionDraft] = []


def sak_text(doc: MinutesDoc, item: ItemSpan) -> str:
    return doc.text[item.start : item.end]


def map_items(
    chat_model: ChatModel, doc: MinutesDoc, items: list[ItemSpan], meeting: str,
    language: Language, concurrency: int = 4,
) -> list[ItemDraft | None]:
    """One draft per Sak (None where the model failed or was not asked)."""
    prompts: list[LanguageModelInput] = [
        MAP_PROMPT.substitute(language=_LANGUAGE_NAMES[language], meeting=meeting,
                              title=item.title, text=sak_text(doc, item)[:MAX_SAK_CHARS])
        for item in items[:MAX_MODEL_ITEMS]
    ]
    try:
        replies = chat_model.batch(prompts, config={"max_concurrency": concurrency},
                                   return_exceptions=True)
    except Exception:  # a failing endpoint must not cost the user the summary
        replies = []
    drafts = [_parse(reply) for reply in replies]
    return drafts + [None] * (len(items) - len(drafts))


def _parse(reply: BaseMessage | Exception) -> ItemDraft | None:
    if isinstance(reply, Exception):
        return None
    found = re.search(r"\{.*\}", reply.text, re.S)
    if found is None:
        return None
    try:
        return ItemDraft.model_validate_json(found.group())
    except ValidationError:
        return None


def apply_draft(
    draft: ItemDraft, doc: MinutesDoc, item: ItemSpan, base: AgendaItem, book: CitationBook,
    year: int | None,
) -> AgendaItem:
    """The model's wording where it passes the claim check; the rules' decisions stay first."""
    source = sak_text(doc, item)
    sentences = doc.body(item) or doc.sentences_in(item.start, item.end)
    summary = [_cited(s, sentences, doc, book, item)
               for s in draft.summary if s.strip() and check_sentence(s, [source])][:3]
    decisions = base.decisions or [
        _cited(d, sentences, doc, book, item)
        for d in draft.decisions if d.strip() and check_sentence(d, [source])
    ]
    actions = base.actions or [
        _action(a, sentences, doc, book, item, source, year)
        for a in draft.actions if a.what.strip() and check_sentence(a.what, [source])
    ]
    return base.model_copy(update={"summary": summary, "decisions": decisions,
                                   "actions": actions})


def reduce_items(
    chat_model: ChatModel, doc: MinutesDoc, items: list[AgendaItem], meeting: str,
    language: Language, book: CitationBook,
) -> list[Cited]:
    """A one- or two-sentence overview of the meeting, checked against the whole referat."""
    lines = []
    for item in items:
        said = " ".join(c.text for c in item.summary + item.decisions)
        lines.append(f"- {item.title}: {said}")
    prompt = REDUCE_PROMPT.substitute(language=_LANGUAGE_NAMES[language], meeting=meeting,
                                      items="\n".join(lines)[:MAX_SAK_CHARS * 2])
    try:
        reply = chat_model.invoke(prompt)
    except Exception:
        return []
    text = reply.text.strip()
    whole = ItemSpan("section", None, meeting, 1, 0, 0, len(doc.text))
    vocabulary = set(tokenize(doc.text))
    kept = [s.text for s in split_sentences(text)
            if check_sentence(s.text, [doc.text]) and _on_topic(s.text, vocabulary)]
    return [_cited(s, doc.sentences, doc, book, whole) for s in kept[:2]]


def _on_topic(sentence: str, vocabulary: set[str]) -> bool:
    """An apology or a remark about the task is not an overview of the meeting."""
    words = set(tokenize(sentence))
    return len(words & vocabulary) >= min(2, len(words)) > 0


def _cited(
    text: str, sentences: list[Sentence], doc: MinutesDoc, book: CitationBook, item: ItemSpan
) -> Cited:
    return Cited(text=clean(text), citations=[_cite_closest(text, sentences, doc, book, item)])


def _action(
    draft: ActionDraft, sentences: list[Sentence], doc: MinutesDoc, book: CitationBook,
    item: ItemSpan, source: str, year: int | None,
) -> ActionItem:
    who = draft.who if draft.who and normalise(draft.who) in normalise(source) else None
    when = parse_date(draft.when) if draft.when else None
    if when is not None and when not in {m.date for m in find_dates(source, default_year=year)}:
        when = None
    n = _cite_closest(draft.what, sentences, doc, book, item)
    return ActionItem(what=clean(draft.what), who=who, when=when, citations=[n])


def _cite_closest(
    text: str, sentences: list[Sentence], doc: MinutesDoc, book: CitationBook, item: ItemSpan
) -> int:
    """Cite the source sentence sharing most words with `text` (the Sak heading if none)."""
    words = set(tokenize(text))
    best = max(sentences, key=lambda s: len(words & set(tokenize(s.text))), default=None)
    if best is None:
        return book.cite_where(doc.where(item.start, max(item.body_start, item.start + 1)),
                               doc.meta)
    return book.cite_where(doc.where(best.start, best.end), doc.meta)
