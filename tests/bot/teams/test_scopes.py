"""Scopes over HTTP, as Teams posts activities: a restricted referat is answered in its team's
channel and absent in another team's channel, in a non-member's 1:1 chat and in group chats;
lists, counts, summaries, decisions and /kilder leave it out; its link opens only for the user
it was made for (or someone the group map lets see it), after the `/kode` proof."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.engine import Core
from bot.teams.proof import COOKIE
from indexer.settings import Settings
from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub
from tests.scopes import (
    LISTER_GROUP,
    LISTER_TEAM,
    MEMBER,
    OTHER_TEAM,
    OUTSIDER,
    group_map_json,
    leaks,
)

PUBLIC_URL = "https://laeringsbot.example.no"
ASKER = "aad-asker-i-lister"  # a member of the Lister team the group map does not name
REFERAT = "Oppsummer referatet fra 14.03.2024"
SWEEP = ["/kilder", REFERAT, "Hvilke vedtak ble fattet om Kvinesdal-modellen?",
         "Hvilke kommuner har hatt fosterhjemsprosjekter?", "Hvor mange referater har vi?",
         "Hvilke referater har vi fra 2024?", "Hva er lønnstillegget per vakthelg?"]


@pytest.fixture
async def bot(scoped_context, tmp_path: Path) -> AsyncIterator[Service]:  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp_path / "bot", public_base_url=PUBLIC_URL,  # type: ignore[call-arg]
                        group_map=group_map_json(), _env_file=None)
    async with serving(settings, Core(scoped_context)) as service:
        yield service


def in_channel(team: str, user: str = ASKER) -> dict[str, Any]:
    return {"conversation_type": "channel", "conversation_id": f"{team};messageid=1",
            "mention": True, "from": {"id": f"29:{user}", "aadObjectId": user},
            "channelData": {"tenant": {"id": "tenant-a"}, "team": {
                "id": team, "aadGroupId": LISTER_GROUP if team == LISTER_TEAM else "g-other"}}}


def in_chat(user: str, kind: str = "personal") -> dict[str, Any]:
    return {"conversation_type": kind, "conversation_id": f"{kind}-{user}",
            "mention": kind != "personal", "from": {"id": f"29:{user}", "aadObjectId": user}}


async def say(service: Service, connector: ConnectorStub, text: str, where: dict[str, Any]
              ) -> list[dict[str, Any]]:  # fmt: skip
    """Every message the bot sends for this turn, each «Vis flere» page clicked through."""
    where = dict(where)
    mention = where.pop("mention")
    body = activity(connector, text, mention=mention, **where)
    assert (await service.post(body))[0] == 202
    await service.settle()
    sent = [m for m in connector.messages() if m.get("replyToId") == body["id"]]
    assert sent and sent[0].get("text"), "the bot did not answer"
    while more := [a for m in sent[-1:] for a in _more_buttons(m)]:
        click = activity(connector, "", value=more[0], **where)
        assert (await service.post(click))[0] == 202
        await service.settle()
        sent += [m for m in connector.messages() if m.get("replyToId") == click["id"]]
    return sent


def _more_buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    actions = [a for att in message.get("attachments") or []
               for a in (att.get("content") or {}).get("actions", [])]
    return [a["data"] for a in actions if (a.get("data") or {}).get("laeringsbot") == "more"]


def shown(messages: list[dict[str, Any]]) -> str:
    """The texts and every citation's name, abstract and keywords."""
    parts = [m.get("text") or "" for m in messages]
    for claim in (c for m in messages for c in _claims(m)):
        appearance = claim["appearance"]
        parts += [appearance.get("name", ""), appearance.get("abstract", ""),
                  " ".join(appearance.get("keywords") or [])]
    return "\n".join(parts)


def _claims(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for e in message.get("entities") or [] if e["type"] == "https://schema.org/Message"
            for c in e.get("citation", [])]


async def test_the_restricted_referat_is_answered_in_its_teams_channel_only(
    bot: Service, connector: ConnectorStub
) -> None:
    own = shown(await say(bot, connector, REFERAT, in_channel(LISTER_TEAM)))
    assert "Kvinesdal-modellen" in own and "Eivind Håland" in own
    other = shown(await say(bot, connector, REFERAT, in_channel(OTHER_TEAM)))
    outsider = shown(await say(bot, connector, REFERAT, in_chat(OUTSIDER)))
    assert leaks(other, REFERAT) == [] and leaks(outsider, REFERAT) == []
    assert other == outsider  # the same «absent» either way


async def test_a_member_by_the_group_map_is_answered_in_a_11_chat_but_not_in_a_group_chat(
    bot: Service, connector: ConnectorStub
) -> None:
    assert "Kvinesdal-modellen" in shown(await say(bot, connector, REFERAT, in_chat(MEMBER)))
    group = shown(await say(bot, connector, REFERAT, in_chat(MEMBER, "groupChat")))
    assert leaks(group, REFERAT) == []


@pytest.mark.parametrize("question", SWEEP)
async def test_lists_counts_summaries_decisions_and_sources_leave_it_out_for_non_members(
    bot: Service, connector: ConnectorStub, question: str
) -> None:
    for where in (in_channel(OTHER_TEAM), in_chat(OUTSIDER)):
        assert leaks(shown(await say(bot, connector, question, where)), question) == []


async def _code(bot: Service, connector: ConnectorStub, user: str) -> str:
    [reply] = await say(bot, connector, "/kode", in_chat(user))
    return reply["text"].split("Koden din er ", 1)[1].split(".")[0]


async def _open(bot: Service, path: str, cookie: str | None = None) -> tuple[int, str]:
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
    async with bot.http.get(f"{bot.url}{path}", headers=headers) as resp:
        return resp.status, await resp.text()


async def _redeem(bot: Service, path: str, code: str) -> tuple[int, str | None]:
    async with bot.http.post(f"{bot.url}{path}", data={"kode": code},
                             allow_redirects=False) as resp:
        morsel = resp.cookies.get(COOKIE)
        return resp.status, morsel.value if morsel else None


async def test_a_restricted_link_opens_for_its_user_and_is_refused_when_forwarded(
    bot: Service, connector: ConnectorStub
) -> None:
    messages = await say(bot, connector, REFERAT, in_channel(LISTER_TEAM))
    url = next(c["appearance"]["url"] for m in messages for c in _claims(m))
    path = urlsplit(url).path
    status, page = await _open(bot, path)  # no proof yet: a form that names nothing
    assert status == 401 and "Kvinesdal" not in page and "Lister" not in page
    assert await _redeem(bot, path, await _code(bot, connector, OUTSIDER)) == (403, None)
    forwarded, outsider_cookie = await _redeem(bot, path, "AAAAAAAA")
    assert forwarded == 403 and outsider_cookie is None
    status, cookie = await _redeem(bot, path, await _code(bot, connector, ASKER))
    assert status == 303 and cookie
    status, page = await _open(bot, path, cookie)
    assert status == 200 and "Kvinesdal-modellen" in page
    # the outsider, proven as themselves on a link of their own, still cannot open it
    public = (await say(bot, connector, "/kilder", in_chat(OUTSIDER)))[0]
    own_path = urlsplit(_claims(public)[0]["appearance"]["url"]).path
    assert (await _open(bot, own_path))[0] == 200  # public sources need no proof
    status, outsider = await _redeem(bot, own_path, await _code(bot, connector, OUTSIDER))
    assert status == 303 and outsider
    status, page = await _open(bot, path, outsider)
    assert status == 403 and "Kvinesdal" not in page
    status, teammate = await _redeem(bot, path, await _code(bot, connector, MEMBER))
    assert status == 303 and teammate  # the group map lets Kari see Lister's documents
    assert (await _open(bot, path, teammate))[0] == 200


async def test_a_code_is_given_only_in_a_11_chat(bot: Service, connector: ConnectorStub) -> None:
    [reply] = await say(bot, connector, "/kode", in_channel(LISTER_TEAM))
    assert "Koden din er" not in reply["text"] and "/kode" in reply["text"]
