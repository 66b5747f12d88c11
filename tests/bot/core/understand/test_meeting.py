"""What a meeting question asks beside the meeting: what it decided and who follows up by when
(`decisions`), and who took part."""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.core.understand import understand


def test_oppfolging_as_a_topic_is_no_follow_up_item(kit):
    """«tilsyn om oppfølging av barn i fosterhjem» names what a supervision is about;
    «oppfølgingspunkter» are what a meeting decided."""
    topic = understand("Hvilke tilsyn om oppfølging av barn i fosterhjem finnes i basen, og hva "
                       "ble utfallet?", [], kit)
    assert topic.intent != Intent.DECISIONS
    items = understand("Hvilke oppfølgingspunkter kom ut av møtet i ressursgruppa?", [], kit)
    assert items.intent == Intent.DECISIONS


@pytest.mark.parametrize(("text", "intent", "due"), [
    ("Hvilke oppfølgingspunkter i referatene hadde frist i 2024?", Intent.DECISIONS, 2024),
    ("Which action items were due in 2025?", Intent.DECISIONS, 2025),
    ("Hvilke referater har vi fra 2024?", Intent.DOCUMENTS, None),
    ("Hvilke nye referater har vi?", Intent.DOCUMENTS, None),
])
def test_things_found_in_the_documents_are_not_a_document_listing(kit, text, intent, due) -> None:  # type: ignore[no-untyped-def]
    question = understand(text, [], kit)
    assert question.intent == intent and question.due_year == due


@pytest.mark.parametrize(("text", "also"), [
    ("Hvem var med på møtet i Setesdal, og hvem fikk hvilke oppgaver?", Intent.PARTICIPANTS),
    ("Kven var til stades på samlinga, og kva vart vedteke?", Intent.DECISIONS),
    ("Who attended the meeting in Finnmark, and what was decided?", Intent.DECISIONS),
    ("Hva ble bestemt på møtet i Setesdal?", None),
    ("Hvem deltok på møtet 31.01.2024?", None),
])  # fmt: skip
def test_a_meetings_other_table_asked_beside_it(kit, text, also):
    assert understand(text, [], kit).meeting_also == also


def test_a_year_still_ahead_names_no_meeting_with_minutes():
    """«… decide about a joint application for 2027», asked in December 2026: the year is the
    application's; no meeting of 2027 has minutes yet."""
    import datetime as dt

    from bot.core.understand.meeting import meeting_ref

    today = dt.date(2026, 12, 6)
    assert meeting_ref("Hva bestemte styringsgruppen om en felles søknad for 2027?", today
                       ).year is None
    assert meeting_ref("Hva bestemte styringsgruppen i 2024?", today).year == 2024
