"""Citations are data: two answers' sentences joined keep every [n] pointing at its source."""

from __future__ import annotations

from bot.core.cite import appended, render
from bot.core.models import AnswerSentence, Citation


def _cited(n: int, chunk: str, snippet: str) -> Citation:
    return Citation(n=n, source=f"{chunk}.md", title=chunk, snippet=snippet, chunk_id=chunk,
                    doc_id=chunk)


def test_the_second_answers_citations_are_numbered_on_after_the_first():
    first = [AnswerSentence(text="- «Neste steg»: Trondheim og Malvik", citations=[1, 2])]
    first_cited = [_cited(1, "a", "Vertskommune: Trondheim"), _cited(2, "b", "Malvik")]
    then = [AnswerSentence(text="Svar fra 2 av 2 dokumenter:"),
            AnswerSentence(text="- Hovedmål: en trygg overgang", citations=[1]),
            AnswerSentence(text="- Malvik", citations=[2])]
    then_cited = [_cited(1, "c", "Hovedmål: en trygg overgang"), _cited(2, "b", "Malvik")]
    sentences, citations = appended(first, first_cited, then, then_cited)
    assert [c.n for c in citations] == [1, 2, 3]
    assert citations[2].snippet == "Hovedmål: en trygg overgang"
    assert render(sentences, "\n").splitlines()[-2:] == [
        "- Hovedmål: en trygg overgang [3]", "- Malvik [2]"]  # the span both cite keeps 2
