"""The plain LangChain tutorial pipeline, for comparison: RecursiveCharacterTextSplitter 1000/200,
dense top-4 with the same embedding model and Chroma. Its "answer" is generously the full text
of the four chunks it retrieves; it never refuses.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from bot.evaluation.harness import EvalQuestion, contains
from indexer.embeddings import VectorEmbeddings
from indexer.ingest.loaders import load_document

SKIPPED = {"readme.md"}


class TutorialScores(BaseModel):
    questions: int
    recall_at_4: float  # share of the source documents among the four chunks' documents
    context_must_contain: float  # answerable questions whose key strings are all in the chunks
    latency_p50_ms: float
    latency_p95_ms: float


class TutorialPipeline:
    def __init__(self, folders: Iterable[Path], embeddings: VectorEmbeddings, where: Path) -> None:
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        documents = []
        for folder in folders:
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.name.lower() not in SKIPPED:
                    loaded = load_document(path)
                    documents.append(Document(page_content=loaded.text,
                                              metadata={"source": loaded.source}))
        splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200
                                                ).split_documents(documents)
        self.store = Chroma.from_documents(splits, embeddings, persist_directory=str(where))

    def score(self, questions: list[EvalQuestion]) -> TutorialScores:
        recalls, musts, latencies = [], [], []
        for q in questions:
            t0 = time.perf_counter()
            hits = self.store.similarity_search(q.question, k=4)
            latencies.append((time.perf_counter() - t0) * 1000)
            if q.kind == "refusal":
                continue
            text = "\n".join(h.page_content for h in hits)
            sources = {h.metadata["source"] for h in hits}
            if q.sources:
                recalls.append(sum(s in sources for s in q.sources) / len(q.sources))
            items = [i if isinstance(i, list) else [i] for i in q.must_contain]
            musts.append(all(any(contains(text, a) for a in alts) for alts in items))
        ordered = sorted(latencies) or [0.0]
        return TutorialScores(
            questions=len(questions), recall_at_4=_mean(recalls),
            context_must_contain=_mean(musts), latency_p50_ms=statistics.median(ordered),
            latency_p95_ms=ordered[int(0.95 * (len(ordered) - 1))])


def _mean(values: list[float] | list[bool]) -> float:
    return sum(values) / len(values) if values else 1.0
