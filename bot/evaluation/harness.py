"""The eval harness: run golden questions through the core and score what a user would judge.

Matching follows ../shared/eval/README.md: case-insensitive after NFC and whitespace folding;
items of four characters or fewer must stand alone ("Sund" is not in "Haugesund").
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from bot.core.claims import normalise
from bot.core.models import Answer, AnswerCore
from indexer.store.lexical import tokenize

Item = str | list[str]


class EvalQuestion(BaseModel):
    id: str
    lang: str = "nb"
    question: str
    kind: str
    answer: str = ""
    must_contain: list[Item] = []
    sources: list[str] = []
    must_not_contain: list[str] = []


class QuestionResult(BaseModel):
    id: str
    kind: str
    passed: bool
    must_contain_ok: bool
    missing: list[str]
    violations: list[str]
    refused: bool
    refusal_ok: bool
    source_recall: float | None
    citations_checked: int
    citations_precise: int
    latency_ms: float
    answer: str


class Scores(BaseModel):
    questions: int
    must_contain_rate: float
    must_not_contain_violations: int
    source_recall_at_5: float
    refusal_accuracy: float
    citation_precision: float
    latency_p50_ms: float
    latency_p95_ms: float
    median_answer_chars: float = 0.0  # of the answers given (refusals left out)


class EvalReport(BaseModel):
    overall: Scores
    by_kind: dict[str, Scores]
    results: list[QuestionResult] = Field(default_factory=list)


def load_questions(path: Path) -> list[EvalQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [EvalQuestion.model_validate_json(line) for line in lines if line.strip()]


def contains(text: str, item: str) -> bool:
    haystack, needle = normalise(text), normalise(item)
    if len(needle) > 4:
        return needle in haystack
    return re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack) is not None


def evaluate(core: AnswerCore, questions: Iterable[EvalQuestion], chunk_text=None) -> EvalReport:  # type: ignore[no-untyped-def]
    """`chunk_text(chunk_id) -> str | None` lets citation precision check snippets against
    the stored chunks; without it only the answer-to-snippet support is checked."""
    results = []
    for question in questions:
        started = time.perf_counter()
        answer = core.answer(question.question)
        latency = (time.perf_counter() - started) * 1000
        results.append(_score(question, answer, latency, chunk_text))
    by_kind: dict[str, list[QuestionResult]] = defaultdict(list)
    for result in results:
        by_kind[result.kind].append(result)
    return EvalReport(
        overall=_aggregate(results),
        by_kind={kind: _aggregate(rs) for kind, rs in sorted(by_kind.items())},
        results=results,
    )


def _score(q: EvalQuestion, answer: Answer, latency: float, chunk_text) -> QuestionResult:  # type: ignore[no-untyped-def]
    text = answer.answer
    missing = []
    for item in q.must_contain:
        alternatives = item if isinstance(item, list) else [item]
        if not any(contains(text, alt) for alt in alternatives):
            missing.append(alternatives[0])
    violations = [item for item in q.must_not_contain if contains(text, item)]
    should_refuse = q.kind == "refusal"
    recall = None
    if not should_refuse:
        cited = list(dict.fromkeys(c.source for c in answer.citations))[:5]
        recall = sum(s in cited for s in q.sources) / len(q.sources) if q.sources else 1.0
    checked, precise = (0, 0) if answer.refused else _citation_precision(answer, chunk_text)
    passed = (not missing and not violations and answer.refused == should_refuse
              and (recall is None or recall > 0))
    return QuestionResult(
        id=q.id, kind=q.kind, passed=passed, must_contain_ok=not missing, missing=missing,
        violations=violations, refused=answer.refused, refusal_ok=answer.refused == should_refuse,
        source_recall=recall, citations_checked=checked, citations_precise=precise,
        latency_ms=latency, answer=text,
    )


_MARKED = re.compile(r"([^\[\]\n]*?)((?:\s*\[\d+\])+)")


def _citation_precision(answer: Answer, chunk_text) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A cited snippet is precise when it is really in the cited chunk and holds the text
    that cites it (the claim before the [n] marker, or most of its words)."""
    by_n = {c.n: c for c in answer.citations}
    checked = precise = 0
    for match in _MARKED.finditer(answer.answer):
        claim = match.group(1).strip(" -–:|")
        for n in map(int, re.findall(r"\d+", match.group(2))):
            citation = by_n.get(n)
            if citation is None:
                checked += 1
                continue
            checked += 1
            shown = f"{citation.title} {citation.snippet}"
            precise += _supports(shown, claim) and _genuine(citation, chunk_text)
    return checked, precise


def _supports(snippet: str, claim: str) -> bool:
    """The snippet (with its title, as Teams shows both) holds the claim, or a good share of
    the words of the claim or of one of its parts ("Søknadsfrist 15. april 2023: i strid med
    kravet" is supported by the rule "Søknadsfrist: 15. april 2023.")."""
    snippet_n, claim_n = normalise(snippet).rstrip(" …"), normalise(claim).rstrip(" …")
    if not claim_n or claim_n in snippet_n or snippet_n in claim_n:
        return True
    snippet_stems = set(tokenize(snippet_n))
    if _share(claim_n, snippet_stems) >= 1 / 3:
        return True
    parts = [p for p in re.split(r"\s[–-]\s|[:;.]\s|[()]", claim_n) if len(tokenize(p)) >= 2]
    return any(_share(part, snippet_stems) >= 0.5 for part in parts)


def _share(text: str, stems: set[str]) -> float:
    words = {w for w in tokenize(text) if len(w) > 1}
    if not words:
        return 1.0
    found = {w for w in words
             if any(w == s or (min(len(w), len(s)) >= 5 and (w.startswith(s) or s.startswith(w)))
                    for s in stems)}
    return len(found) / len(words)


def _genuine(citation, chunk_text) -> bool:  # type: ignore[no-untyped-def]
    if chunk_text is None or citation.chunk_id is None:
        return True
    source = chunk_text(citation.chunk_id)
    if source is None:
        return False
    words = _words(citation.snippet.rstrip(" …"))
    return words[:120] in _words(source)


def _words(text: str) -> str:
    """Text without markup (list dashes and numbers, table bars, emphasis) for comparing."""
    text = re.sub(r"(?m)^\s*\d{1,2}[.)]\s", " ", text)
    return " ".join(re.findall(r"\w+", normalise(text)))


def _aggregate(results: list[QuestionResult]) -> Scores:
    latencies = sorted(r.latency_ms for r in results) or [0.0]
    recalls = [r.source_recall for r in results if r.source_recall is not None]
    checked = sum(r.citations_checked for r in results)
    return Scores(
        questions=len(results),
        must_contain_rate=_mean([r.must_contain_ok for r in results]),
        must_not_contain_violations=sum(len(r.violations) for r in results),
        source_recall_at_5=_mean(recalls) if recalls else 1.0,
        refusal_accuracy=_mean([r.refusal_ok for r in results]),
        citation_precision=sum(r.citations_precise for r in results) / checked if checked else 1.0,
        latency_p50_ms=statistics.median(latencies),
        latency_p95_ms=latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))],
        median_answer_chars=statistics.median(
            [len(r.answer) for r in results if not r.refused] or [0]),
    )


def _mean(values: list[float] | list[bool]) -> float:
    return sum(values) / len(values) if values else 1.0


def report_json(report: EvalReport) -> str:
    return json.dumps(report.model_dump(), ensure_ascii=False, indent=2)
