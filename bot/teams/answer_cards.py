"""An answer's payload as an Adaptive Card, type by type (`match`), never by looking into dicts.

A payload type without a case here fails `assert_never` (and pyright/mypy before that).
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
    Payload,
    ProjectTable,
)
from bot.drafting.links import DownloadSigner, download_url
from bot.teams import cards
from bot.teams.summary_card import summary_card
from bot.teams.tables import document_table_card, project_table_card

Card = dict[str, Any]


@dataclass(frozen=True)
class DraftLinks:
    """Signed, expiring download links to drafts; the same signer checks them in downloads.py."""

    signer: DownloadSigner
    base_url: str

    def url(self, draft_id: str, user_id: str) -> str:
        return download_url(self.base_url, self.signer.sign(draft_id, user_id))


def _draft_card(
    draft: DraftPayload, links: DraftLinks | None, user_id: str | None, budget: int,
    language: Language,
) -> Card | None:
    """The draft card; its download link is made for the user who asked, or left out."""
    url = links.url(draft.draft_id, user_id) if links and user_id else None
    hours = links.signer.ttl_s // 3600 if links else None
    return cards.draft_card(draft, url, budget, language, valid_hours=hours)


def payload_card(
    payload: Payload, language: Language, budget: int, links: DraftLinks | None = None,
    user_id: str | None = None,
) -> Card | None:
    """The card for an answer's payload, by its type, in the answer's language; None for none.

    `links` and `user_id` give a draft's card its download button, signed for that user.
    """
    match payload:
        case ProjectTable():
            return project_table_card(payload, budget, language)
        case DocumentTable():
            return document_table_card(payload, budget, language)
        case MeetingSummaryPayload():
            return summary_card(payload.meeting_summary, budget, language)
        case DraftPayload():
            return _draft_card(payload, links, user_id, budget, language)
        case MeetingCandidates() | NearestDocuments() | DecisionList() | DraftCancelled():
            return None  # the text lists these in full, and a card would only repeat it
        case _:
            assert_never(payload)
