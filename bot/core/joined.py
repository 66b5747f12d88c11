"""Answers put together: one after another in a single reply, the later ones' citations
numbered on, so the engine can answer a message's several questions or parts at once."""

from __future__ import annotations

from bot.core.cite import appended, moved, numbered_on, render, renumbered
from bot.core.models import Answer, AnswerSentence, Citation
from bot.core.question import Question
from bot.i18n import t


def followed_by(first: Answer, then: Answer) -> Answer:
    """`first` (its kind and payload kept) with `then`'s sentences after its own, the second's
    citations numbered on (`cite.appended`)."""
    sentences, citations = appended(first.sentences, first.citations, then.sentences,
                                    then.citations)
    return first.model_copy(update={
        "answer": render(sentences, "\n"), "sentences": sentences, "citations": citations,
        "timings_ms": {**first.timings_ms, **then.timings_ms}})


def answered_apart(q: Question, answers: list[Answer]) -> Answer:
    """The message's questions answered one after another, each under its number, the later
    ones' citations numbered on; refused only when every one of them is."""
    texts: list[str] = []
    sentences: list[AnswerSentence] = []
    citations: list[Citation] = []
    for n, answer in enumerate(answers, start=1):
        citations, numbers = numbered_on(citations, answer.citations)
        sentences += moved(answer.sentences, numbers)
        heading = t("core.apart_heading", q.language, n=n, total=len(answers))
        texts.append(f"{heading}\n{renumbered(answer.answer, numbers)}")
    kind = answers[0].kind if len({answer.kind for answer in answers}) == 1 else "fact"
    timings: dict[str, float] = {}
    for answer in answers:
        for name, ms in answer.timings_ms.items():
            timings[name] = timings.get(name, 0.0) + ms
    return Answer(question=q.text, answer="\n\n".join(texts), language=q.language,
                  refused=all(answer.refused for answer in answers),
                  kind=kind, sentences=sentences,
                  citations=citations, timings_ms=timings)
