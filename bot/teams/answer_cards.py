"""The answers that are cards: a draft, whose download button text cannot carry.

Every other payload is told in full by the answer's text (lists, summaries, candidates, near
misses, decisions, documents), so its message is that text alone; `card_payload` says which is
which, type by type (`match`), and a payload type without a case fails `assert_never`.

A draft's card holds one page of the answer's text, then – on the first page – the sections and
the checklist against the call, the download button (labelled by the file name) and, on every
page, the sources it cites with their links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, assert_never

from bot.core.models import Language
from bot.core.payloads import (
    DecisionList,
    DocumentTable,
    DraftCancelled,
    DraftPayload,
    MeetingCandidates,
    MeetingSummaryPayload,
    NearestDocuments,
    ParticipantList,
    Payload,
    ProjectTable,
)
from bot.drafting.links import DownloadSigner, download_url
from bot.i18n import t
from bot.teams import cards
from bot.teams.pages import Page, teams_markdown
from bot.teams.source_links import SourceLinks

Card = dict[str, Any]
CARD_BUDGET_BYTES = 23_000  # of the 25 KB an activity may carry; the rest is the entity


@dataclass(frozen=True)
class DraftLinks:
    """Signed, expiring download links to drafts; the same signer checks them in downloads.py."""

    signer: DownloadSigner
    base_url: str
    restricted: bool = False  # the asker may see restricted documents: the link is theirs only

    def url(self, draft_id: str, user_id: str) -> str:
        token = self.signer.sign(draft_id, user_id, restricted=self.restricted)
        return download_url(self.base_url, token)


def card_payload(payload: Payload | None) -> DraftPayload | None:
    """The payload an answer is shown as a card for; None when its text says it all."""
    match payload:
        case None:
            return None
        case DraftPayload():
            return payload if payload.title else None
        case (ProjectTable() | DocumentTable() | MeetingSummaryPayload() | MeetingCandidates()
              | NearestDocuments() | DecisionList() | ParticipantList() | DraftCancelled()):
            return None  # the text lists these in full, and a card would only repeat it
        case _:
            assert_never(payload)


def draft_page_card(
    page: Page, draft: DraftPayload | None, language: Language, more: str | None,
    links: DraftLinks | None, user_id: str | None, sources: SourceLinks | None,
) -> Card:
    """One page of a draft answer as a card; `draft` on the first page only, `more` on all but
    the last. When the card would not fit, the checklist details go first, then the facts.

    The dialog's next question ends the answer's text; when that text runs over several pages,
    the first page asks it too, so the user can answer without paging."""
    answer = {"type": "Container", "id": "answer",
              "items": [cards.text(p) for p in teams_markdown(page.text).split("\n\n") if p]}
    actions, extra = _draft_actions(draft, language, links, user_id)
    actions += cards.dialog_buttons(draft, language) if draft is not None else []
    if draft is not None and more and draft.next_question and not draft.done:
        ask = f"**{t('drafting.next', language)}:** {draft.next_question}"
        extra = [cards.text(ask, id="next", spacing="Medium"), *extra]
    if more:
        actions.append({"type": "Action.Submit", "title": more,
                        "data": {"laeringsbot": "more"}})  # render.MORE
    variants: list[list[Card]] = [] if draft is None else [
        cards.draft_facts(draft, language, True, page.marker),
        cards.draft_facts(draft, language, False, page.marker),
    ]
    cited = _sources(page, sources, language)  # after the facts: they may cite more
    for facts in variants:
        card = cards.adaptive_card([answer, *facts, *extra, *cited], actions)
        if cards.size(card) <= CARD_BUDGET_BYTES:
            return card
    return cards.adaptive_card([answer, *extra, *cited], actions)


def _draft_actions(
    draft: DraftPayload | None, language: Language, links: DraftLinks | None, user_id: str | None,
) -> tuple[list[Card], list[Card]]:
    """The download button for the user who asked (or none), and how long its link works."""
    if draft is None or links is None or user_id is None:
        return [], []
    name = draft.file_name or f"utkast-{draft.draft_id[:8]}.docx"  # as downloads.py names it
    button = {"type": "Action.OpenUrl", "title": t("teams.download", language, file=name),
              "tooltip": name, "url": links.url(draft.draft_id, user_id)}
    hours = links.signer.ttl_s // 3600
    note = cards.text(t("teams.link_valid", language, hours=hours), isSubtle=True, size="Small")
    return [button], [note]


def _sources(page: Page, sources: SourceLinks | None, language: Language) -> list[Card]:
    """The page's citations as lines, for clients that show no citation pop-ups on cards."""
    listed = [(c.n, c.title, sources.url(c) if sources else c.url) for c in page.citations]
    return cards.source_lines(t("teams.sources", language), listed)
