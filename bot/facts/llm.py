"""Generation through a LangChain chat model, when one is configured (never the default).

The extractive composer still decides whether the evidence answers the question at all; the
model only words the answer. Its sentences must carry [n] markers that point at the numbered
sources, and every sentence then goes through the claim check like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.chat_model import ChatModel
from bot.core.context import Question
from bot.facts.compose import ComposedSentence, Composition, ExtractiveComposer
from bot.facts.retrieval import Evidence
from indexer.text.sentences import split_sentences

PROMPT = (Path(__file__).parents[1] / "prompts" / "answer.txt").read_text(encoding="utf-8")
_MARKER = re.compile(r"\[(\d{1,2})\]")
_LANGUAGE_NAMES = {"nb": "norsk bokmål", "nn": "nynorsk", "en": "English"}
NO_ANSWER = "IKKE_I_KILDENE"


class LlmComposer:
    def __init__(self, chat_model: ChatModel, guard: ExtractiveComposer, max_sources: int = 6) -> None:
        self.chat_model = chat_model
        self.guard = guard
        self.max_sources = max_sources

    def compose(self, question: Question, evidence: list[Evidence]) -> Composition:
        guarded = self.guard.compose(question, evidence)
        if guarded.refused:
            return guarded
        sources = evidence[: self.max_sources]
        prompt = PROMPT.format(
            language=_LANGUAGE_NAMES[question.language],
            sources="\n\n".join(
                f"[{i}] {e.meta.title} – {e.chunk.section or ''}\n{e.chunk.text}"
                for i, e in enumerate(sources, 1)
            ),
            question=question.standalone,
        )
        try:
            reply = self.chat_model.invoke(prompt)
        except Exception:  # a failing endpoint must not cost the user an answer
            return guarded
        text = str(getattr(reply, "content", reply)).strip()
        if NO_ANSWER in text:
            # the guard found the answer in the sources; a model that misses it (small local
            # models do) must not turn a supported answer into a refusal
            return guarded
        sentences = parse_cited_sentences(text, sources)
        return Composition(sentences, False) if sentences else guarded


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
