"""Two questions in one message are answered one after another, each by its own route, the
later one's citations numbered on after the first's."""

from __future__ import annotations

from bot.core.citation import Citation
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.engine import Core

FIRST = "Når er søknadsfristen i Rogaland?"
SECOND = "Hvem leder prosjektet i Rana?"


def _cited(n: int, chunk: str) -> Citation:
    return Citation(n=n, source=f"{chunk}.md", title=chunk, snippet=f"tekst i {chunk}",
                    chunk_id=chunk)


def by_question(question: Question, ctx: CoreContext) -> Answer:
    """A fixed answer per question: the deadline from one document, no leader found."""
    if question.text == FIRST:
        return Answer(question=question.text, answer="Søknadsfrist: 15. april 2023. [1]",
                      sentences=[AnswerSentence(text="Søknadsfrist: 15. april 2023.",
                                                citations=[1])],
                      citations=[_cited(1, "utlysning")])
    if question.text == SECOND:
        return Answer(question=question.text, answer="Prosjektleder: Siv Brattli [1] [2]",
                      sentences=[AnswerSentence(text="Prosjektleder: Siv Brattli",
                                                citations=[1, 2])],
                      citations=[_cited(1, "rana"), _cited(2, "utlysning")])
    return Answer(question=question.text, answer="Jeg finner ikke svar.", refused=True,
                  kind="refusal")


def test_each_question_is_answered_under_its_number_with_citations_numbered_on(sample_context):  # type: ignore[no-untyped-def]
    answer = Core(sample_context, routes=[by_question]).answer(f"{FIRST}\nOgså: {SECOND}")
    assert answer.answer == ("**Spørsmål 1 av 2:**\nSøknadsfrist: 15. april 2023. [1]\n\n"
                             "**Spørsmål 2 av 2:**\nProsjektleder: Siv Brattli [2] [1]")
    assert [c.chunk_id for c in answer.citations] == ["utlysning", "rana"]  # one span, one number
    assert [s.citations for s in answer.sentences] == [[1], [2, 1]]
    assert not answer.refused


def test_the_message_is_refused_only_when_every_question_is(sample_context):  # type: ignore[no-untyped-def]
    core = Core(sample_context, routes=[by_question])
    partly = core.answer(f"{FIRST}\nHvem ledet samlingen i Finnmark i 2024?")
    assert not partly.refused and "Jeg finner ikke svar." in partly.answer
    assert core.answer("Hvem ledet samlingen i Finnmark i 2024?\nHva kostet Vardø-prosjektet?"
                       ).refused
