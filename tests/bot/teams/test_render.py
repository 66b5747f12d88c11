"""Answer -> Teams payloads: one message per page, citations with links, the AI label where due."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from bot.core.models import Answer, Citation
from bot.core.payloads import (
    DocumentRow,
    DocumentTable,
    DraftPayload,
    Place,
    ProjectRow,
    ProjectTable,
)
from bot.drafting.links import DownloadSigner
from bot.i18n import messages
from bot.teams import render
from bot.teams.source_links import SourceLinks, SourceSigner

SNAPSHOTS = Path(__file__).parent / "snapshots"
SOURCES = SourceLinks(SourceSigner(b"k", ttl_s=3600), "https://bot.example.no")


def cite(n: int, **kw: str) -> Citation:
    base = {"source": f"doc{n}.md", "title": f"Dokument {n}", "snippet": f"Utdrag fra kilde {n}.",
            "doc_id": f"d{n}", "chunk_id": f"d{n}:0000"}
    return Citation(n=n, **{**base, **kw})


def size(payload: dict) -> int:
    return len(json.dumps(payload))


def entity_of(message: dict) -> dict:
    [entity] = message["entities"]
    return entity


def stripped(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text)


def test_citation_fields_respect_teams_limits_and_never_show_a_file_name() -> None:
    long = cite(1, title="T" * 200, snippet="ord " * 100, date="2023-05-10",
                section="Sak 12/2023 Økonomi og budsjett for prosjektet",
                source="et-veldig-langt-filnavn-som-aldri-slutter.md")
    [claim] = render.ai_entity([long], SOURCES)["citation"]
    appearance = claim["appearance"]
    assert len(appearance["name"]) <= 80 and appearance["name"].endswith("…")
    assert len(appearance["abstract"]) <= 160
    assert appearance["keywords"] == ["10. mai 2023", "Sak 12/2023 Økonomi"]
    assert all(len(k) <= 28 and len(k.split()) <= 3 for k in appearance["keywords"])
    shown = {k: v for k, v in appearance.items() if k != "url"}  # the url's token is opaque
    assert "filnavn" not in json.dumps(shown) and ".md" not in json.dumps(shown)
    assert "filnavn" not in appearance["url"]
    assert appearance["url"].startswith("https://bot.example.no/kilder/")
    assert appearance["url"].endswith("#sitat")


def test_a_document_with_its_own_address_links_there() -> None:
    own = cite(1, url="https://www.bufdir.no/utlysning")
    assert render.claim(own, SOURCES.url(own))["appearance"]["url"] == "https://www.bufdir.no/utlysning"


def test_every_marker_on_every_page_has_a_citation_with_a_link() -> None:
    text = "\n".join(f"- Setning {n} [{n}]." for n in range(1, 26))
    answer = Answer(question="q", answer=text, citations=[cite(n) for n in range(1, 26)])
    pages = render.answer_messages(answer, sources=SOURCES)
    assert len(pages) == 3
    for page in pages:
        claims = entity_of(page)["citation"]
        assert len(claims) <= 10
        assert render.markers(page["text"]) == {c["position"] for c in claims}
        assert all(c["appearance"]["url"] for c in claims)
    assert "• Setning 11 [1]." in pages[1]["text"]  # each page numbers its sources from 1


def test_a_message_cites_only_the_sources_its_text_refers_to() -> None:
    answer = Answer(question="q", answer="Bare én kilde her [2].", citations=[cite(1), cite(2)])
    [message] = render.answer_messages(answer)
    [claim] = entity_of(message)["citation"]
    assert claim["appearance"]["name"] == "Dokument 2"
    assert message["text"] == "Bare én kilde her [1]."
    assert entity_of(message)["additionalType"] == ["AIGeneratedContent"]
    assert message["channelData"] == {"feedbackLoop": {"type": "default"}}


def test_a_huge_answer_is_paged_and_loses_nothing() -> None:
    sentence = "Kommunene samarbeider om fosterhjem. "
    paragraphs = [f"Avsnitt {i}: " + sentence * 40 + f"[{i % 30 + 1}]" for i in range(60)]
    text = "\n\n".join(paragraphs)
    answer = Answer(question="q", answer=text, citations=[cite(n) for n in range(1, 31)])
    pages = render.answer_messages(answer)
    assert len(pages) > 1
    assert all(size(m) <= render.MAX_ACTIVITY_BYTES for m in pages)
    assert stripped("\n\n".join(m["text"] for m in pages)) == stripped(text)


def test_a_show_more_button_follows_every_text_page_but_the_last() -> None:
    text = "\n".join(f"- Punkt {n} [{n}]" for n in range(1, 31))
    pages = render.answer_messages(Answer(question="q", answer=text,
                                          citations=[cite(n) for n in range(1, 31)]))
    assert len(pages) == 3 and all("suggestedActions" not in m for m in pages)
    prompt = render.more_prompt(pages[0], 1, 3, "nb")
    assert prompt is not None and "entities" not in prompt  # the service's own, not AI
    card = prompt["attachments"][0]["content"]
    assert card["body"][0]["text"] == "Svaret fortsetter (side 1 av 3)."
    [button] = card["actions"]
    assert button == {"type": "Action.Submit", "title": "Vis flere (2 av 3)",
                      "data": {"laeringsbot": "more"}}
    assert render.is_more_request(None, button["data"])
    assert render.more_prompt(pages[2], 3, 3, "nb") is None
    assert render.is_more_request("vis flere") and render.is_more_request("Show more")
    assert render.is_more_request("Vis flere (2 av 3)")  # clients that send the title
    assert not render.is_more_request("vis flere prosjekter")


def test_one_enormous_paragraph_is_cut_at_spaces_never_inside_a_marker() -> None:
    text = " ".join(f"ord{i} [{i % 3 + 1}]" for i in range(20_000))
    answer = Answer(question="q", answer=text, citations=[cite(1), cite(2), cite(3)])
    pages = render.answer_messages(answer)
    assert all(size(m) <= render.MAX_ACTIVITY_BYTES for m in pages)
    for m in pages:
        assert not re.search(r"\[\d*$|^\d*\]", m["text"])
    assert stripped(" ".join(m["text"] for m in pages)).split() == stripped(text).split()


def test_a_sak_is_never_parted_from_its_points() -> None:
    saks = [f"**Sak {i}/22 Tema {i}**\n" + "\n".join(
        f"- Punkt {i}.{j}: " + "lang tekst om saken " * 30 + f"[{i}]" for j in range(4))
        for i in range(1, 31)]
    answer = Answer(question="q", answer="Oppsummering\n" + "\n".join(saks),
                    citations=[cite(n) for n in range(1, 31)])
    pages = render.answer_messages(answer)
    assert len(pages) > 1
    for page in pages:
        blocks = page["text"].split("\n\n")
        for heading, points in zip(blocks, blocks[1:], strict=False):
            if heading.startswith("**Sak"):
                assert points.startswith("• Punkt"), page["text"][:200]
        assert not blocks[-1].startswith("**Sak")


def test_a_sak_too_long_for_one_page_goes_on_under_its_heading() -> None:
    points = "\n".join(f"- Punkt {j}: " + "lang tekst " * 200 + "[1]" for j in range(12))
    answer = Answer(question="q", answer=f"**Sak 14/22 Budsjett**\n{points}", citations=[cite(1)])
    pages = render.answer_messages(answer)
    assert len(pages) > 1
    assert pages[0]["text"].startswith("**Sak 14/22 Budsjett**\n\n• Punkt 0")
    assert pages[1]["text"].startswith("**Sak 14/22 Budsjett (forts.)**\n\n• Punkt")


def test_every_line_is_a_paragraph_so_markers_in_list_items_become_citations() -> None:
    text = "Prosjekter (3):\n**Rogaland**\n- A [1]\n  - A.1\n**Vestland**\n1. C [3]\nBasert på 17."
    assert render.teams_markdown(text) == (
        "Prosjekter (3):\n\n**Rogaland**\n\n• A [1]\n\n\u2003• A.1\n\n**Vestland**\n\n"
        "1\\. C [3]\n\nBasert på 17."
    )
    assert render.teams_markdown("Ett avsnitt.\n\nTo avsnitt.") == "Ett avsnitt.\n\nTo avsnitt."


def project(title: str, *places: Place, **values: object) -> ProjectRow:
    return ProjectRow.model_validate({"title": title, "places": places, **values})


def test_a_list_answer_is_one_text_message_without_a_card() -> None:
    table = ProjectTable(title="Fosterhjemsprosjekter", rows=[
        project("Fosterhjem i vest", Place(name="Fjell", now="Øygarden"), citations=[1])])
    answer = Answer(question="q", answer="**Vestland**\n- «Fosterhjem i vest» [1]", kind="list",
                    citations=[cite(1)], payload=table)
    [message] = render.answer_messages(answer, sources=SOURCES)
    assert message["attachments"] == [] and message["text"].endswith("[1]")
    assert entity_of(message)["citation"][0]["appearance"]["url"]


def test_help_and_the_document_list_carry_no_ai_label_or_feedback() -> None:
    help_text = Answer(question="/hjelp", answer="Jeg svarer på spørsmål.", kind="help")
    [message] = render.answer_messages(help_text)
    assert "entities" not in message and "channelData" not in message
    listing = Answer(question="/kilder", answer="- Referat [1]", kind="list", citations=[cite(1)],
                     payload=DocumentTable(rows=[DocumentRow(title="Referat", doc_type="referat",
                                                             source="r.md")]))
    [message] = render.answer_messages(listing, sources=SOURCES)
    assert "additionalType" not in entity_of(message) and "channelData" not in message
    assert entity_of(message)["citation"][0]["appearance"]["name"] == "Dokument 1"


def test_rendered_answer_matches_snapshot() -> None:
    answer = Answer(
        question="Hvilke kommuner har hatt fosterhjemsprosjekter?",
        answer="Fjell, Sund og Øygarden hadde «Fosterhjem i vest» [1].\n\nKvam og Voss [2].",
        citations=[cite(1, date="2019-03-15", section="Prosjektbeskrivelse",
                        url="https://example.org/fosterhjem-i-vest"), cite(2)],
        kind="list", payload=ProjectTable(title="Kommuner med prosjekter om fosterhjem", rows=[]),
    )
    rendered = render.answer_messages(answer)
    path = SNAPSHOTS / "list_answer.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):  # regenerate after an intended change
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(rendered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert rendered == json.loads(path.read_text(encoding="utf-8"))


def test_welcome_lists_every_command_and_offers_three_short_prompts() -> None:
    card_message, prompt_message = render.welcome()
    card = card_message["attachments"][0]["content"]
    facts = [f["title"] for f in card["body"][2]["facts"]]
    assert facts == ["/hjelp", "/prosjekter", "/oppsummer", "/utkast", "/kilder"]
    actions = prompt_message["suggestedActions"]["actions"]
    assert len(actions) == 3  # Teams shows no more than three
    assert all(a["type"] == "imBack" and a["value"] and len(a["title"]) <= 22 for a in actions)
    assert "entities" not in card_message and "entities" not in prompt_message


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


def _draft_answer(language: str) -> Answer:
    checks = [{"key": f"k{n}", "label": f"Krav {n}", "status": status, "detail": "", "rule": "",
               "source": "u.md"} for n, status in ((1, "missing"), (2, "met"))]
    draft = DraftPayload.model_validate({
        "draft_id": "ab" * 10, "draft_kind": "plan", "title": "Utkast", "language": language,
        "sections": [{"title": "Mål", "missing": False}, {"title": "Tiltak", "missing": True}],
        "checklist": checks,
    })
    text = "\n".join(f"- Svar {i} " + "tekst " * 300 + "[1]" for i in range(12))
    return Answer(question="q", answer=text, citations=[cite(1)], language=language,
                  kind="draft", payload=draft)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nn", {"Delar", "✅ utfylt", "⬜ manglar", "Sjekkliste mot kriteria", "Kjelder",
                "Last ned utkast-abababab.docx", "Lenkja er personleg og verkar i 24 timar.",
                "Vis fleire (2 av 2)"}),
        ("en", {"Sections", "✅ filled in", "⬜ missing", "Checklist against the criteria",
                "Sources", "Download utkast-abababab.docx",
                "The link is personal and works for 24 hours.", "Show more (2 of 2)"}),
    ],
)
def test_cards_and_buttons_carry_the_answers_language(language: str, expected: set[str]) -> None:
    links = render.DraftLinks(DownloadSigner(b"k", ttl_s=24 * 3600), "https://bot.example.no")
    pages = render.answer_messages(_draft_answer(language), links, "29:user-1")
    assert len(pages) == 2
    shown = _card_texts([a["content"] for m in pages for a in m["attachments"]])
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
    sent = [a["value"] for a in prompt_message["suggestedActions"]["actions"]]
    assert card["body"][0]["text"] == greeting and prompt in sent
    assert [f["title"] for f in card["body"][2]["facts"]][0] == "/hjelp"  # commands keep names
    bokmal = _bokmal_only("teams")
    assert [s for s in shown if any(s.startswith(b) for b in bokmal)] == []


def test_searching_and_notices_follow_the_language() -> None:
    assert render.searching("nb") == "Søker i kunnskapsbasen…"
    assert render.searching("nn") == "Søkjer i kunnskapsbasen…"
    assert render.too_long(900, 800, "en")["text"].startswith("Your message is too long (900")
    assert "(Referanse: abc)" in render.error("abc", "nn")["text"]
