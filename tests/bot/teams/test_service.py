"""The running service over real HTTP, replying to a connector stub."""

from __future__ import annotations

import json

import pytest

from tests.bot.teams.conftest import BOT_ID, Service, activity, serving
from tests.bot.teams.fakes import ConnectorStub, FakeCore, StreamingFakeCore


def _ai_entity(message: dict) -> dict:
    [entity] = [e for e in message["entities"] if e["type"] == "https://schema.org/Message"]
    return entity


def _stream_types(sent: list[dict]) -> list[str]:
    return [
        e["streamType"] for a in sent for e in a.get("entities") or [] if e["type"] == "streaminfo"
    ]


async def test_reply_carries_citations_ai_label_and_feedback_buttons(
    service: Service, connector: ConnectorStub
) -> None:
    body = activity(
        connector, "Når er neste samling i Hordaland?", conversation_type="groupChat", mention=True
    )
    status, _ = await service.post(body)
    assert status == 202
    [reply] = await connector.wait_for(connector.messages)
    assert (
        reply["text"]
        == "Testsvar fra den falske kjernen på «Når er neste samling i Hordaland?» [1]."
    )
    entity = _ai_entity(reply)
    assert entity["additionalType"] == ["AIGeneratedContent"]
    assert entity["@context"] == "https://schema.org" and entity["@type"] == "Message"
    [claim] = entity["citation"]
    assert claim["position"] == 1
    assert claim["appearance"]["name"] == "Referat fra styringsgruppemøte (testkilde)"
    assert reply["channelData"]["feedbackLoop"] == {"type": "default"}
    assert reply["replyToId"] == body["id"]
    assert reply["_path"] == f"/v3/conversations/conv-1/activities/{body['id']}"


@pytest.mark.parametrize(
    ("question", "searching"),
    [("Kva kommunar har fosterheimsprosjekt?", "Søkjer i kunnskapsbasen…"),
     ("Which municipalities have foster care projects?", "Searching the knowledge base…")],
)
async def test_the_searching_update_speaks_the_questions_language(
    teams_settings, connector: ConnectorStub, question: str, searching: str
) -> None:
    async with serving(teams_settings, StreamingFakeCore(step=0.01)) as service:
        await service.post(activity(connector, question))
        await service.settle()
    assert _stream_types(connector.sent)[0] == "informative"
    assert connector.sent[0]["text"] == searching


async def test_group_chat_gets_typing_then_one_final_message_without_streaming(
    service: Service, connector: ConnectorStub
) -> None:
    await service.post(activity(connector, "Hei", conversation_type="groupChat", mention=True))
    await service.settle()
    assert [a["type"] for a in connector.sent] == ["typing", "message"]
    assert _stream_types(connector.sent) == []


async def test_personal_chat_streams_informative_then_chunks_then_final(
    teams_settings, connector: ConnectorStub
) -> None:
    core = StreamingFakeCore(step=0.25, text="Neste samling er 12. februar 2019 i Bergen [1].")
    async with serving(teams_settings, core, stream_interval=1.0) as service:
        await service.post(activity(connector, "Når er neste samling?"))
        await service.settle()
    sent = connector.sent
    assert _stream_types(sent)[0] == "informative" and _stream_types(sent)[-1] == "final"
    assert sent[0]["type"] == "typing" and sent[0]["text"] == "Søker i kunnskapsbasen…"
    chunks = [a for a in sent if "streaming" in _stream_types([a])]
    assert chunks, "no streaming chunk was sent"
    stream_id = "reply-1"  # the id the stub gave the informative update
    infos = [e for a in sent[1:] for e in a["entities"] if e["type"] == "streaminfo"]
    assert all(i["streamId"] == stream_id for i in infos)
    sequences = [i["streamSequence"] for i in infos if i["streamType"] != "final"]
    assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    times = [a["_at"] for a in sent if a["type"] == "typing"]
    assert all(b - a >= 0.9 for a, b in zip(times, times[1:], strict=False)), times
    for chunk in chunks:  # each chunk repeats the text so far
        assert "Neste samling er 12. februar 2019 i Bergen [1].".startswith(chunk["text"])
    final = sent[-1]
    assert final["type"] == "message" and final["text"].endswith("[1].")
    assert _ai_entity(final)["citation"][0]["position"] == 1


async def test_personal_chat_with_a_plain_core_sends_informative_then_final(
    service: Service, connector: ConnectorStub
) -> None:
    await service.post(activity(connector, "Hva er stimuleringsmidler?"))
    await service.settle()
    assert _stream_types(connector.sent) == ["informative", "final"]
    assert connector.sent[-1]["channelData"]["streamId"] == "reply-1"


async def test_channel_message_without_mention_gets_no_reply(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    status, _ = await service.post(activity(connector, "Hei alle", conversation_type="channel"))
    await service.settle()
    assert status == 202
    assert connector.sent == [] and core.calls == []


async def test_channel_mention_is_stripped_before_the_core_sees_it(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    await service.post(
        activity(connector, "/prosjekter fosterhjem", conversation_type="channel", mention=True)
    )
    await service.settle()
    assert core.calls[0][0] == "/prosjekter fosterhjem"
    assert len(connector.messages()) == 1


async def test_same_activity_id_is_answered_once(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    body = activity(connector, "Når er neste samling?")
    statuses = [(await service.post(body))[0] for _ in range(3)]
    await service.settle()
    assert statuses[0] == 202 and statuses[1:] == [200, 200]
    assert len(core.calls) == 1 and len(connector.messages()) == 1


async def test_follow_up_questions_get_the_earlier_turns_as_history(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    await service.post(activity(connector, "Hvilke prosjekter har Kvam hatt?"))
    await service.settle()
    await service.post(activity(connector, "Og hvem ledet dem?"))
    await service.settle()
    history = core.calls[1][1]
    assert [t.role for t in history] == ["user", "assistant"]
    assert history[0].text == "Hvilke prosjekter har Kvam hatt?"


async def test_history_survives_a_restart(teams_settings, connector: ConnectorStub) -> None:
    async with serving(teams_settings, FakeCore()) as first:
        await first.post(activity(connector, "Hvilke prosjekter har Kvam hatt?"))
        await first.settle()
    core = FakeCore()
    async with serving(teams_settings, core) as second:
        await second.post(activity(connector, "Og når startet de?"))
        await second.settle()
    assert core.calls[0][1][0].text == "Hvilke prosjekter har Kvam hatt?"


async def test_feedback_invoke_is_answered_200_and_stored_with_the_rated_answer(
    service: Service, connector: ConnectorStub
) -> None:
    await service.post(
        activity(connector, "Når er neste samling?", conversation_type="groupChat", mention=True)
    )
    [reply] = await connector.wait_for(connector.messages)
    await service.settle()
    invoke = activity(
        connector,
        "",
        activity_type="invoke",
        name="message/submitAction",
        replyToId="reply-2",  # the stub's id for the message (reply-1 was the typing indicator)
        value={
            "actionName": "feedback",
            "actionValue": {
                "reaction": "dislike",
                "feedback": json.dumps({"feedbackText": "Mangler dato"}),
            },
        },
    )
    status, text = await service.post(invoke)
    assert status == 200 and text == ""
    [record] = service.ledger.feedback()
    assert record.reaction == "dislike" and record.comment == "Mangler dato"
    assert record.question == "Når er neste samling?" and record.answer == reply["text"]


async def test_welcome_with_suggested_prompts_when_the_bot_is_added(
    service: Service, connector: ConnectorStub
) -> None:
    update = activity(
        connector,
        "",
        activity_type="conversationUpdate",
        membersAdded=[{"id": "29:user-1"}, {"id": BOT_ID}],
    )
    await service.post(update)
    welcome, prompts = await connector.wait_for(
        lambda: len(connector.messages()) == 2 and connector.messages()
    )
    assert welcome["attachments"][0]["content"]["body"][0]["text"] == "Hei! Jeg er Læringsbot."
    assert "/utkast" in {a["value"] for a in prompts["suggestedActions"]["actions"]}


async def test_no_welcome_when_only_a_user_joins(
    service: Service, connector: ConnectorStub
) -> None:
    await service.post(
        activity(
            connector, "", activity_type="conversationUpdate", membersAdded=[{"id": "29:user-2"}]
        )
    )
    await service.settle()
    assert connector.sent == []


async def test_empty_question_asks_the_core_for_help(
    service: Service, connector: ConnectorStub, core: FakeCore
) -> None:
    await service.post(activity(connector, "   ", conversation_type="groupChat", mention=True))
    await service.settle()
    assert core.calls[0][0] == "/hjelp"
    assert len(connector.messages()) == 1


async def test_core_failure_reaches_the_user_as_norwegian_message_with_reference(
    teams_settings, connector: ConnectorStub, caplog
) -> None:
    async with serving(teams_settings, FakeCore(fail=True)) as service:
        await service.post(activity(connector, "Hva skjer?"))
        await service.settle()
    final = connector.messages()[-1]
    assert final["text"].startswith("Beklager, noe gikk galt")
    reference = final["text"].split("Referanse: ")[1].rstrip(")")
    assert "RuntimeError" not in final["text"]
    assert any(reference in r.getMessage() and r.exc_info for r in caplog.records)
    assert final["entities"][-1]["streamType"] == "final"  # the stream is closed properly


async def test_streaming_refused_by_the_channel_falls_back_to_a_plain_reply(teams_settings) -> None:
    connector = await ConnectorStub(fail_streaming=True).start()
    try:
        async with serving(teams_settings, FakeCore()) as service:
            await service.post(activity(connector, "Hei"))
            await service.settle()
        final = connector.sent[-1]
        assert final["type"] == "message" and final["text"].endswith("[1].")
        assert _stream_types([final]) == []
    finally:
        await connector.close()


async def test_other_tenants_get_a_polite_refusal_and_the_core_is_not_called(
    tmp_path, connector: ConnectorStub, caplog
) -> None:
    from indexer.settings import Settings

    settings = Settings(data_dir=tmp_path, allowed_tenants=["tenant-a"], _env_file=None)
    core = FakeCore()
    async with serving(settings, core) as service:
        await service.post(activity(connector, "Hei", tenant="tenant-b"))
        await service.post(activity(connector, "Hei", tenant="tenant-a", conversation_id="c2"))
        await service.settle()
    refused = connector.messages("conv-1")
    assert refused[0]["text"].startswith("Beklager, Læringsbot er ikke tilgjengelig")
    assert [q for q, _ in core.calls] == ["Hei"] and connector.messages("c2")
    assert any("tenant-b" in r.getMessage() for r in caplog.records)


async def test_health_and_readiness(service: Service, core: FakeCore) -> None:
    assert (await service.get("/healthz"))[0] == 200
    assert (await service.get("/readyz"))[0] == 200
    core.is_ready = False
    assert (await service.get("/readyz"))[0] == 503
    assert (await service.get("/healthz"))[0] == 200


async def test_download_route_refuses_an_unsigned_token(service: Service) -> None:
    status, text = await service.get("/downloads/not-a-token")
    assert status == 403 and "Ugyldig nedlastingslenke" in text
