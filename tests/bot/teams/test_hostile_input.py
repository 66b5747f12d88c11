"""Hostile input found by a probe: each gets a 4xx or a polite reply, never a 500 or the
generic «noe gikk galt» error."""

from __future__ import annotations

import hashlib
import json
import logging

import pytest
from itsdangerous import URLSafeSerializer

from tests.bot.teams.conftest import Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore
from tests.bot.teams.test_bad_input import _still_answers

SECRET = "test-secret"


def logged_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("depth", [100_000, 2_000, 200])
async def test_deeply_nested_json_gets_400(
    service: Service, connector: ConnectorStub, caplog: pytest.LogCaptureFixture, depth: int
) -> None:
    body = json.dumps(activity(connector, "Hei")).encode()
    nested = b'{"a":' * depth + b"1" + b"}" * depth
    raw = body[:-1] + b', "value": ' + nested + b"}"
    status, _ = await service.post(None, raw=raw)
    assert status == 400
    await _still_answers(service, connector)
    assert logged_errors(caplog) == []


@pytest.mark.parametrize("name", ["adaptiveCard/action", "fileConsent/invoke", "task/fetch"])
@pytest.mark.parametrize("value", ["nope", 5, ["a"], None, {}])
async def test_invokes_the_bot_does_not_implement_get_501_whatever_their_value(
    service: Service, connector: ConnectorStub, caplog: pytest.LogCaptureFixture, name: str,
    value: object,
) -> None:
    body = activity(connector, "", activity_type="invoke", name=name, value=value)
    assert (await service.post(body))[0] == 501
    assert logged_errors(caplog) == []


def _signed(salt: str, claims: object) -> str:
    serializer = URLSafeSerializer(SECRET, salt=salt,
                                   signer_kwargs={"digest_method": hashlib.sha256})
    return str(serializer.dumps(claims))


@pytest.mark.parametrize("claims", [
    {"d": "abcdef12", "u": "x", "e": float("inf")}, {"d": "abcdef12", "u": "x", "e": 1e400},
    {"d": "abcdef12", "u": "x", "e": float("nan")}, {"d": ["x"], "u": {}, "e": "soon"},
    ["d", "u", "e"], "token", None,
])
async def test_signed_but_malformed_link_tokens_get_403(
    teams_settings, caplog: pytest.LogCaptureFixture, claims: object  # type: ignore[no-untyped-def]
) -> None:
    settings = teams_settings.model_copy(update={"download_secret": SECRET})
    async with serving(settings, FakeCore()) as service:
        for path, salt in (("/downloads/", "laeringsbot.draft-download"),
                           ("/kilder/", "laeringsbot.source-view")):
            status, _ = await service.get(path + _signed(salt, claims))
            assert status in (403, 404), (path, status)
    assert logged_errors(caplog) == []


async def test_a_lone_surrogate_in_the_text_is_answered(
    service: Service, connector: ConnectorStub, core: FakeCore, caplog: pytest.LogCaptureFixture
) -> None:
    raw = json.dumps(activity(connector, "Hei")).replace('"Hei"', '"H\\ud800ei"').encode()
    assert (await service.post(None, raw=raw))[0] == 202
    [reply] = await connector.wait_for(connector.messages)
    assert "H\ufffdei" in reply["text"] and core.calls[0][0] == "H\ufffdei"
    await service.settle()
    assert logged_errors(caplog) == []


@pytest.mark.parametrize("entities", [
    [{"text": "<at>Læringsbot</at>", "mentioned": {"id": "28:bot-id"}}],  # no type
    [{"type": None, "mentioned": {"id": "28:bot-id"}}],
    [{"type": "mention", "mentioned": "28:bot-id"}],
    [{"type": "mention"}], ["mention"], [None, 5],
])
async def test_odd_mention_entities_get_an_answer(
    service: Service, connector: ConnectorStub, core: FakeCore,
    caplog: pytest.LogCaptureFixture, entities: list[object],
) -> None:
    body = activity(connector, "Hei", entities=entities)
    assert (await service.post(body))[0] in (202, 400)
    await service.settle()
    assert logged_errors(caplog) == []
    await _still_answers(service, connector)
