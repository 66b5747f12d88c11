"""Answer -> Teams payloads: citations, AI label, cards, and safe splitting of big answers."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from bot.core.meetings import AgendaItem, Cited, MeetingSummary, NextMeeting
from bot.core.models import Answer, Citation
from bot.core.payloads import (
    DecisionList,
    DraftCancelled,
    DraftPayload,
    MeetingCandidates,
    MeetingSummaryPayload,
    NearestDocuments,
    Place,
    ProjectRow,
    ProjectTable,
)
from bot.drafting.links import DownloadSigner
from bot.i18n import messages
from bot.teams import answer_cards, cards, render

SNAPSHOTS = Path(__file__).parent / "snapshots"


def cite(n: int, **kw: str) -> Citation:
    base = {"source": f"doc{n}.md", "title": f"Dokument {n}", "snippet": f"Utdrag fra kilde {n}."}
    return Citation(n=n, **{**base, **kw})


def size(payload: dict) -> int:
    return len(json.dumps(payload))


def entity_of(message: dict) -> dict:
    [entity] = message["entities"]
    return entity


def test_citation_fields_respect_teams_limits() -> None:
    long = cite(
        1,
        title="T" * 200,
        snippet="ord " * 100,
        section="Sak 12/2023 Økonomi og budsjett for prosjektet",
        date="2023-05-10",
        source="et-veldig-langt-filnavn-som-aldri-slutter.md",
    )
    [claim] = render.ai_entity([long])["citation"]
    appearance = claim["appearance"]
    assert len(appearance["name"]) <= 80 and appearance["name"].endswith("…")
    assert len(appearance["abstract"]) <= 160
    assert 1 <= len(appearance["keywords"]) <= 3
    assert all(len(k) <= 28 and len(k.split()) <= 3 for k in appearance["keywords"])
    assert claim["position"] == 1


def test_at_most_ten_citations_per_message() -> None:
    text = " ".join(f"Setning {n} [{n}]." for n in range(1, 16))
    answer = Answer(question="q", answer=text, citations=[cite(n) for n in range(1, 16)])
    for message in render.answer_messages(answer):
        assert len(entity_of(message)["citation"]) <= 10


def test_message_cites_only_the_sources_its_text_refers_to() -> None:
    answer = Answer(question="q", answer="Bare én kilde her [2].", citations=[cite(1), cite(2)])
    [message] = render.answer_messages(answer)
    assert [c["position"] for c in entity_of(message)["citation"]] == [2]
    assert entity_of(message)["additionalType"] == ["AIGeneratedContent"]
    assert message["channelData"] == {"feedbackLoop": {"type": "default"}}


def test_huge_answer_is_split_between_paragraphs_and_loses_nothing() -> None:
    paragraphs = [
        f"Avsnitt {i}: " + "Kommunene samarbeider om fosterhjem. " * 40 + f"[{i % 30 + 1}]"
        for i in range(60)
    ]
    text = "\n\n".join(paragraphs)
    answer = Answer(question="q", answer=text, citations=[cite(n) for n in range(1, 31)])
    messages = render.answer_messages(answer)
    assert len(messages) > 1
    assert all(size(m) <= render.MAX_ACTIVITY_BYTES for m in messages)
    assert all(len(render.markers(m["text"])) <= 10 for m in messages)
    rejoined = "\n\n".join(m["text"] for m in messages)
    assert rejoined == text


def test_one_enormous_paragraph_is_cut_at_spaces_never_inside_a_marker() -> None:
    text = " ".join(f"ord{i} [{i % 3 + 1}]" for i in range(20_000))
    answer = Answer(question="q", answer=text, citations=[cite(1), cite(2), cite(3)])
    messages = render.answer_messages(answer)
    assert all(size(m) <= render.MAX_ACTIVITY_BYTES for m in messages)
    for m in messages:
        assert not re.search(r"\[\d*$|^\d*\]", m["text"])
    assert " ".join(m["text"] for m in messages).split() == text.split()


def test_lines_become_paragraphs_and_list_items_stay_one_list() -> None:
    text = "Prosjekter (3):\n**Rogaland**\n- A [1]\n- B [2]\n**Vestland**\n- C [3]\nBasert på 17."
    assert render.teams_markdown(text) == (
        "Prosjekter (3):\n\n**Rogaland**\n\n- A [1]\n- B [2]\n\n**Vestland**\n\n- C [3]"
        "\n\nBasert på 17."
    )
    assert render.teams_markdown("Ett avsnitt.\n\nTo avsnitt.") == "Ett avsnitt.\n\nTo avsnitt."


def project(title: str, *places: Place, **values: object) -> ProjectRow:
    return ProjectRow.model_validate({"title": title, "places": places, **values})


def table_texts(card: dict) -> list[list[str]]:
    [table] = [b for b in card["body"] if b["type"] == "Table"]
    return [[cell["items"][0]["text"] for cell in row["cells"]] for row in table["rows"]]


def test_a_project_table_becomes_an_adaptive_card_table() -> None:
    table = ProjectTable(title="Fosterhjemsprosjekter", rows=[
        project("Fosterhjem i vest", Place(name="Fjell", now="Øygarden"), Place(name="Sund"),
                quoted=True, county="Vestland", period={"first": 2019, "last": 2021},
                themes=["fosterhjem"], citations=[2, 1]),
        project("Rettleiing", Place(name="Kvam", host=True), period={"first": 2023, "last": 2023,
                "stated": False}),
    ])
    answer = Answer(question="q", answer="To prosjekter [1].", citations=[cite(1)],
                    payload=table)
    [message] = render.answer_messages(answer)
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    body = attachment["content"]["body"]
    assert body[0]["text"] == "Fosterhjemsprosjekter"
    assert table_texts(attachment["content"]) == [
        ["Prosjekt", "Kommuner", "Fylke", "Periode", "Tema", "Kilder"],
        ["«Fosterhjem i vest»", "Fjell (nå Øygarden) og Sund", "Vestland", "2019–2021",
         "fosterhjem", "[1][2]"],
        ["Rettleiing", "Kvam (vertskommune)", "Fylke ikke oppgitt", "omtalt 2023", "", ""],
    ]


def test_amounts_are_written_in_the_answers_language_under_money_columns() -> None:
    row = project("Sammen", Place(name="Hå"), budget=1_240_000, applied=950_000,
                  granted=900_000)
    card = answer_cards.payload_card(ProjectTable(title="T", money=True, rows=[row]), "en", 20_000)
    assert card is not None
    header, cells = table_texts(card)
    assert header[5:8] == ["Budget", "Applied for", "Granted"]  # each kind its own column
    assert cells[5:8] == ["1\u00a0240\u00a0000\u00a0kr", "950\u00a0000\u00a0kr",
                          "900\u00a0000\u00a0kr"]
    spent = ProjectTable(title="T", money=True, amounts=["spent"], rows=[
        row.model_copy(update={"spent": 870_000})])
    header, cells = table_texts(answer_cards.payload_card(spent, "nn", 20_000))
    assert header[5] == "Brukt" and cells[5] == "870\u00a0000\u00a0kr"


def test_rows_shorter_than_the_header_are_padded() -> None:
    card = cards.table_card(None, ["A", "B"], [["Fjell", "2019"], ["Kvam"]], 20_000, "nb")
    assert card is not None
    assert [len(r["cells"]) for r in card["body"][0]["rows"]] == [2, 2, 2]


def test_huge_table_is_shortened_and_says_so() -> None:
    rows = [project(f"Fosterhjem {i} " * 20, Place(name=f"Kommune {i}")) for i in range(2000)]
    answer = Answer(question="q", answer="Mange [1].", citations=[cite(1)],
                    payload=ProjectTable(title="Mange", rows=rows))
    messages = render.answer_messages(answer)
    assert all(size(m) <= render.MAX_ACTIVITY_BYTES for m in messages)
    card = next(a["content"] for m in messages for a in m["attachments"])
    assert re.fullmatch(r"Viser \d+ av 2000 rader\.", card["body"][-1]["text"])


def test_a_meeting_summary_becomes_a_card_with_headings_and_points() -> None:
    summary = MeetingSummary(
        title="Referat 26.10.2021", date=dt.date(2021, 10, 26), source="r.md", doc_id="d",
        items=[AgendaItem(title="Sak 8/2021",
                          summary=[Cited(text="Ungdomsrådet har hatt fem møter", citations=[1])])],
        next_meeting=NextMeeting(date=dt.date(2022, 3, 3), place="Steinkjer", text="3. mars"),
    )
    answer = Answer(question="q", answer="Oppsummering [1].", citations=[cite(1)],
                    language="en", payload=MeetingSummaryPayload(meeting_summary=summary))
    [message] = render.answer_messages(answer)
    body = message["attachments"][0]["content"]["body"]
    assert body[0]["text"] == "Referat 26.10.2021"
    assert body[1]["facts"] == [{"title": "Date", "value": "26 October 2021"},
                                {"title": "Next meeting", "value": "3 March 2022, Steinkjer"}]
    assert [b["text"] for b in body[2:]] == ["Sak 8/2021", "Summary",
                                             "- Ungdomsrådet har hatt fem møter [1]"]


@pytest.mark.parametrize("payload", [
    None, ProjectTable(title="Ingen", rows=[]), MeetingCandidates(candidates=[]),
    NearestDocuments(nearest=[]), DecisionList(decisions=[]), DraftCancelled(),
    DraftPayload(draft_id="x", draft_kind="plan", title="", language="nb"),
])  # fmt: skip
def test_a_payload_with_nothing_to_show_leaves_just_the_text(payload: object) -> None:
    answer = Answer(question="q", answer="Tekst [1].", citations=[cite(1)], payload=payload)
    [message] = render.answer_messages(answer)
    assert message["attachments"] == [] and message["text"] == "Tekst [1]."


def test_rendered_answer_matches_snapshot() -> None:
    answer = Answer(
        question="Hvilke kommuner har hatt fosterhjemsprosjekter?",
        answer="Fjell, Sund og Øygarden hadde «Fosterhjem i vest» [1].\n\nKvam og Voss [2].",
        citations=[cite(1, date="2019-03-15", section="Prosjektbeskrivelse"), cite(2)],
        payload=ProjectTable(title="Kommuner med prosjekter om fosterhjem", rows=[
            project("Fosterhjem i vest", Place(name="Fjell", now="Øygarden"), quoted=True,
                    county="Vestland", period={"first": 2019, "last": 2021}, citations=[1]),
            project("Rettleiing", Place(name="Kvam", host=True), Place(name="Voss"),
                    county="Vestland", themes=["fosterhjem"], citations=[2]),
        ]),
    )
    rendered = render.answer_messages(answer)
    path = SNAPSHOTS / "answer_with_table.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):  # regenerate after an intended change
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(rendered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert rendered == json.loads(path.read_text(encoding="utf-8"))


def test_welcome_lists_every_command_and_offers_prompts() -> None:
    card_message, prompt_message = render.welcome()
    card = card_message["attachments"][0]["content"]
    facts = [f["title"] for f in card["body"][2]["facts"]]
    assert facts == ["/hjelp", "/prosjekter", "/oppsummer", "/utkast", "/kilder"]
    actions = prompt_message["suggestedActions"]["actions"]
    assert len(actions) >= 3 and all(a["type"] == "imBack" and a["value"] for a in actions)


# --- the face speaks the answer's language ---------------------------------------------------


def _card_texts(value: object) -> list[str]:
    """Every string a card shows: text blocks, fact titles and values, button titles."""
    if isinstance(value, list):
        return [s for v in value for s in _card_texts(v)]
    if not isinstance(value, dict):
        return []
    shown = [value[k] for k in ("text", "title", "value") if isinstance(value.get(k), str)]
    return shown + [s for k, v in value.items() if k != "url" for s in _card_texts(v)]


def _bokmal_only(*areas: str) -> set[str]:
    """Bokmål messages of these areas whose Nynorsk and English forms differ from them."""
    return {
        m["nb"].split("{")[0].strip()
        for key, m in messages().items()
        if key.split(".")[0] in areas and m["nb"] not in (m["nn"], m["en"])
    } - {""}


def _localised_answers(language: str) -> list[Answer]:
    rows = [project(f"Prosjekt {i} " + "Fosterhjem " * 30) for i in range(400)]
    checks = [{"key": f"k{n}", "label": f"Krav {n}", "status": status, "detail": "", "rule": "",
               "source": "u.md"} for n, status in ((1, "missing"), (2, "met"))]
    draft = DraftPayload.model_validate({
        "draft_id": "ab" * 10, "draft_kind": "plan", "title": "Utkast", "language": language,
        "sections": [{"title": "Mål", "missing": False}, {"title": "Tiltak", "missing": True}],
        "checklist": checks,
    })
    return [Answer(question="q", answer="Svar [1].", citations=[cite(1)], language=language,
                   payload=payload) for payload in (ProjectTable(title="", rows=rows), draft)]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nn", {"Viser", "Delar", "✅ utfylt", "⬜ manglar", "Sjekkliste mot kriteria",
                "Last ned utkastet (.docx)", "Lenkja er personleg og verkar i 24 timar."}),
        ("en", {"Showing", "Sections", "✅ filled in", "⬜ missing", "Checklist against the criteria",
                "Download the draft (.docx)", "The link is personal and works for 24 hours."}),
    ],
)
def test_cards_and_buttons_carry_the_answers_language(language: str, expected: set[str]) -> None:
    links = render.DraftLinks(DownloadSigner(b"k", ttl_s=24 * 3600), "https://bot.example.no")
    messages_ = [m for a in _localised_answers(language)
                 for m in render.answer_messages(a, links, "29:user-1")]
    shown = _card_texts([a["content"] for m in messages_ for a in m["attachments"]])
    for text in expected:
        assert any(s.startswith(text) for s in shown), (text, shown)
    bokmal = _bokmal_only("teams", "drafting")
    assert [s for s in shown if any(s.startswith(b) for b in bokmal)] == []


@pytest.mark.parametrize(
    ("language", "greeting", "prompt"),
    [("nn", "Hei! Eg er Læringsbot.", "Kva kan stimuleringsmidlar brukast til?"),
     ("en", "Hi! I'm Læringsbot.", "What can the stimulus funds be used for?")],
)
def test_welcome_in_nynorsk_and_english(language: str, greeting: str, prompt: str) -> None:
    card_message, prompt_message = render.welcome(language)  # type: ignore[arg-type]
    card = card_message["attachments"][0]["content"]
    shown = _card_texts(card) + [prompt_message["text"]]
    shown += [a["title"] for a in prompt_message["suggestedActions"]["actions"]]
    assert card["body"][0]["text"] == greeting and prompt in shown
    assert [f["title"] for f in card["body"][2]["facts"]][0] == "/hjelp"  # commands keep names
    bokmal = _bokmal_only("teams")
    assert [s for s in shown if any(s.startswith(b) for b in bokmal)] == []


def test_searching_and_notices_follow_the_language() -> None:
    assert render.searching("nb") == "Søker i kunnskapsbasen…"
    assert render.searching("nn") == "Søkjer i kunnskapsbasen…"
    assert render.too_long(900, 800, "en")["text"].startswith("Your message is too long (900")
    assert "(Referanse: abc)" in render.error("abc", "nn")["text"]
