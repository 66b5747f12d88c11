"""Drafting help: a guided dialog that writes a project plan or final report as a .docx.

`try_answer` is a core route: it answers when the question opens a draft ("/utkast …",
"Hjelp meg å skrive en prosjektplan …") or continues the one the last answer carried, and
returns None for everything else so the rest of the core can answer.
"""

from __future__ import annotations

from bot.core.context import CoreContext, Question
from bot.core.models import Answer, Language
from bot.drafting.compose import Draft, build_draft
from bot.drafting.dialog import DraftState, advance
from bot.drafting.export import export_docx, prune_drafts
from bot.drafting.fit import Fit, check
from bot.drafting.parsing import Opening, parse_opening
from bot.drafting.render import cancelled_answer, draft_answer

__all__ = ["Draft", "DraftState", "try_answer", "dialog_state"]


def dialog_state(question: Question, ctx: CoreContext) -> DraftState | None:
    """The draft state after this question, or None when it is not part of a draft dialog."""

    def parse(text: str, language: Language) -> Opening:
        return parse_opening(text, language, ctx.gazetteer)

    def fits(field: str, text: str) -> Fit:
        return check(field, text, ctx.gazetteer)

    return advance(question, parse, fits)


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    state = dialog_state(question, ctx)
    if state is None:
        return None
    if state.status == "cancelled":
        return cancelled_answer(question.text, state)
    draft = build_draft(state, ctx)
    path = export_docx(draft, ctx.settings.data_dir)
    # drafts pile up only where they are written; the serving process also prunes daily
    prune_drafts(ctx.settings.data_dir, ctx.settings.draft_retention_days * 24 * 3600)
    return draft_answer(question.text, state, draft, str(path))
