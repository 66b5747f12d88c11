"""Generated activities (Hypothesis): whatever the JSON, a 2xx/4xx or 501, never a 500, and no
turn ends in the generic error reply (each would log at ERROR)."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bot.teams.conftest import Service, activity
from tests.bot.teams.fakes import ConnectorStub

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
TEXT = st.text(alphabet=st.characters(codec=None), max_size=60)  # lone surrogates included
NAMES = st.sampled_from(["message/submitAction", "adaptiveCard/action", "fileConsent/invoke",
                         "composeExtension/query", "task/fetch", "signin/verifyState", ""])
ENTITY = st.fixed_dictionaries(
    {}, optional={"type": st.sampled_from(["mention", "clientInfo", "", "streaminfo"]) | JSON,
                  "mentioned": st.fixed_dictionaries({"id": st.just("28:bot-id")}) | JSON,
                  "text": TEXT})
CHANNEL_DATA = st.fixed_dictionaries({}, optional={
    "tenant": st.fixed_dictionaries({"id": st.just("tenant-a")}) | JSON, "team": JSON,
    "eventType": st.sampled_from(["teamMemberAdded", "channelCreated"]) | JSON,
    "streamId": JSON, "streamType": JSON, "feedbackLoopEnabled": JSON})
VALUE = st.fixed_dictionaries({}, optional={
    "actionName": st.just("feedback") | JSON, "laeringsbot": st.just("more") | JSON,
    "actionValue": st.fixed_dictionaries(
        {}, optional={"reaction": st.sampled_from(["like", "dislike"]) | JSON,
                      "feedback": TEXT | JSON}) | JSON,
    "action": JSON, "data": JSON})
FIELDS = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["message", "invoke", "conversationUpdate", "messageReaction",
                             "installationUpdate", "event", "typing"]),
    "text": TEXT | JSON,
    "value": VALUE | JSON,
    "name": NAMES | JSON,
    "entities": st.lists(ENTITY | JSON, max_size=3),
    "attachments": st.lists(
        st.fixed_dictionaries({"contentType": st.sampled_from(
            ["application/vnd.microsoft.teams.file.download.info", "text/html",
             "application/vnd.microsoft.card.adaptive"]) | TEXT, "content": JSON}), max_size=2),
    "channelData": CHANNEL_DATA | JSON,
    "membersAdded": st.lists(st.fixed_dictionaries({"id": st.just("28:bot-id")}) | JSON,
                             max_size=2),
    "replyToId": TEXT | JSON,
    "deliveryMode": st.sampled_from(["normal", "expectReplies"]) | JSON,
    "locale": TEXT | JSON,
})


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fields=FIELDS, conversation_type=st.sampled_from(["personal", "groupChat", "channel"]))
async def test_generated_activities_never_get_a_500_or_the_generic_error(
    service: Service, connector: ConnectorStub, caplog: pytest.LogCaptureFixture,
    fields: dict[str, Any], conversation_type: str,
) -> None:
    caplog.set_level(logging.WARNING)
    caplog.clear()
    body = activity(connector, "Hei", conversation_type=conversation_type)
    body.update(fields)
    raw = json.dumps(body, ensure_ascii=True).encode()  # \\udxxx escapes stay lone surrogates
    status, text = await service.post(None, raw=raw)
    await service.settle()
    assert status < 500 or status == 501, (status, text)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors
