"""The language a question is written in: Bokmål unless its words say Nynorsk or English."""

import pytest

from indexer.text.language import detect_language

QUESTIONS = {
    "Hvem er prosjektleder for prosjektet?": "nb",
    "Kven er prosjektleiar, og når sluttar prosjektet?": "nn",
    "Kva vart vedteke om rekruttering av tilsette?": "nn",
    "Who took over the parent groups after the project?": "en",
    "Hvilke kommuner har hatt fosterhjemsprosjekter?": "nb",
}


@pytest.mark.parametrize("question", QUESTIONS)
def test_language_of_question(question):
    assert detect_language(question) == QUESTIONS[question]


def test_a_short_english_document_question_is_english() -> None:
    from indexer.text.language import detect_language

    assert detect_language("Which documents mention RVTS Vest?") == "en"
    assert detect_language("Hvilke dokumenter nevner RVTS Vest?") == "nb"
