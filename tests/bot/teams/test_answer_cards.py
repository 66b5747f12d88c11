"""Every payload type has its case in the Teams face: a card, or deliberately none."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from bot.core.payloads import (
    DocumentRow,
    DocumentTable,
    DraftPayload,
    MeetingSummaryPayload,
    Place,
    ProjectTable,
)
from bot.drafting.links import DownloadSigner
from bot.teams import answer_cards, cards
from tests.bot.core.test_payloads import examples

LINKS = answer_cards.DraftLinks(DownloadSigner(b"k", ttl_s=3600), "https://bot.example.no")
WITH_CARDS = {ProjectTable, DocumentTable, MeetingSummaryPayload, DraftPayload}


def card_of(payload: Any, language: str = "nb") -> dict[str, Any] | None:
    return answer_cards.payload_card(payload, language, 20_000, LINKS, "29:user")  # type: ignore[arg-type]


@pytest.mark.parametrize("payload", examples(), ids=lambda p: p.kind)  # one of every type
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_payload_type_renders_in_every_language(payload: Any, language: str) -> None:
    card = card_of(payload, language)
    if type(payload) in WITH_CARDS:
        assert card is not None and cards.size(card) <= 20_000
        assert card["type"] == "AdaptiveCard" and card["body"]
    else:
        assert card is None  # the text lists candidates, near misses and decisions in full


def test_a_type_without_a_case_fails_loudly() -> None:
    class Unknown(BaseModel):
        kind: str = "unknown"

    with pytest.raises(AssertionError):
        card_of(Unknown())


def test_the_draft_card_links_the_docx_for_the_user_who_asked() -> None:
    draft = next(p for p in examples() if isinstance(p, DraftPayload))
    card = card_of(draft, "nn")
    assert card is not None
    assert card["actions"][0]["url"].startswith("https://bot.example.no/downloads/")
    anonymous = answer_cards.payload_card(draft, "nn", 20_000, LINKS, user_id=None)
    assert anonymous is not None and "actions" not in anonymous


def test_the_document_table_writes_dates_and_labels_in_the_answers_language() -> None:
    table = DocumentTable(rows=[
        DocumentRow(title="Referat", doc_type="referat", date=None, source="a.md",
                    places=[Place(name="Fjell", now="Øygarden")], citations=[1]),
        DocumentRow(title="Utlysning", doc_type="utlysning", date="2023-03-01", source="b.md",
                    citations=[2]),
    ])  # fmt: skip
    card = card_of(table, "en")
    assert card is not None
    rows = [[c["items"][0]["text"] for c in row["cells"]] for row in card["body"][0]["rows"]]
    assert rows == [["Title", "Type", "Date", "Municipalities", "Source"],
                    ["Referat", "minutes", "", "Fjell (now Øygarden)", "[1]"],
                    ["Utlysning", "call for applications", "1 March 2023", "", "[2]"]]
    assert "a.md" not in json.dumps(card)  # a person reads titles; the file is in the citation
    with_county = table.model_copy(update={"rows": [table.rows[0].model_copy(
        update={"county": "Hordaland", "county_now": "Vestland"})]})
    assert "Hordaland (nå Vestland)" in json.dumps(card_of(with_county), ensure_ascii=False)
