"""Bad input gets a 4xx or a friendly reply, never a crash, and the service keeps working."""

from __future__ import annotations

import json

import pytest

from tests.bot.teams.conftest import Service, activity
from tests.bot.teams.fakes import ConnectorStub, FakeCore


async def _still_answers(service: Service, connector: ConnectorStub) -> None:
    before = len(connector.messages())
    status, _ = await service.post(
        activity(connector, "Fungerer du fortsatt?", conversation_id="after")
    )
    assert status == 202
    await connector.wait_for(lambda: len(connector.messages()) > before)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"{not json", "Body is not valid JSON"),
        (b"[1, 2, 3]", "must be a JSON object"),
        (json.dumps({"type": "message", "text": "hei"}).encode(), "missing serviceUrl"),
        (
            json.dumps(
                {
                    "type": "message",
                    "serviceUrl": "http://127.0.0.1:9/",
                    "channelId": "x",
                    "conversation": {},
                }
            ).encode(),
            "conversation.id",
        ),
    ],
)
async def test_malformed_bodies_get_400_and_the_service_keeps_working(
    service: Service, connector: ConnectorStub, raw: bytes, why: str
) -> None:
    status, text = await service.post(None, raw=raw)
    assert status == 400 and why in text
    await _still_answers(service, connector)


async def test_wrong_content_type_gets_415(service: Service, connector: ConnectorStub) -> None:
    status, _ = await service.post(None, raw=b"hei", headers={"Content-Type": "text/plain"})
    assert status == 415
    await _still_answers(service, connector)


async def test_unknown_activity_type_is_accepted_and_ignored(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    status, _ = await service.post(activity(connector, "x", activity_type="somethingNew"))
    await service.settle()
    assert status == 202 and connector.sent == [] and core.calls == []
    await _still_answers(service, connector)


async def test_100_kb_message_gets_a_friendly_too_long_reply(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    status, _ = await service.post(activity(connector, "a" * 100_000))
    assert status == 202
    [reply] = await connector.wait_for(connector.messages)
    assert reply["text"].startswith("Meldingen din er for lang (100000 tegn)")
    assert "4000" in reply["text"] and core.calls == []
    await _still_answers(service, connector)


async def test_body_over_the_size_limit_gets_413(
    service: Service, connector: ConnectorStub
) -> None:
    status, _ = await service.post(activity(connector, "a" * 3_000_000))
    assert status == 413
    await _still_answers(service, connector)


async def test_expect_replies_returns_the_replies_in_the_body(
    service: Service, connector: ConnectorStub
) -> None:
    status, text = await service.post(activity(connector, "Hei", deliveryMode="expectReplies"))
    assert status == 200
    replies = json.loads(text)["activities"]
    assert [a["type"] for a in replies] == ["typing", "message"]
    assert replies[-1]["text"].endswith("[1].")
    assert connector.sent == []  # nothing went to the connector


async def test_invoke_the_bot_does_not_know_gets_a_4xx_or_501_not_a_crash(
    service: Service, connector: ConnectorStub
) -> None:
    status, _ = await service.post(activity(connector, "", activity_type="invoke", name="nope/x"))
    assert status == 501
    bad_feedback = activity(
        connector,
        "",
        activity_type="invoke",
        name="message/submitAction",
        value={"actionName": "feedback", "actionValue": "??"},
    )
    assert (await service.post(bad_feedback))[0] == 400
    await _still_answers(service, connector)


async def test_wrongly_typed_fields_get_400(service: Service, connector: ConnectorStub) -> None:
    body = activity(connector, "hei")
    body["entities"] = "not a list"
    status, _ = await service.post(body)
    assert status == 400
    await _still_answers(service, connector)
