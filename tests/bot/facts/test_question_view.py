"""What each part of a question is prepared as before any sentence is scored (questions and
a small word index written here)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from bot.core.question import AnswerType, Intent, Part, Question
from bot.facts.features import question_view
from indexer.store.lexical import LexicalIndex

LEXICAL = LexicalIndex.build(
    ["c1", "c2"], ["Veilederen om internkontroll i barnevernstjenesten bygger på § 2-1.",
                   "Prosjektet hadde egenandel og prosjektleder."], "g1")


def _question(*parts: Part) -> Question:
    text = " ".join(p.text for p in parts)
    return Question(text=text, language="en", intent=Intent.FACT, standalone=text,
                    today=dt.date(2026, 12, 3), parts=parts)


def _vectors(n: int) -> np.ndarray:
    return np.eye(n + 1, 4)


def test_a_part_with_no_words_of_its_own_asks_about_what_the_part_before_names() -> None:
    q = _question(Part("Is the guide on internal control up to date"),
                  Part("and what is it based on?"))
    first, second = question_view(q, _vectors(2), LEXICAL, {}).parts
    assert second.focus == first.focus and first.focus
    assert np.array_equal(second.vector, _vectors(2)[0])  # the whole question's meaning


def test_a_part_asking_a_kind_of_answer_keeps_its_own_view() -> None:
    q = _question(Part("Is the guide on internal control up to date"),
                  Part("and when?", (AnswerType.DATE,)))
    second = question_view(q, _vectors(2), LEXICAL, {}).parts[1]
    assert not second.focus
    assert np.array_equal(second.vector, _vectors(2)[2])


def test_a_negated_part_is_answered_by_a_sentence_saying_neither_nor() -> None:
    from bot.facts.candidates import Candidate
    from bot.facts.features import SENTENCE_FEATURES, sentence_features
    from bot.facts.retrieval import Evidence
    from indexer.models import Chunk, DocumentMeta

    q = _question(Part("Who did not have control of the follow-up?", negated=True))
    view = question_view(q, _vectors(1), LEXICAL, {})
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title="Tilsyn")

    def negation(text: str) -> float:
        chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
        cand = Candidate(text, Evidence(chunk, meta, 1.0, 0.9), 0, len(text), "", False, False, 0)
        row = sentence_features(view, view.parts[0], cand, np.zeros(4), 1.0)
        return row[SENTENCE_FEATURES.index("negation")]

    assert negation("Verken Nav-leiaren eller rådmannen har hatt god nok styring.") == 1.0
    assert negation("Korkje leiaren eller rådmannen hadde kontroll.") == 1.0
    assert negation("Rådmannen hadde god kontroll.") == -1.0


def test_a_light_verb_is_no_word_a_sentence_must_say() -> None:
    """«kva mål sette dei seg?»: the goal is asked; «sette» is rare in the documents but says
    nothing a goal sentence must repeat."""
    lexical = LexicalIndex.build(["c1", "c2"], ["Målet er at alle ansatte skal ha opplæring.",
                                                "Han satte seg ned og skulle sette opp en plan."],
                                 "g1")  # fmt: skip
    q = _question(Part("kva mål sette dei seg?"))
    [part] = question_view(q, _vectors(1), lexical, {}).parts
    assert [sorted(group) for group, _weight in part.focus] == [["mål"]]


def test_a_figure_in_a_question_asking_a_figure_is_the_claim_to_check_not_a_focus_word() -> None:
    """«Fikk de 750 000 kr, er det riktig?» is answered by the sentence with the real amount."""
    def focus(part: Part) -> set[str]:
        q = Question(text=part.text, language="nb", intent=Intent.FACT, standalone=part.text,
                     today=dt.date(2026, 12, 3), parts=(part,))
        return {s for g, _ in question_view(q, _vectors(1), LEXICAL, {}).parts[0].focus for s in g}

    checked = focus(Part("Fikk prosjektet 750 000 kr i egenandel, er det riktig?",
                         (AnswerType.AMOUNT,)))
    assert not checked & {"750", "000", "rikt"} and "egenandel" in checked
    # who got that amount: the figure names the sentence
    assert "750" in focus(Part("Hvem fikk 750 000 kr?", (AnswerType.PERSON,)))
