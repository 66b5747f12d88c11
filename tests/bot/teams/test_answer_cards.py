"""Every payload type has its case in the Teams face: a draft is a card, the rest is text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from bot.core.models import Answer, Citation
from bot.core.payloads import DraftPayload
from bot.drafting.links import DownloadSigner
from bot.teams import answer_cards, cards, render
from bot.teams.pages import renumber
from tests.bot.core.test_payloads import examples

LINKS = answer_cards.DraftLinks(DownloadSigner(b"k", ttl_s=3600), "https://bot.example.no")
DRAFT = next(p for p in examples() if isinstance(p, DraftPayload))
CITATION = Citation(n=1, source="utlysning.md", title="Utlysning 2023",
                    snippet="Inntil 400 000 kr.", url="https://example.org/utlysning")


@pytest.mark.parametrize("payload", examples(), ids=lambda p: p.kind)  # one of every type
def test_only_a_draft_is_shown_as_a_card(payload: Any) -> None:
    shown = answer_cards.card_payload(payload)
    assert (shown is payload) == isinstance(payload, DraftPayload)


def test_a_type_without_a_case_fails_loudly() -> None:
    class Unknown(BaseModel):
        kind: str = "unknown"

    with pytest.raises(AssertionError):
        answer_cards.card_payload(Unknown())  # type: ignore[arg-type]


def card_of(language: str = "nb", user: str | None = "29:user") -> dict[str, Any]:
    page = renumber("**Utkast til prosjektplan**\nMål: flere fosterhjem.", [CITATION])
    return answer_cards.draft_page_card(page, DRAFT, language, None, LINKS, user, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_download_button_shows_the_file_name_not_the_link(language: str) -> None:
    card = card_of(language)
    [button] = card["actions"]
    assert button["url"].startswith("https://bot.example.no/downloads/")
    assert button["title"].endswith("utkast-abababab.docx") and button["tooltip"] == (
        "utkast-abababab.docx")
    assert "downloads" not in button["title"] + button["tooltip"]
    assert cards.size(card) <= answer_cards.CARD_BUDGET_BYTES


def test_without_a_user_there_is_no_button() -> None:
    assert "actions" not in card_of(user=None)


def test_the_checklist_cites_its_rule_and_the_card_lists_the_source_with_its_link() -> None:
    text = json.dumps(card_of(), ensure_ascii=False)
    assert "⚠️ i strid med kravet – 600 000 kr [1]" in text
    assert "[1] [Utlysning 2023](https://example.org/utlysning)" in text


def test_a_draft_answer_is_one_card_message_with_the_citation_entity() -> None:
    answer = Answer(question="q", answer="**Utkast**\nKrav: inntil 400 000 kr [1]", kind="draft",
                    citations=[CITATION], payload=DRAFT)
    [message] = render.answer_messages(answer, LINKS, "29:user")
    assert "text" not in message and len(message["attachments"]) == 1
    [entity] = message["entities"]
    assert entity["citation"][0]["appearance"]["url"] == "https://example.org/utlysning"
