"""Drafting in Teams: the real core on the sample corpus, over HTTP, with the connector stub.

The dialog's state rides on the assistant turns the Teams face keeps, so these tests also pin
what the face keeps of that history: enough turns, the core's own text unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from docx import Document

from bot.core.signing import LinkRefused
from bot.drafting.links import DownloadSigner
from bot.drafting.texts import question
from bot.engine import Core
from bot.teams import cards
from bot.teams.server import SIGNER_KEY
from indexer.settings import Settings
from tests.bot.teams.card_reading import card_text, facts
from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore

PUBLIC_URL = "https://laeringsbot.example.no"
KARI = "29:user-1"
OLA = "29:user-2"
OPENING = "Hjelp meg å skrive en prosjektplan for et fosterhjemsprosjekt i Kvam og Voss"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def draft_settings(tmp_path: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        data_dir=tmp_path / "data", public_base_url=PUBLIC_URL, _env_file=None
    )


@pytest.fixture
def drafting_core(sample_context, draft_settings: Settings) -> Core:  # type: ignore[no-untyped-def]
    """The real core on the sample corpus, writing its drafts into this test's data dir."""
    ctx = dataclasses.replace(
        sample_context, settings=draft_settings, today=lambda: dt.date(2023, 3, 20)
    )
    return Core(ctx)


@pytest.fixture
async def draft_service(draft_settings: Settings, drafting_core: Core) -> AsyncIterator[Service]:
    async with serving(draft_settings, drafting_core) as svc:
        yield svc


Replies = list[dict[str, Any]]


async def say(
    service: Service,
    connector: ConnectorStub,
    text: str,
    *,
    user: str = KARI,
    conversation_id: str = "conv-1",
) -> Replies:
    """Send one personal-chat message; the messages that answer it (a long draft takes two)."""
    body = activity(connector, text, conversation_id=conversation_id)
    body["from"] = {"id": user, "name": "Bruker"}
    status, _ = await service.post(body)
    assert status == 202
    await service.settle()
    replies = [m for m in connector.messages(conversation_id) if m.get("replyToId") == body["id"]]
    assert replies, connector.sent
    return replies


def text_of(replies: Replies) -> str:
    """What the user reads: a message's text, or the answer text of its draft card."""
    return "\n\n".join(m.get("text") or card_text(m) for m in replies)


def draft_card(replies: Replies) -> dict[str, Any] | None:
    found = [
        a["content"]
        for m in replies
        for a in m.get("attachments") or []
        if a["contentType"] == cards.CARD_CONTENT_TYPE
    ]
    assert len(found) <= 1
    return found[0] if found else None


def download_link(replies: Replies) -> str:
    card = draft_card(replies)
    assert card is not None, replies
    [action] = [a for a in card["actions"] if a["type"] == "Action.OpenUrl"]  # and «Vis flere»
    assert action["title"] == f"Last ned {action['tooltip']}"  # the file name, not the link
    return action["url"]


def token_of(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[1]


async def fetch(service: Service, url: str) -> tuple[int, str, bytes]:
    """GET a download link on the bot's own app (the link names the public address)."""
    async with service.http.get(f"{service.url}{urlsplit(url).path}") as resp:
        return resp.status, resp.headers.get("Content-Type", ""), await resp.read()


def asks(replies: Replies, step: int, field: str) -> None:
    text = text_of(replies)
    assert text.startswith(f"**Utkast til prosjektplan – spørsmål {step} av 10**"), text
    assert question(field, "plan", "nb") in text


async def test_a_whole_dialog_ends_with_a_card_and_a_docx_for_this_user(
    draft_service: Service, connector: ConnectorStub
) -> None:
    first = await say(draft_service, connector, OPENING)
    asks(first, 3, "target_group")  # the opening told the municipalities and the theme
    card = draft_card(first)
    assert card and "**Utkast til prosjektplan: fosterhjem – Kvam og Voss**" in text_of(first)
    assert all("text" not in m for m in first)  # the card alone: Teams splits text from a card

    steps = [
        ("Fosterforeldre og barn i fosterhjem i Kvam og Voss", 4, "goals", "Notert: målgruppe."),
        ("Hovedmålet er å rekruttere og beholde flere fosterhjem", 5, "measures", "Notert: mål."),
        ("hopp over", 6, "partner", "Hoppet over: tiltak."),
        ("tilbake", 5, "measures", "Vi går tilbake til: tiltak."),
        ("Rekrutteringskampanje og veiledningsgrupper", 6, "partner", "Notert: tiltak."),
        ("RKBU Vest", 7, "anchoring", "Notert: kompetansemiljø."),
    ]
    for text, step, field, ack in steps:
        reply = await say(draft_service, connector, text)
        asks(reply, step, field)
        assert ack in text_of(reply)

    final = await say(draft_service, connector, "ferdig")
    assert text_of(final).startswith("**Utkast til prosjektplan – ferdig**")
    card = draft_card(final)
    assert card is not None
    sections = facts(card, "Deler")
    assert sections["Målgruppe"] == "✅ utfylt" and sections["Budsjett"] == "⬜ mangler"
    checklist = facts(card, "Sjekkliste mot kriteriene")
    assert checklist["Samarbeid med kompetansemiljø"].startswith("✅ oppfylt")  # RKBU Vest
    assert checklist["Forankring i ledelsen"].startswith("⬜ mangler")  # still to be told
    assert "Lenken er personlig og virker i 24 timer." in json.dumps(card, ensure_ascii=False)

    url = download_link(final)
    assert url.startswith(f"{PUBLIC_URL}/downloads/")
    signer: DownloadSigner = draft_service.app[SIGNER_KEY]
    assert signer.verify(token_of(url), user_id=KARI)  # made for the user who asked
    with pytest.raises(LinkRefused):
        signer.verify(token_of(url), user_id=OLA)

    status, content_type, body = await fetch(draft_service, url)
    assert status == 200 and content_type == DOCX
    document = Document(io.BytesIO(body))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert set(sections) <= set(headings)
    assert "Sjekkliste mot kriteriene" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Fosterforeldre og barn i fosterhjem" in text and "veiledningsgrupper" in text


async def test_a_tampered_link_is_forbidden_and_an_expired_one_is_gone(
    draft_service: Service, connector: ConnectorStub
) -> None:
    url = download_link(await say(draft_service, connector, OPENING))
    assert (await fetch(draft_service, url))[0] == 200
    signer: DownloadSigner = draft_service.app[SIGNER_KEY]
    draft_id = signer.verify(token_of(url)).draft_id
    signature = token_of(url).rsplit(".", 1)[1]
    other = DownloadSigner(b"not our secret").sign("0" * 20, KARI).rsplit(".", 1)[0]
    status, _, _ = await fetch(draft_service, f"{PUBLIC_URL}/downloads/{other}.{signature}")
    assert status == 403

    expired = signer.sign(draft_id, KARI, now=time.time() - signer.ttl_s - 60)
    status, _, body = await fetch(draft_service, f"{PUBLIC_URL}/downloads/{expired}")
    assert status == 410 and "utløpt" in body.decode()


async def test_the_dialog_goes_on_after_a_restart(
    draft_settings: Settings, drafting_core: Core, connector: ConnectorStub
) -> None:
    async with serving(draft_settings, drafting_core) as before:
        await say(before, connector, OPENING)
        asks(await say(before, connector, "Fosterforeldre"), 4, "goals")
    async with serving(draft_settings, drafting_core) as after:  # same data dir, new app
        reply = await say(after, connector, "Flere stabile fosterhjem")
        asks(reply, 5, "measures")
        assert "Notert: mål." in text_of(reply)
        final = await say(after, connector, "ferdig")
        assert (await fetch(after, download_link(final)))[0] == 200


async def test_another_users_conversation_does_not_see_the_dialog(
    draft_service: Service, connector: ConnectorStub
) -> None:
    await say(draft_service, connector, OPENING, user=KARI, conversation_id="conv-kari")
    for text in ("Fosterforeldre", "ferdig"):
        reply = await say(draft_service, connector, text, user=OLA, conversation_id="conv-ola")
        assert "Utkast til prosjektplan" not in text_of(reply)
        assert draft_card(reply) is None
    reply = await say(draft_service, connector, "Fosterforeldre", conversation_id="conv-kari")
    asks(reply, 4, "goals")


async def test_the_core_gets_forty_turns_with_its_own_text_unchanged(
    teams_settings: Settings, connector: ConnectorStub
) -> None:
    text = "**Utkast til prosjektplan – spørsmål 3 av 10**\nNotert: mål.\n- én\n- to"
    core = FakeCore(text=text, citations=[])
    async with serving(teams_settings, core) as service:
        for i in range(22):
            await say(service, connector, f"svar {i}")
    question_text, history = core.calls[-1]
    assert question_text == "svar 21" and len(history) >= 40
    assert history[-2].text == "svar 20" and history[-1].text == text
    assert all(t.text == text for t in history if t.role == "assistant")
