"""One draft from one dialog state: facts → grounding → outline → sections → checklist.

The sections hold the applicant's words and the rules; examples from other projects are a list
of their own beside them (`examples.py`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

from pydantic import BaseModel

from bot.core.cite import CitationBook
from bot.core.context import CoreContext
from bot.core.dialog import DraftDialog
from bot.core.models import Citation, Language
from bot.core.payloads import DraftPart, DraftPayload
from bot.drafting.criteria import CheckItem, checklist
from bot.drafting.dialog import DraftState
from bot.drafting.examples import Example, find_examples
from bot.drafting.facts import Facts, derive_facts
from bot.drafting.grounding import Grounding, SourceDoc, ground
from bot.drafting.parsing import join_names
from bot.drafting.plan import DraftSection, build_sections, outline
from bot.drafting.prose import write_prose
from bot.drafting.selection import draft_year, select_rules
from bot.drafting.texts import DraftKind, question, title
from bot.i18n import t

SLUG_CHARS = 60
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


class SourceRef(BaseModel):
    title: str
    n: int


class Draft(BaseModel):
    draft_id: str
    kind: DraftKind
    language: Language
    title: str
    name: str  # the project, for the file name: «Neste steg», «fosterhjem – Kvam og Voss»
    sections: list[DraftSection]
    examples: list[Example] = []
    checklist: list[CheckItem]
    citations: list[Citation]
    governing: list[SourceRef] = []  # the call/guideline the outline follows
    rule_sources: list[str] = []  # titles of the documents the rules come from
    similar: list[SourceRef] = []
    next_field: str | None = None
    next_question: str | None = None
    done: bool = False

    def words(self) -> int:
        return sum(len(p.text.split()) for s in self.sections for p in s.paragraphs)

    def file_name(self) -> str:
        """«prosjektplan-fosterhjem-kvam-og-voss.docx»: safe on every system and in a header."""
        document = t(f"drafting.file_{self.kind}", self.language)
        return f"{slug(f'{document} {self.name}')}.docx"

    def payload(self, docx_path: str | None, actions: list[str] | None = None,
                choices: list[str] | None = None) -> DraftPayload:
        """What the answer carries for the faces (Adaptive Card, CLI)."""
        parts = [DraftPart(title=s.title, missing=s.missing,
                           text="\n".join(p.text for p in s.paragraphs),
                           citations=sorted({n for p in s.paragraphs for n in p.citations}))
                 for s in self.sections]
        return DraftPayload(
            draft_id=self.draft_id, draft_kind=self.kind, title=self.title,
            language=self.language, done=self.done, sections=parts, checklist=self.checklist,
            next_field=self.next_field, next_question=self.next_question, docx_path=docx_path,
            file_name=self.file_name(), actions=actions or [], choices=choices or [],
        )


def build_draft(state: DraftState, ctx: CoreContext, *, facts: Facts | None = None) -> Draft:
    facts = facts or derive_facts(state, ctx.gazetteer)
    grounding = ground(facts, state.kind, ctx.store, ctx.gazetteer)
    rules = select_rules(grounding, state.kind, draft_year(facts, ctx.today()))
    book = CitationBook()
    headings, required_by = outline(state.kind, state.language, rules)
    governing = []
    if required_by is not None:
        n = book.cite(required_by.doc.chunk_at(required_by.rule.start), required_by.doc.meta,
                      required_by.rule.text)
        governing.append(SourceRef(title=required_by.doc.meta.title, n=n))
    sections = build_sections(headings, facts, rules, state.language, book)
    if state.status == "done" and ctx.chat_model is not None:
        sections = [write_prose(s, facts, book, ctx.chat_model, state.language, state.kind)
                    for s in sections]
    examples = find_examples(headings, grounding, state.language, book)
    similar = [_cite_document(book, doc) for doc in _similar(grounding)]
    pending = state.pending
    draft = Draft(
        draft_id=draft_id(state), kind=state.kind, language=state.language,
        title=draft_title(state, facts), name=project_name(state, facts), sections=sections,
        examples=examples, checklist=[], citations=[], governing=governing, similar=similar,
        rule_sources=list(dict.fromkeys(r.doc.meta.title for r in rules.values())),
        next_field=pending, done=state.status == "done",
        next_question=question(pending, state.kind, state.language) if pending else None,
    )
    draft.checklist = checklist(facts, grounding, state.kind, ctx.today(), state.language, book,
                                draft.words())
    draft.citations = list(book.citations)
    return draft


def draft_id(state: DraftDialog) -> str:
    """Content-addressed: the same dialog gives the same id, after a restart too."""
    content = state.model_dump(include={"kind", "language", "opening", "answers", "skipped",
                                        "hints", "status"})
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:20]


def draft_title(state: DraftDialog, facts: Facts) -> str:
    head = title(state.kind, state.language)
    if facts.name:
        return f"{head}: «{facts.name}»"
    detail = project_name(state, facts)
    return f"{head}: {detail}" if detail else head


def project_name(state: DraftDialog, facts: Facts) -> str:
    """The project's name if told, else its theme and municipalities."""
    if facts.name:
        return facts.name
    parts = [facts.theme.label(state.language) if facts.theme else facts.theme_text or ""]
    if facts.municipalities:
        parts.append(join_names([m.name for m in facts.municipalities], state.language))
    return " – ".join(p for p in parts if p)


def slug(text: str) -> str:
    """«Prosjektplan «Neste steg» – Trondheim» → «prosjektplan-neste-steg-trondheim»."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    joined = "-".join(words)[:SLUG_CHARS].rstrip("-")
    return joined or "utkast"


def _similar(grounding: Grounding) -> list[SourceDoc]:
    return ([grounding.own_project] if grounding.own_project else []) + grounding.similar


def _cite_document(book: CitationBook, doc: SourceDoc) -> SourceRef:
    first = doc.chunks[0]
    return SourceRef(title=doc.meta.title, n=book.cite(first, doc.meta))
