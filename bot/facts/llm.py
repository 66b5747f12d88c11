"""Generation through a LangChain chat model, when one is configured (never the default).

The model gets the retrieved evidence and decides whether it answers the question; its
sentences must carry [n] markers that point at the numbered sources, and every sentence then
goes through the claim check like any other.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np

from bot.core.question import Question
from bot.facts.compose import ComposedSentence, Composition, ExtractiveComposer
from bot.facts.retrieval import Evidence
from indexer.errors import ConfigError
from indexer.settings import Settings
from indexer.text.sentences import split_sentences

PROMPT = (Path(__file__).parents[1] / "prompts" / "answer.txt").read_text(encoding="utf-8")
_MARKER = re.compile(r"\[(\d{1,2})\]")
_LANGUAGE_NAMES = {"nb": "norsk bokmål", "nn": "nynorsk", "en": "English"}
NO_ANSWER = "IKKE_I_KILDENE"


def build_chat_model(settings: Settings) -> Any | None:
    """A LangChain chat model from settings, or None for the offline extractive default."""
    provider = settings.llm_provider
    if provider == "none":
        return None
    try:
        if provider == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url,
                              api_key=settings.llm_api_key or "not-needed",
                              temperature=settings.llm_temperature, timeout=60)
        if provider == "azure":
            from langchain_openai import AzureChatOpenAI

            return AzureChatOpenAI(azure_deployment=settings.llm_model,
                                   azure_endpoint=settings.llm_base_url,
                                   api_key=settings.llm_api_key,
                                   api_version=settings.llm_api_version,
                                   temperature=settings.llm_temperature, timeout=60)
        from langchain_ollama import ChatOllama

        return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url,
                          temperature=settings.llm_temperature)
    except Exception as exc:  # provider libraries raise their own validation errors
        raise ConfigError(f"Ugyldig LLM-oppsett (LAERINGSBOT_LLM_*): {exc}") from exc


class LlmComposer:
    """The model reads the retrieved evidence and decides: it answers with [n] markers, or says
    the sources hold no answer. The extractive composer is only its fallback when the endpoint
    fails; the claim check still drops any sentence its sources do not support."""

    def __init__(self, chat_model: Any, fallback: ExtractiveComposer, max_sources: int = 6) -> None:
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
