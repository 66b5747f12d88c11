"""A fødselsnummer a user writes is never stored (history, replies, feedback) or logged."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from bot.cli.serve_cmd import configure_logging
from bot.teams.logs import PersonalNumberFilter, redact_logs
from indexer.ingest.privacy import REDACTED
from tests.bot.teams.conftest import Service, activity
from tests.bot.teams.fakes import ConnectorStub, FakeCore

FNR = "24128345619"  # valid check digits, 24 December 1983
WRITTEN = [FNR, "241283 45619", "241283-45619"]


def stored_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.glob("teams.sqlite*"))


async def test_personal_numbers_never_reach_the_conversation_database(
    service: Service, connector: ConnectorStub, core: FakeCore, teams_settings,  # type: ignore[no-untyped-def]
) -> None:
    for n, written in enumerate(WRITTEN):
        assert (await service.post(activity(connector, f"Saken om {written}, hva nå?")))[0] == 202
        await connector.wait_for(lambda n=n: len(connector.messages()) > n)
    reply_id = f"reply-{len(connector.sent)}"
    feedback = activity(
        connector, "", activity_type="invoke", name="message/submitAction", replyToId=reply_id,
        value={"actionName": "feedback", "actionValue": {
            "reaction": "dislike", "feedback": json.dumps({"feedbackText": f"Feil om {FNR}"})}},
    )
    assert (await service.post(feedback))[0] == 200
    await service.settle()
    _, history = core.calls[-1]
    assert [t.text for t in history if t.role == "user"] == [
        f"Saken om {REDACTED}, hva nå?"] * 2  # what the core gets back as history
    [record] = service.ledger.feedback()
    assert record.comment == f"Feil om {REDACTED}"
    data = stored_bytes(teams_settings.data_dir)
    assert data and b"45619" not in data and REDACTED.encode() in data


def test_log_lines_and_tracebacks_keep_no_personal_number() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    redact_logs(handler)
    logger = logging.getLogger("tests.personal_numbers")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(f"could not answer «{FNR}»")
        except ValueError:
            logger.error("turn failed for %s", "241283 45619", exc_info=True)
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert "45619" not in written and written.count(REDACTED) == 2, written


def test_serve_logging_redacts_every_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    configure_logging()
    assert root.handlers and all(
        any(isinstance(f, PersonalNumberFilter) for f in h.filters) for h in root.handlers)
