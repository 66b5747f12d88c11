"""Generation through a LangChain chat model, when one is configured (never the default).

The model gets the retrieved evidence and decides whether it answers the question; its
sentences must carry [n] markers that point at the numbered sources, and every sentence then
goes through the claim check like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from bot.core.chat_model import ChatModel
from bot.core.question import Question
from bot.facts.compose import ComposedSentence, Composition, ExtractiveComposer
from bot.facts.retrieval import Evidence
from indexer.text.sentences import split_sentences

PROMPT = (Path(__file__).parents[1] / "prompts" / "answer.txt").read_text(encoding="utf-8")
_MARKER = re.compile(r"\[(\d{1,2})\]")
_LANGUAGE_NAMES = {"nb": "norsk bokmål", "nn": "nynorsk", "en": "English"}
NO_ANSWER = "IKKE_I_KILDENE"


class LlmComposer:
    """The model reads the retrieved evidence and decides: it answers with [n] markers, or says
    the sources hold no answer. The extractive composer is only its fallback when the endpoint
    fails; the claim check still drops any sentence its sources do not support."""

    def __init__(self, chat_model: ChatModel, fallback: ExtractiveComposer, max_sources: int = 6) -> None:
        self.chat_model = chat_model
        self.fallback = fallback
        self.max_sources = max_sources

    def compose(self, question: Question, vectors: np.ndarray, evidence: list[Evidence]
                ) -> Composition:
        sources = evidence[: self.max_sources]
        if not sources:
            return Composition([], True, "ingen kilder")
        prompt = PROMPT.format(
            language=_LANGUAGE_NAMES[question.language],
            today=question.today.isoformat(),
            sources="\n\n".join(
                f"[{i}] {e.meta.title} ({e.meta.date or 'udatert'}) – {e.chunk.section or ''}"
                f"\n{e.chunk.text}" for i, e in enumerate(sources, 1)
            ),
            question=question.standalone,
        )
        try:
            reply = self.chat_model.invoke(prompt)
        except Exception:  # a failing endpoint must not cost the user an answer
            return self.fallback.compose(question, vectors, evidence)
        text = str(getattr(reply, "content", reply)).strip()
        if NO_ANSWER in text:
            return Composition([], True, "modellen fant ikke svar i kildene")
        sentences = parse_cited_sentences(text, sources)
        if not sentences:
            return Composition([], True, "modellen siterte ingen kilde")
        return Composition(sentences, False)


def parse_cited_sentences(text: str, sources: list[Evidence]) -> list[ComposedSentence]:
    """Model sentences with valid [n] markers; a sentence citing nothing is dropped."""
    result = []
    for sentence in split_sentences(text):
        numbers = [int(n) for n in _MARKER.findall(sentence.text)]
        cited = [sources[n - 1] for n in dict.fromkeys(numbers) if 1 <= n <= len(sources)]
        clean = _MARKER.sub("", sentence.text).strip()
        clean = re.sub(r"\s+([.,;:!?])", r"\1", clean)
        if not cited or not clean:
            continue
        result.append(ComposedSentence(clean, tuple(cited), tuple(e.chunk.text for e in cited)))
    return result
