"""Typed answer payloads: one example of every kind, and each survives a round trip through JSON."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, get_args

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from bot.core import payloads
from bot.core.meetings import (
    ActionItem,
    AgendaItem,
    Cited,
    Decision,
    MeetingParticipants,
    MeetingSummary,
    NextMeeting,
    Participant,
    Participants,
)
from bot.core.models import Answer, Citation
from bot.core.payloads import (
    CheckItem,
    DocumentRef,
    DocumentRow,
    DraftPart,
    Period,
    Place,
    ProjectRow,
)
from indexer.minutes.models import Role

PAYLOAD = TypeAdapter(payloads.Payload)
PAYLOAD_TYPES: tuple[type[BaseModel], ...] = get_args(get_args(payloads.Payload)[0])
VESTLAND = "2020-02-11_referat_styringsgruppe_vestland.md"
CITATION = Citation(n=1, source=VESTLAND, title="Referat", snippet="Vedtak: …", date="2020-02-11")


def _summary() -> MeetingSummary:
    item = AgendaItem(
        number="2/2020", title="Sak 2/2020 Budsjett",
        summary=[Cited(text="Budsjettet ble gjennomgått.", citations=[1])],
        decisions=[Cited(text="Budsjettet godkjennes.", citations=[2])],
        actions=[ActionItem(what="Sende søknad", who="Kari", when=dt.date(2020, 4, 1),
                            citations=[3])],
    )
    return MeetingSummary(
        title="Referat fra styringsgruppen", date=dt.date(2020, 2, 11), network="Vestland",
        place=Cited(text="Statens hus", citations=[1]), source=VESTLAND, doc_id="d1",
        participants=Participants(people=12, organisations=["Kvam", "Voss"], citations=[1]),
        items=[item], next_meeting=NextMeeting(date=dt.date(2020, 5, 12), place="Bergen",
                                               text="Neste møte 12. mai.", citations=[4]),
    )


def examples() -> list[Any]:
    """One filled-in payload of every kind; a new kind without an example fails below."""
    ref = DocumentRef(title="Referat", date=dt.date(2020, 2, 11), source=VESTLAND, doc_id="d1")
    row = ProjectRow(
        title="Fosterhjem i vest", quoted=True, county="Vestland",
        places=[Place(name="Fjell", now="Øygarden"), Place(name="Kvam", host=True)],
        period=Period(first=2019, last=2021, stated=False), themes=["fosterhjem"],
        budget=1_240_000, applied=950_000, granted=900_000, citations=[1, 2],
    )
    decision = Decision(kind="oppfølging", text="Sende søknad", who="Kari",
                        deadline=dt.date(2020, 4, 1), sak="Sak 2/2020", meeting_title="Referat",
                        meeting_date=dt.date(2020, 2, 11), source=VESTLAND, citation=CITATION)
    check = CheckItem(key="max_amount", label="Inntil 400 000 kr", status="conflict",
                      detail="600 000 kr", rule="Inntil 400 000 kr", source="u.md", citations=[1])
    return [
        payloads.ProjectTable(title="Prosjekter om fosterhjem (1):", money=True, rows=[row]),
        payloads.DocumentTable(rows=[DocumentRow(title="Referat", doc_type="referat",
                                                 date=dt.date(2020, 2, 11), county="Vestland",
                                                 source=VESTLAND)]),
        payloads.NearestDocuments(nearest=[ref]),
        payloads.MeetingSummaryPayload(meeting_summary=_summary()),
        payloads.MeetingCandidates(candidates=[ref, ref.model_copy(update={"doc_id": "d2"})]),
        payloads.DecisionList(decisions=[decision]),
        payloads.ParticipantList(meetings=[MeetingParticipants(
            title="Referat", date=dt.date(2024, 1, 31), source=VESTLAND, doc_id="d1",
            roles=[Role.CHILD_WELFARE_LEADER],
            people=[Participant(name="Stine Heinz", organisation="barnevernleder Tysvær",
                                municipalities=["Tysvær"],
                                roles=[Role.PRESENT, Role.CHILD_WELFARE_LEADER], citations=[1])],
        )]),
        payloads.DraftPayload(
            draft_id="ab" * 10, draft_kind="plan", title="Utkast", language="nn",
            sections=[DraftPart(title="Mål", missing=False, text="Mål.", citations=[1]),
                      DraftPart(title="Budsjett", missing=True)],
            checklist=[check], next_field="budget", next_question="Kva er budsjettet?",
            docx_path="/data/drafts/abab.docx"),
        payloads.DraftCancelled(),
    ]


def test_every_payload_type_has_an_example() -> None:
    assert {type(example) for example in examples()} == set(PAYLOAD_TYPES)


@pytest.mark.parametrize("payload", examples(), ids=lambda p: p.kind)
def test_every_payload_round_trips_through_json(payload: Any) -> None:
    again = PAYLOAD.validate_json(PAYLOAD.dump_json(payload))
    assert type(again) is type(payload) and again == payload
    dumped = payload.model_dump(mode="json")
    assert PAYLOAD.validate_python(dumped) == payload  # what `summarize --json` prints


@pytest.mark.parametrize("payload", examples(), ids=lambda p: p.kind)
def test_an_answer_carries_its_payload_through_json(payload: Any) -> None:
    answer = Answer(question="q", answer="a", payload=payload)
    assert Answer.model_validate_json(answer.model_dump_json()).payload == payload


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_payload_keys_are_field_names_never_display_words() -> None:
    keys = {k for payload in examples() for k in _keys(payload.model_dump(mode="json"))}
    assert [k for k in sorted(keys) if not re.fullmatch(r"[a-z_]+", k)] == []


def test_kinds_tell_the_types_apart() -> None:
    kinds = [t.model_fields["kind"].default for t in PAYLOAD_TYPES]
    assert len(set(kinds)) == len(kinds)


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError):
        PAYLOAD.validate_python({"kind": "table", "rows": []})
    with pytest.raises(ValidationError):
        PAYLOAD.validate_python({"rows": []})


def test_the_ask_json_contract_leaves_the_payload_out() -> None:
    answer = Answer(question="q", answer="a", payload=payloads.DraftCancelled())
    assert set(answer.contract()) == {"question", "answer", "language", "refused", "citations",
                                      "timings_ms"}
