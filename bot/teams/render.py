"""Answer -> Teams message payloads (plain dicts, snapshot-testable).

One activity per page of an answer: its text with Teams citations, or – for a draft, whose
download button text cannot carry – one Adaptive Card with the same citations; never both,
because Teams shows text and card as two messages. A long answer is paged (`pages`): the first
page is sent at once, followed by a «Vis flere» button for the next (`more_prompt`). Every citation names its
document by title and links to it (`SourceLinks`). The AI label and feedback buttons go only on
generated answers, never on help or other fixed texts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.core.models import Answer, Citation, Language
from bot.core.payloads import DocumentTable
from bot.i18n import LANGUAGES, format_date, t
from bot.teams import cards
from bot.teams.answer_cards import DraftLinks, card_payload, draft_page_card
from bot.teams.commands import commands, suggested_prompts
from bot.teams.pages import MAX_CITATIONS, Page, paginate, teams_markdown
from bot.teams.source_links import SourceLinks

__all__ = ["MAX_ACTIVITY_BYTES", "DraftLinks", "answer_messages", "teams_markdown"]

MAX_ACTIVITY_BYTES = 25_000
_MARKER = re.compile(r"\[(\d+)\]")
_HEADING = re.compile(r"^\s*#+\s*", re.MULTILINE)  # markdown heading marks in snippets

Message = dict[str, Any]  # a Teams activity (or card) as JSON


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _keywords(citation: Citation, language: Language) -> list[str]:
    """Date and section, at most 3 words and 28 characters each (Teams' limits)."""
    values = [_date(citation.date, language), citation.section]
    result: list[str] = []
    for value in values:
        if value:
            short = _shorten(" ".join(value.split()[:3]), 28)
            if short not in result:
                result.append(short)
    return result[:3]


def _date(value: str | None, language: Language) -> str | None:
    try:
        return format_date(dt.date.fromisoformat(value), language) if value else None
    except ValueError:
        return value


def claim(citation: Citation, url: str | None = None, language: Language = "nb") -> dict[str, Any]:
    """One Teams citation: the document's title (never its file name), the passage, a link."""
    appearance: dict[str, Any] = {
        "@type": "DigitalDocument",
        "name": _shorten(citation.title or citation.section or "", 80),
        "abstract": _shorten(_HEADING.sub("", citation.snippet), 160),
        "keywords": _keywords(citation, language),
    }
    if url:
        appearance["url"] = url
    return {"@type": "Claim", "position": citation.n, "appearance": appearance}


def ai_entity(
    citations: list[Citation], sources: SourceLinks | None = None, language: Language = "nb",
    generated: bool = True,
) -> dict[str, Any]:
    """The one root entity: the citation pop-ups, and the "AI generated" label when it is."""
    entity: dict[str, Any] = {
        "type": "https://schema.org/Message",
        "@type": "Message",
        "@context": "https://schema.org",
        "@id": "",
    }
    if generated:
        entity["additionalType"] = ["AIGeneratedContent"]
    entity["citation"] = [claim(c, link(c, sources), language)
                          for c in citations[:MAX_CITATIONS]]
    return entity


def link(citation: Citation, sources: SourceLinks | None) -> str | None:
    return sources.url(citation) if sources else citation.url


def markers(text: str) -> set[int]:
    return {int(n) for n in _MARKER.findall(text)}


def is_generated(answer: Answer) -> bool:
    """Composed from the sources (labelled "AI generated"), not a fixed text or a listing."""
    if answer.kind in ("help", "error") or isinstance(answer.payload, DocumentTable):
        return False
    return bool(answer.citations or answer.sentences or answer.payload)


def answer_messages(
    answer: Answer, links: DraftLinks | None = None, user_id: str | None = None,
    sources: SourceLinks | None = None,
) -> list[Message]:
    """One message per page of the answer; the first ends a stream, the rest wait for «Vis flere».

    `links` and `user_id` give a draft's card its download button, signed for that user;
    `sources` links every citation to its document.
    """
    language = answer.language
    pages = paginate(answer.answer, answer.citations, t("teams.continued", language))
    draft = card_payload(answer.payload)
    generated = is_generated(answer)
    messages = []
    for i, page in enumerate(pages):
        if draft is not None:
            more = _more_label(i + 2, len(pages), language) if i + 1 < len(pages) else None
            card = draft_page_card(page, draft if i == 0 else None, language, more,
                                   links, user_id, sources)
            messages.append(_message(None, page, sources, language, generated, card))
        else:
            messages.append(_message(teams_markdown(page.text), page, sources, language,
                                     generated))
    return messages


def _message(
    text: str | None, page: Page, sources: SourceLinks | None, language: Language,
    generated: bool, card: dict[str, Any] | None = None,
) -> Message:
    message: Message = {"type": "message"}
    if text is not None:
        message.update(text=text, textFormat="markdown")
    if page.citations or generated:
        message["entities"] = [ai_entity(page.citations, sources, language, generated)]
    if generated:
        message["channelData"] = {"feedbackLoop": {"type": "default"}}
    message["attachments"] = [cards.attachment(card)] if card else []
    return message


MORE = {"laeringsbot": "more"}  # what a «Vis flere» button submits


def more_prompt(page: Message, shown: int, total: int, language: Language) -> Message | None:
    """After page `shown` of `total`: a small card with «Vis flere», unless the page is a card
    with its own button.

    A card of its own, not suggested actions on the page: some clients (the Agents Playground)
    show a text message with suggested actions as plain text, losing its citations; and a card's
    button reaches the bot in channels and group chats too, where a typed message must name it.
    """
    if shown >= total or page.get("attachments"):
        return None
    body = [cards.text(t("teams.more_left", language, shown=shown, total=total),
                       isSubtle=True)]
    card = cards.adaptive_card(body, [more_action(_more_label(shown + 1, total, language))])
    return {"type": "message", "attachments": [cards.attachment(card)]}


def _more_label(page: int, total: int, language: Language) -> str:
    return t("teams.more_page", language, page=page, total=total)


def more_action(title: str) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": title, "data": dict(MORE)}


_PAGE_SUFFIX = re.compile(r"\s*\(\d+ (?:av|of) \d+\)$")


def is_more_request(text: str | None, value: object = None) -> bool:
    """«Vis flere»: the button's submit, or the words typed (or sent as a button's title)."""
    if isinstance(value, dict) and value.get("laeringsbot") == MORE["laeringsbot"]:
        return True
    wanted = _PAGE_SUFFIX.sub("", " ".join((text or "").split()).casefold().rstrip(".!"))
    return wanted in {t("teams.more", language).casefold() for language in LANGUAGES}


def no_more(language: Language) -> Message:
    return notice(t("teams.no_more", language))


def searching(language: Language) -> str:
    """The informative update shown while the core works, in the question's language."""
    return t("teams.searching", language)


def notice(text: str) -> Message:
    """A plain message from the service itself (not AI generated)."""
    return {"type": "message", "text": text, "textFormat": "plain"}


def welcome(language: Language = "nb") -> list[Message]:
    """A card with what the bot does and its commands, then example prompts as suggested actions.

    Two activities because clients show suggested actions only on plain text messages. Before
    anyone has asked anything, Bokmål, the product's default. Teams shows three suggested
    actions at most, and cuts long titles: three, with short titles that send the full prompt.
    """
    greeting = t("teams.welcome_greeting", language)
    body = [
        cards.text(greeting, weight="Bolder", size="Medium"),
        cards.text(t("teams.welcome_intro", language)),
        cards.fact_set([(c.title, c.description) for c in commands(language)]),
    ]
    prompts = [{"type": "imBack", "title": title, "value": value}
               for title, value in suggested_prompts(language)]
    return [
        {"type": "message", "attachments": [cards.attachment(cards.adaptive_card(body))]},
        {
            "type": "message",
            "text": t("teams.try_prompts", language),
            "textFormat": "plain",
            "suggestedActions": {"actions": prompts},
        },
    ]


def too_long(length: int, limit: int, language: Language) -> Message:
    return notice(t("teams.too_long", language, length=length, limit=limit))


def error(reference: str, language: Language) -> Message:
    return notice(t("teams.error", language, reference=reference))


def tenant_refused(language: Language) -> Message:
    return notice(t("teams.tenant_refused", language))
