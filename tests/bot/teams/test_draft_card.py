"""A draft answer as a Teams card: sections and checks, the download button, the size limit,
and the dialog's buttons in the answer's language. Pure rendering, no service."""

from __future__ import annotations

from typing import Any

from bot.core.models import Answer
from bot.core.payloads import DraftCancelled, DraftPayload
from bot.drafting.links import DownloadSigner
from bot.teams import cards, render
from tests.bot.teams.card_reading import card_text, facts

PUBLIC_URL = "https://laeringsbot.example.no"
KARI = "29:user-1"


def draft_answer(**draft: Any) -> Answer:
    base = {
        "draft_id": "ab" * 10,
        "draft_kind": "plan",
        "title": "Utkast til prosjektplan",
        "language": "nb",
        "done": True,
        "sections": [],
        "checklist": [],
    }
    return Answer(
        question="ferdig",
        answer="**Utkast til prosjektplan – ferdig**",
        kind="draft",
        payload=DraftPayload.model_validate({**base, **draft}),
    )


def check(label: str, status: str, detail: str) -> dict[str, str]:
    return {"key": label.lower(), "label": label, "status": status, "detail": detail,
            "rule": label, "source": "utlysning.md"}


def test_a_cancelled_draft_gets_no_card() -> None:
    answer = Answer(
        question="avbryt",
        answer="Utkastet er avbrutt.",
        kind="draft",
        payload=DraftCancelled(),
    )
    links = render.DraftLinks(DownloadSigner(b"k"), PUBLIC_URL)
    [message] = render.answer_messages(answer, links, KARI)
    assert message["attachments"] == [] and message["text"] == "Utkastet er avbrutt."


def test_a_huge_draft_card_keeps_its_title_and_download_button() -> None:
    checklist = [check(f"Krav {i}", "conflict", "lang tekst " * 200) for i in range(40)]
    sections = [{"title": f"Del {i}", "missing": False} for i in range(40)]
    links = render.DraftLinks(DownloadSigner(b"k"), PUBLIC_URL)
    [message] = render.answer_messages(
        draft_answer(sections=sections, checklist=checklist), links, KARI
    )
    [attachment] = message["attachments"]
    card = attachment["content"]
    assert cards.size(message) <= render.MAX_ACTIVITY_BYTES
    assert card_text(message) == "**Utkast til prosjektplan – ferdig**"
    assert card["actions"][0]["url"].startswith(f"{PUBLIC_URL}/downloads/")


def test_without_a_user_the_card_has_no_download_button() -> None:
    links = render.DraftLinks(DownloadSigner(b"k"), PUBLIC_URL)
    [message] = render.answer_messages(draft_answer(), links, None)
    card = message["attachments"][0]["content"]
    assert "actions" not in card and card_text(message) == "**Utkast til prosjektplan – ferdig**"


def test_the_card_shows_filled_and_missing_sections_and_each_check_status() -> None:
    checklist = [
        check("Egenandel", "met", "20 prosent"),
        check("Søknadsbeløp", "conflict", "over 500 000 kr"),
        check("Forankring", "missing", "ikke oppgitt"),
    ]
    sections = [{"title": "Mål", "missing": False}, {"title": "Budsjett", "missing": True}]
    answer = draft_answer(sections=sections, checklist=checklist)
    [message] = render.answer_messages(
        answer, render.DraftLinks(DownloadSigner(b"k"), PUBLIC_URL), KARI
    )
    card = message["attachments"][0]["content"]
    assert facts(card, "Deler") == {"Mål": "✅ utfylt", "Budsjett": "⬜ mangler"}
    assert facts(card, "Sjekkliste mot kriteriene") == {
        "Egenandel": "✅ oppfylt – 20 prosent",
        "Søknadsbeløp": "⚠️ i strid med kravet – over 500 000 kr",
        "Forankring": "⬜ mangler – ikke oppgitt",
    }


def test_dialog_buttons_send_their_own_label_in_the_answers_language() -> None:
    answer = draft_answer(done=False, language="nn", actions=["skip", "edit", "cancel"],
                         choices=["target_group"])
    answer = answer.model_copy(update={"language": "nn"})
    [message] = render.answer_messages(answer, None, None)
    card = message["attachments"][0]["content"]
    sent = [a["data"]["msteams"] for a in card["actions"]]
    assert all(s["type"] == "imBack" for s in sent)
    assert [s["value"] for s in sent] == ["Hopp over", "Endre del", "Avbryt", "Endre målgruppe"]
    assert [a["title"] for a in card["actions"]] == [s["value"] for s in sent]
