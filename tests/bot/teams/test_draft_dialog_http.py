"""A whole draft over HTTP as a Teams user makes it: a side question in the middle, a section
corrected with the card's buttons, and the .docx fetched through the link the card gives.

The real core on the sample corpus, the connector stub for Teams. A button press is what Teams
(and the Agents Playground) send for a card's submit: a message with the button's data as its
value and no text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.drafting.texts import question
from bot.engine import Core
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub
from tests.drafts import (
    FIRST_GROUP,
    GOALS,
    MEASURES,
    OPENING,
    PARTNER,
    SIDE,
    TARGET_GROUP,
    problems,
    read_draft,
)

PUBLIC_URL = "https://laeringsbot.example.no"

Message = dict[str, Any]


@pytest.fixture
async def chat(sample_context, tmp_path: Path, connector: ConnectorStub  # type: ignore[no-untyped-def]
               ) -> AsyncIterator[Chat]:
    settings = Settings(data_dir=tmp_path / "data", public_base_url=PUBLIC_URL,
                        _env_file=None)  # type: ignore[call-arg]
    ctx = dataclasses.replace(sample_context, settings=settings, today=lambda: dt.date(2023, 3, 20))
    async with serving(settings, Core(ctx)) as service:
        yield Chat(service, connector)


class Chat:
    """One personal chat: what the user types or presses, and the bot's card in reply."""

    def __init__(self, service: Service, connector: ConnectorStub) -> None:
        self.service, self.connector = service, connector

    async def say(self, text: str, value: dict[str, Any] | None = None) -> Message:
        body = activity(self.connector, text)
        if value is not None:
            body["value"] = value
        status, _ = await self.service.post(body)
        assert status == 202
        await self.service.settle()
        replies = [m for m in self.connector.messages() if m.get("replyToId") == body["id"]]
        assert replies, self.connector.sent
        return replies[0]  # the answer's first page: its text or its card

    async def press(self, reply: Message, title: str) -> Message:
        """Press a card button: its data comes back as the value of a message without text."""
        actions = [a for a in card(reply).get("actions", []) if a["title"] == title]
        assert actions, f"no button {title!r} on {[a['title'] for a in card(reply)['actions']]}"
        [action] = actions
        return await self.say("", value=action["data"])

    async def download(self, reply: Message) -> tuple[str, bytes]:
        """Open the card's download button as a browser would; the name it saves under too."""
        [button] = [a for a in card(reply)["actions"] if a["type"] == "Action.OpenUrl"]
        url = urlsplit(button["url"])
        assert f"{url.scheme}://{url.netloc}" == PUBLIC_URL
        async with self.service.http.get(f"{self.service.url}{url.path}") as resp:
            assert resp.status == 200
            disposition = resp.headers["Content-Disposition"]
            [name] = re.findall(r'filename="([^"]+)"', disposition)
            return name, await resp.read()


def card(message: Message) -> dict[str, Any]:
    [attachment] = message.get("attachments") or [{}]
    return attachment.get("content") or {}


def shown(message: Message) -> str:
    """What the user reads: a message's text, or the text blocks of its card."""
    if message.get("text"):
        return message["text"]
    return "\n".join(_texts(card(message).get("body", [])))


def _texts(blocks: list[Any]) -> list[str]:
    found = []
    for block in blocks:
        found += [block["text"]] if block.get("type") == "TextBlock" else []
        found += _texts(block.get("items", []))
    return found


def asked(message: Message, step: int, field: str) -> bool:
    text = shown(message)
    return f"spørsmål {step} av 10" in text and question(field, "plan", "nb") in text


async def test_a_draft_with_a_side_question_and_a_correction_downloads_as_the_applicants_own(
    chat: Chat,
) -> None:
    first = await chat.say(OPENING)
    assert asked(first, 3, "target_group"), shown(first)
    assert asked(await chat.say(FIRST_GROUP), 4, "goals")

    side = await chat.say(SIDE)  # answered by the rest of the core; the draft waits
    assert "Utkastet venter" in shown(side) and not asked(side, 4, "goals"), shown(side)
    resumed = await chat.say(GOALS)  # the next plain answer takes the draft up again
    assert "Vi fortsetter utkastet." in shown(resumed) and asked(resumed, 5, "measures")

    choosing = await chat.press(resumed, "Endre del")
    editing = await chat.press(choosing, "Endre målgruppe")
    assert f"Nå står det: «{FIRST_GROUP}»" in shown(editing), shown(editing)
    corrected = await chat.say(TARGET_GROUP)
    assert "Endret: målgruppe." in shown(corrected) and asked(corrected, 5, "measures")

    assert asked(await chat.say(MEASURES), 6, "partner")
    final = await chat.press(await chat.say(PARTNER), "Ferdig")
    assert "ferdig" in shown(final).splitlines()[0], shown(final)

    saved_as, content = await chat.download(final)
    assert problems(read_draft(content), saved_as) == []
