"""One draft from one dialog state: facts → grounding → outline → sections → checklist."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel

from bot.core.cite import CitationBook
from bot.core.context import CoreContext
from bot.core.models import Citation, Language
from bot.core.payloads import DraftPart, DraftPayload
from bot.drafting.criteria import CheckItem, checklist, select_rules
from bot.drafting.dialog import DraftState
from bot.drafting.facts import Facts, derive_facts
from bot.drafting.grounding import Grounding, SourceDoc, ground
from bot.drafting.parsing import join_names
from bot.drafting.plan import DraftSection, build_sections, outline
from bot.drafting.prose import write_prose
from bot.drafting.texts import DraftKind, question, title


class SourceRef(BaseModel):
    title: str
    n: int


class Draft(BaseModel):
    draft_id: str
    kind: DraftKind
    language: Language
    title: str
    sections: list[DraftSection]
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

    def payload(self, docx_path: str | None) -> DraftPayload:
        """What the answer carries for the faces (Adaptive Card, CLI)."""
        parts = [DraftPart(title=s.title, missing=s.missing,
                           text="\n".join(p.text for p in s.paragraphs),
                           citations=sorted({n for p in s.paragraphs for n in p.citations}))
                 for s in self.sections]
        return DraftPayload(
            draft_id=self.draft_id, draft_kind=self.kind, title=self.title,
            language=self.language, done=self.done, sections=parts, checklist=self.checklist,
            next_field=self.next_field, next_question=self.next_question, docx_path=docx_path,
        )


def build_draft(state: DraftState, ctx: CoreContext, *, facts: Facts | None = None) -> Draft:
    facts = facts or derive_facts(state, ctx.gazetteer)
    grounding = ground(facts, state.kind, ctx.store, ctx.gazetteer)
    rules = select_rules(grounding, state.kind)
    book = CitationBook()
    headings, required_by = outline(state.kind, state.language, rules)
    governing = []
    if required_by is not None:
        n = book.cite(required_by.doc.chunk_at(required_by.rule.start), required_by.doc.meta,
                      required_by.rule.text)
        governing.append(SourceRef(title=required_by.doc.meta.title, n=n))
    sections = build_sections(headings, facts, grounding, rules, state.language, book)
    if state.status == "done" and ctx.chat_model is not None:
        sections = [write_prose(s, facts, book, ctx.chat_model, state.language, state.kind)
                    for s in sections]
    similar = [_cite_document(book, doc) for doc in _similar(grounding)]
    draft = Draft(
        draft_id=draft_id(state), kind=state.kind, language=state.language,
        title=draft_title(state, facts), sections=sections, checklist=[], citations=[],
        governing=governing, similar=similar, next_field=state.pending,
        rule_sources=list(dict.fromkeys(r.doc.meta.title for r in rules.values())),
        next_question=question(state.pending, state.kind, state.language) if state.pending
        else None, done=state.status == "done",
    )
    draft.checklist = checklist(facts, grounding, state.kind, ctx.today(), state.language, book,
                                draft.words())
    draft.citations = list(book.citations)
    return draft


def draft_id(state: DraftState) -> str:
    """Content-addressed: the same dialog gives the same id, after a restart too."""
    content = state.model_dump(include={"kind", "language", "opening", "answers", "skipped",
                                        "hints", "status"})
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:20]


def draft_title(state: DraftState, facts: Facts) -> str:
    head = title(state.kind, state.language)
    if facts.name:
        return f"{head}: «{facts.name}»"
    parts = [facts.theme.label(state.language) if facts.theme else facts.theme_text or ""]
    if facts.municipalities:
        parts.append(join_names([m.name for m in facts.municipalities], state.language))
    detail = " – ".join(p for p in parts if p)
    return f"{head}: {detail}" if detail else head


def _similar(grounding: Grounding) -> list[SourceDoc]:
    return ([grounding.own_project] if grounding.own_project else []) + grounding.similar


def _cite_document(book: CitationBook, doc: SourceDoc) -> SourceRef:
    first = doc.chunks[0]
    return SourceRef(title=doc.meta.title, n=book.cite(first, doc.meta))
