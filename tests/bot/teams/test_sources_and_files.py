"""What a Teams user sees, over HTTP with the connector stub and the real core on the sample
corpus: one message per answer, every [n] a citation with a link that opens the passage, long
answers paged, and a referat dropped in the chat summarised."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.engine import Core
from bot.teams.source_links import SourceRef, SourceSigner
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub
from tests.bot.teams.files_stub import REFERAT_NAME, FileHost, file_attachment, referat_docx

PUBLIC_URL = "https://laeringsbot.example.no"


@pytest.fixture
async def files() -> AsyncIterator[FileHost]:
    host = await FileHost({"referat.docx": referat_docx(), "stor.docx": b"x" * 200_000,
                           "tabell.xlsx": b"PK"}).start()
    yield host
    await host.close()


@pytest.fixture
async def bot(sample_context, tmp_path: Path) -> AsyncIterator[Service]:  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path / "bot", public_base_url=PUBLIC_URL,  # type: ignore[call-arg]
                        file_hosts=["127.0.0.1"], file_max_bytes=100_000, _env_file=None)
    async with serving(settings, Core(sample_context)) as service:
        yield service


async def say(service: Service, connector: ConnectorStub, text: str, **extra: Any
              ) -> list[dict[str, Any]]:
    body = activity(connector, text, **extra)
    status, _ = await service.post(body)
    assert status == 202
    await service.settle()
    return [m for m in connector.messages() if m.get("replyToId") == body["id"]]


def citations(message: dict[str, Any]) -> list[dict[str, Any]]:
    [entity] = [e for e in message["entities"] if e["type"] == "https://schema.org/Message"]
    return entity["citation"]


async def open_link(service: Service, url: str) -> tuple[int, str]:
    """A citation link names the public address; the page is served by this app."""
    assert url.startswith(f"{PUBLIC_URL}/kilder/") and url.endswith("#sitat")
    return await service.get(urlsplit(url).path)


async def test_a_list_answer_is_one_message_whose_every_marker_opens_its_passage(
    bot: Service, connector: ConnectorStub
) -> None:
    [message] = await say(bot, connector, "Hvilke kommuner har hatt fosterhjemsprosjekter?")
    assert message["attachments"] == []  # no second copy as a card
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", message["text"])}
    claims = citations(message)
    assert markers and markers == {c["position"] for c in claims}
    for claim in claims:
        appearance = claim["appearance"]
        assert appearance["url"] and not appearance["name"].endswith((".md", ".txt"))
    status, page = await open_link(bot, claims[0]["appearance"]["url"])
    assert status == 200 and '<mark id="sitat">' in page
    marked = re.search(r'<mark id="sitat">(.*?)</mark>', page, re.S)
    assert marked and len(marked.group(1)) > 20


async def test_the_source_page_escapes_the_document_and_refuses_bad_links(
    bot: Service, connector: ConnectorStub
) -> None:
    message, _ = await say(bot, connector, "/kilder")  # a page, and «Vis flere»
    url = citations(message)[0]["appearance"]["url"]
    status, page = await open_link(bot, url)
    assert status == 200 and "<script" not in page
    token = urlsplit(url).path.rsplit("/", 1)[1]
    assert (await bot.get(f"/kilder/{token[:-4]}abcd"))[0] == 403
    foreign = SourceSigner(b"another secret", ttl_s=60).sign(SourceRef("d", None, "x"))
    assert (await bot.get(f"/kilder/{foreign}"))[0] == 403


def test_an_expired_source_link_is_gone(tmp_path: Path) -> None:
    signer = SourceSigner(b"k", ttl_s=60)
    token = signer.sign(SourceRef("d", None, "x"), now=time.time() - 3600)
    with pytest.raises(ValueError, match="expired"):
        signer.verify(token)


async def test_the_document_list_shows_titles_and_pages_on_show_more(
    bot: Service, connector: ConnectorStub
) -> None:
    first, prompt = await say(bot, connector, "/kilder")
    assert ".md" not in first["text"] and ".txt" not in first["text"]
    [entity] = [e for e in first["entities"] if e["type"] == "https://schema.org/Message"]
    assert "additionalType" not in entity  # a listing, not AI generated
    [button] = prompt["attachments"][0]["content"]["actions"]
    assert button["title"] == "Vis flere (2 av 2)" and "entities" not in prompt
    [second] = await say(bot, connector, "", value=button["data"])  # the button, clicked
    assert citations(second) and second["text"].startswith("Dokumenter (17) (forts.):\n\n• ")
    [done] = await say(bot, connector, "", value=button["data"])  # clicked once too often
    assert done["text"].startswith("Det er ikke mer å vise")


async def test_show_more_works_in_a_channel_where_only_mentions_reach_the_bot(
    bot: Service, connector: ConnectorStub
) -> None:
    where = {"conversation_type": "channel", "conversation_id": "19:kanal"}
    first, prompt = await say(bot, connector, "/kilder", mention=True, **where)
    [button] = prompt["attachments"][0]["content"]["actions"]
    [second] = await say(bot, connector, "", value=button["data"], **where)  # no mention
    assert second["text"].startswith("Dokumenter (17) (forts.)") and citations(second)


async def test_a_referat_dropped_in_the_chat_is_summarised_with_decisions_who_and_next_meeting(
    bot: Service, connector: ConnectorStub, files: FileHost
) -> None:
    attachment = file_attachment(REFERAT_NAME, f"{files.url}/files/referat.docx")
    [message] = await say(bot, connector, "", attachments=[attachment])
    text = message["text"]
    assert files.requests == ["/files/referat.docx"]
    assert "Vedtak: Styringsgruppen går inn for en felles fosterhjemstjeneste" in text
    assert "Ingrid Haugen" in text  # who follows it up
    assert "Neste møte: 12. juni 2024" in text
    assert "legges ikke i kunnskapsbasen" in text
    claims = citations(message)
    assert {c["position"] for c in claims} == {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert all(c["appearance"]["url"].startswith("https://contoso-my.sharepoint.com/")
               for c in claims)  # the uploaded file's own address
    [answer] = await say(bot, connector, "Hva sier dokumentet om samarbeidsavtale?")
    assert "Ingrid Haugen" in answer["text"] and citations(answer)
    [other] = await say(bot, connector, "Hvilke kommuner har hatt fosterhjemsprosjekter?")
    assert "Valdres" not in other["text"]  # the knowledge base is untouched


@pytest.mark.parametrize(("name", "url", "expected"), [
    ("tabell.xlsx", "{files}/files/tabell.xlsx", "leser bare disse filtypene"),
    ("stor.docx", "{files}/files/stor.docx", "er for stor"),
    ("referat.docx", "https://evil.example.com/referat.docx", "bare filer som er delt i Teams"),
    ("borte.docx", "{files}/files/borte.docx", "fikk ikke hentet"),
])  # fmt: skip
async def test_a_file_that_cannot_be_read_gets_a_clear_message(
    bot: Service, connector: ConnectorStub, files: FileHost, name: str, url: str, expected: str
) -> None:
    attachment = file_attachment(name, url.format(files=files.url))
    [message] = await say(bot, connector, "", attachments=[attachment])
    assert expected in message["text"]
    assert not [e for e in message.get("entities") or [] if e["type"].startswith("https://schema")]


async def test_another_conversation_cannot_see_the_upload(
    bot: Service, connector: ConnectorStub, files: FileHost
) -> None:
    attachment = file_attachment(REFERAT_NAME, f"{files.url}/files/referat.docx")
    await say(bot, connector, "", attachments=[attachment], conversation_id="conv-a")
    [answer] = await say(bot, connector, "Hva sier dokumentet om samarbeidsavtale?",
                         conversation_id="conv-b")
    assert "Ingrid Haugen" not in answer["text"]


async def test_typed_show_more_with_no_page_waiting_is_the_cores_to_answer(
    service: Service, connector: ConnectorStub, core: Any
) -> None:
    await say(service, connector, "vis flere")  # a long list goes on in the core
    assert [question for question, _ in core.calls] == ["vis flere"]
