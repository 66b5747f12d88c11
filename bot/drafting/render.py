"""The chat reply for one dialog turn: the full draft when it starts, resumes or ends; else a
short acknowledgement, the rules that bear on the next question, and the question itself.

The first line is always the dialog's marker (see `dialog.DraftState.marker`).
"""

from __future__ import annotations

from bot.core.cite import render
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import DraftCancelled
from bot.drafting.compose import Draft
from bot.drafting.dialog import DraftState
from bot.drafting.texts import FIELDS
from bot.i18n import t

_ICONS = {"met": "✅", "missing": "⬜", "conflict": "⚠️"}
# The checklist items worth recalling right before a question is asked.
_FIELD_CHECKS = {
    "municipalities": ("min_municipalities", "participants"), "anchoring": ("anchoring",),
    "partner": ("competence",), "period": ("max_period", "report_deadline"),
    "budget": ("max_amount", "own_share"),
}


def draft_answer(question: str, state: DraftState, draft: Draft, docx_path: str | None) -> Answer:
    lines = [AnswerSentence(text=f"**{state.marker()}**")]
    lang = state.language
    changed = t(f"drafting.field.{state.changed}", lang) if state.changed else ""
    if state.event in {"answered", "skipped", "back", "back_empty", "resume"}:
        key = {"answered": "noted"}.get(state.event, state.event)
        lines.append(AnswerSentence(text=t(f"drafting.{key}", lang, field=changed)))
    if state.event in {"start", "resume"} or draft.done:
        lines += _full(state, draft)
    else:
        lines += _hints(draft, lang)
        filled = sum(not s.missing for s in draft.sections)
        lines.append(AnswerSentence(text=t("drafting.progress", lang, done=filled,
                                               total=len(draft.sections))))
    if draft.done:
        lines.append(AnswerSentence(text=t("drafting.finished", lang)))
    elif draft.next_question:
        if state.event == "start":
            lines.append(AnswerSentence(text=t("drafting.commands", lang)))
        lines.append(AnswerSentence(text=f"**{t('drafting.next', lang)}:** {draft.next_question}"))
    return Answer(
        question=question, answer=render(lines, "\n"), language=lang, kind="draft",
        sentences=lines, citations=draft.citations, payload=draft.payload(docx_path),
    )


def cancelled_answer(question: str, language: Language) -> Answer:
    text = t("drafting.cancelled", language)
    return Answer(question=question, answer=text, language=language, kind="draft",
                  sentences=[AnswerSentence(text=text)], payload=DraftCancelled())


def _full(state: DraftState, draft: Draft) -> list[AnswerSentence]:
    lang = state.language
    lines = [AnswerSentence(text=f"**{draft.title}**")]
    if draft.governing:
        what = "; ".join(f"«{g.title}»" for g in draft.governing)
        lines.append(AnswerSentence(text=t("drafting.follows", lang, what=what),
                                    citations=[g.n for g in draft.governing]))
    elif draft.rule_sources:
        what = "; ".join(f"«{source}»" for source in draft.rule_sources)
        lines.append(AnswerSentence(text=t("drafting.standard_outline", lang, what=what)))
    else:
        lines.append(AnswerSentence(text=t("drafting.no_call", lang)))
    if state.event == "start" and (known := _known(state)):
        lines.append(AnswerSentence(text=f"{t('drafting.known', lang)}: {known}."))
    for section in draft.sections:
        lines.append(AnswerSentence(text=f"**{section.title}**"))
        lines += [AnswerSentence(text=p.text, citations=p.citations) for p in section.paragraphs]
    if draft.checklist:
        lines.append(AnswerSentence(text=f"**{t('drafting.checklist', lang)}**"))
        lines += [_check_line(item, lang) for item in draft.checklist]
    if draft.similar:
        lines.append(AnswerSentence(text=f"**{t('drafting.similar', lang)}**"))
        lines += [AnswerSentence(text=f"- {ref.title}", citations=[ref.n])
                  for ref in draft.similar]
    return lines


def _check_line(item, lang: Language) -> AnswerSentence:  # type: ignore[no-untyped-def]
    status = t(f"drafting.{item.status}", lang)
    text = f"- {_ICONS[item.status]} {item.label}: {status} – {item.detail}"
    return AnswerSentence(text=text, citations=item.citations)


def _hints(draft: Draft, lang: Language) -> list[AnswerSentence]:
    keys = _FIELD_CHECKS.get(draft.next_field or "", ())
    return [AnswerSentence(text=f"{t('drafting.rule_hint', lang)}: {item.rule}",
                           citations=item.citations[:1])
            for item in draft.checklist if item.key in keys]


def _known(state: DraftState) -> str:
    told = [f for f in FIELDS[state.kind] if f in state.answers and f not in state.asked]
    parts = [f"{t(f'drafting.field.{f}', state.language)}: {_short(state.answers[f])}"
             for f in told]
    if name := state.hints.get("name"):
        parts.insert(0, f"{t('drafting.field.name', state.language)}: «{name}»")
    return "; ".join(parts)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
