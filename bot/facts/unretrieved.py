"""What the best source states that retrieval did not bring. «Har noen sjekket om de følger opp
fosterbarna?» answered from an inspection report says what the inspection found («Det ble ikke
funnet lovbrudd»), not only that it was held; «…, hvem ledet det?» answered from a final report
names its «Prosjektleder: …». Both often stand in a chunk of their own that the question's
words do not reach, so they are read from the document itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.core.question import AnswerType, Part, Question
from bot.facts.candidates import candidates
from bot.facts.persons import names_role
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType

# «Det ble ikke funnet lovbrudd under tilsynet», «Ved dette tilsynet blei det avdekt lovbrot»
CONCLUSION = re.compile(r"\b(?:(?:ikke|ikkje)\s+(?:funnet|avdekket|avdekka|avdekt)|funnet|fann|fant|"
                        r"avdekket|avdekka|avdekt|påpekt|påpeika)\b[^.]{0,40}\b"
                        r"(?:lovbrudd|lovbrot|avvik|brudd)\b|\b(?:lovbrudd|lovbrot|avvik)\b[^.]{0,30}"
                        r"\b(?:funnet|avdekket|avdekka|avdekt|påpekt)\b", re.I)


REPORT_SCAN = 3  # how far down the sources an inspection report is looked for
_CONCLUDED = re.compile(r"\b(?:konklu[sd]\w*|conclu\w*|funn\w*|findings?|fant\s+(?:de|dei|dem)|"
                        r"fann\s+(?:de|dei)|did\s+they\s+find|found|avdekk\w*)\b", re.I)


def conclusion_asked(parts: Iterable[Part]) -> bool:
    """«Fant de lovbrudd?», «Hva konkluderte tilsynet?», «What did they find?»: a yes/no part,
    or one asking an inspection's conclusion or findings."""
    return any(AnswerType.YESNO in p.answer_types or _CONCLUDED.search(p.text) for p in parts)


def with_conclusion(q: Question, evidence: list[Evidence],
                    document_chunks: Callable[[str], list[Chunk]]) -> list[Evidence]:
    """The best-ranked source, an inspection report asked a yes/no question of or its
    conclusion, with the chunk holding its conclusion when retrieval did not bring one."""
    if not evidence or not conclusion_asked(q.parts):
        return evidence
    top = next((e for e in evidence[:REPORT_SCAN] if e.meta.doc_type == DocType.TILSYNSRAPPORT),
               None)  # the guide the inspections follow may rank above the report itself
    if top is None or any(e.meta.doc_id == top.meta.doc_id and CONCLUSION.search(e.chunk.text)
                          for e in evidence):
        return evidence
    said = next((c for c in document_chunks(top.meta.doc_id) if CONCLUSION.search(c.text)), None)
    return _after_best(evidence, said, top)


def with_role_holder(q: Question, evidence: list[Evidence],
                     document_chunks: Callable[[str], list[Chunk]]) -> list[Evidence]:
    """The best-ranked source with the chunk naming the person in the role a part asks
    («hvem ledet det?»: «Prosjektleder: Jørn Are Pettersen»), when no retrieved chunk of it
    does."""
    roles = [p.role for p in q.parts if p.role]
    if not evidence or not roles:
        return evidence
    top = evidence[0]
    own = [e for e in evidence if e.meta.doc_id == top.meta.doc_id]
    if any(names_role(role, c) for role in roles for c in candidates(own)):
        return evidence
    for chunk in document_chunks(top.meta.doc_id):
        found = candidates([Evidence(chunk, top.meta, top.score, 0.0, 0, top.fit)])
        if any(names_role(role, c) for role in roles for c in found):
            return _after_best(evidence, chunk)
    return evidence


def _after_best(evidence: list[Evidence], chunk: Chunk | None, source: Evidence | None = None
                ) -> list[Evidence]:
    """`chunk` (of `source`'s document, the best-ranked one's by default) right after the
    best-ranked source, so that the composer reads it, with the weakest score, so that it ranks
    on its words alone."""
    if chunk is None or any(e.chunk.chunk_id == chunk.chunk_id for e in evidence):
        return evidence
    top, weakest = evidence[0], min(e.score for e in evidence)
    of = source or top
    return [top, Evidence(chunk, of.meta, weakest, 0.0, len(evidence), of.fit), *evidence[1:]]
