"""The documents a fact question names rather than leaves to retrieval: the newest or oldest
of the kind it names, one whose whole title it says; and, summarising a project, its final
report rather than its description.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.fit import finding, metadata_fit
from bot.core.question import Question
from bot.facts.retrieval import Evidence
from indexer.models import DocType, DocumentMeta


def extreme_documents(q: Question, documents: list[DocumentMeta], evidence: list[Evidence]
                      ) -> list[DocumentMeta]:
    """The newest (or oldest, or both) dated document of the kind the question names: of all
    that fit its place and year («den nyeste sluttrapporten»), or of those retrieved when it
    names something more («siste referat fra styringsgruppen i Setesdal»)."""
    if not q.document_extreme or not q.doc_types:
        return []
    fit = finding(q)
    placed = bool(q.municipalities or q.counties or q.years)
    named = placed or q.names or q.themes
    pool = [e.meta for e in evidence] if named else documents
    dated = [m for m in pool if m.doc_type in q.doc_types and m.date
             and (metadata_fit(fit, m) > 0 if placed else metadata_fit(fit, m) >= 0)]
    if not dated:
        return []
    oldest, newest = (f(dated, key=lambda m: m.date or dt.date.min) for f in (min, max))
    return {"newest": [newest], "oldest": [oldest]}.get(q.document_extreme, [oldest, newest])


TITLE_WORDS = 3  # a title this long, said whole, names its document
_WORD = re.compile(r"\w+")


def titled_documents(q: Question, documents: list[DocumentMeta]) -> list[DocumentMeta]:
    """«Når er søknadsfristen for tilskudd til foreldrestøttende tiltak i 2027?»: a question
    that says a document's whole title («Tilskudd til foreldrestøttende tiltak») asks of that
    document, not of another scheme's call for the year; its own year then says whether it
    answers. A title of fewer than `TITLE_WORDS` words names nothing in particular."""
    asked = f" {' '.join(_WORD.findall(q.standalone.casefold()))} "
    return [meta for meta in documents
            if len(words := _WORD.findall(meta.title.casefold())) >= TITLE_WORDS
            and f" {' '.join(words)} " in asked]


def final_report_of(top: Evidence, evidence: list[Evidence]) -> Evidence:
    """A project's final report tells what its plan only hoped for: summarising the project,
    the report of the same municipalities, written later, wins over the description."""
    if top.meta.doc_type != DocType.PROSJEKTBESKRIVELSE:
        return top
    places = _today_numbers(top.meta)
    later = [e for e in evidence if e.meta.doc_type == DocType.SLUTTRAPPORT
             and places & _today_numbers(e.meta)
             and (not top.meta.date or not e.meta.date or e.meta.date > top.meta.date)]
    return later[0] if later else top


def _today_numbers(meta: DocumentMeta) -> set[str]:
    """Today's kommunenummer of the municipalities a document names."""
    return {n for m in meta.municipalities for n in m.current_numbers}

