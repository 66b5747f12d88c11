"""The chat reply for one dialog turn.

The first line is the dialog's marker («Utkast til prosjektplan – spørsmål 3 av 10»). The whole
draft is shown when the dialog starts and when it ends; a step in between says what it did
(«Notert: målgruppe.»), previews the part the answer went into, recalls the rules that bear on
the next question and asks it. An answer that does not fit gets an ask-back instead.
"""

from __future__ import annotations

from bot.core.cite import render
from bot.core.models import Answer, AnswerSentence, Language
from bot.core.payloads import DraftCancelled
from bot.drafting.commands import BUTTONS
from bot.drafting.compose import Draft
from bot.drafting.dialog import DraftState
from bot.drafting.listing import full_draft, section_lines, short
from bot.i18n import t

# The checklist items worth recalling right before a question is asked.
_FIELD_CHECKS = {
    "municipalities": ("min_municipalities", "participants"), "anchoring": ("anchoring",),
    "partner": ("competence",), "period": ("max_period", "report_deadline"),
    "budget": ("max_amount", "own_share"),
}
_ACKS = {"answered": "noted", "changed": "changed", "moved": "moved", "skipped": "skipped",
         "kept": "kept", "back": "back", "back_empty": "back_empty"}
_PREVIEWED = frozenset({"answered", "changed", "moved"})


def draft_answer(question: str, state: DraftState, draft: Draft, docx_path: str | None) -> Answer:
    lang = state.language
    lines = [AnswerSentence(text=f"**{state.marker()}**")]
    if state.resumed or state.event == "resume":
        lines.append(AnswerSentence(text=t("drafting.resume", lang)))
    lines += _step(state, draft)
    if draft.done:
        lines.append(AnswerSentence(text=t("drafting.finished", lang)))
    elif draft.next_question:
        if state.event == "start":
            lines.append(AnswerSentence(text=t("drafting.commands", lang)))
        lines.append(AnswerSentence(text=f"**{t('drafting.next', lang)}:** {draft.next_question}"))
    payload = draft.payload(docx_path, actions=_actions(state), choices=_choices(state))
    return Answer(
        question=question, answer=render(lines, "\n"), language=lang, kind="draft",
        sentences=lines, citations=draft.citations, payload=payload,
        dialog=state.dialog(),
    )


def cancelled_answer(question: str, state: DraftState) -> Answer:
    """The dialog ends; its closed state goes with the answer, so nothing revives it."""
    text = t("drafting.cancelled", state.language)
    return Answer(question=question, answer=text, language=state.language, kind="draft",
                  sentences=[AnswerSentence(text=text)], payload=DraftCancelled(),
                  dialog=state.dialog())


def _step(state: DraftState, draft: Draft) -> list[AnswerSentence]:
    lang = state.language
    field = t(f"drafting.field.{state.changed}", lang) if state.changed else ""
    if state.event == "start" or draft.done:
        return full_draft(state, draft)
    if state.event == "doubt":
        return [AnswerSentence(text=t(f"drafting.doubt.{state.reason or 'short'}", lang)),
                AnswerSentence(text=t("drafting.doubt_again", lang))]
    if state.event == "choose":
        return [AnswerSentence(text=t("drafting.choose", lang)), *_choice_lines(state)]
    if state.event == "edit":
        lines = [AnswerSentence(text=t("drafting.editing", lang, field=field))]
        if now := state.answers.get(state.changed or ""):
            lines.append(AnswerSentence(text=t("drafting.now", lang, text=short(now, 160))))
        return lines
    lines = [AnswerSentence(text=t(f"drafting.{_ACKS[state.event]}", lang, field=field))] if (
        state.event in _ACKS) else []  # «fortsett» has said so already
    if state.event in _PREVIEWED:
        lines += _preview(draft, state.changed or "", lang)
    lines += _hints(draft, lang)
    filled = sum(not s.missing for s in draft.sections)
    lines.append(AnswerSentence(text=t("drafting.progress", lang, done=filled,
                                       total=len(draft.sections))))
    return lines


def _preview(draft: Draft, field: str, lang: Language) -> list[AnswerSentence]:
    """The parts the answer went into, as they read now (without rules or examples)."""
    lines = []
    for section in (s for s in draft.sections if field in s.fields):
        lines.append(AnswerSentence(text=t("drafting.preview", lang)))
        lines += section_lines(section, applicant_only=True)
    return lines


def _hints(draft: Draft, lang: Language) -> list[AnswerSentence]:
    keys = _FIELD_CHECKS.get(draft.next_field or "", ())
    return [AnswerSentence(text=f"{t('drafting.rule_hint', lang)}: {item.rule}",
                           citations=item.citations[:1])
            for item in draft.checklist if item.key in keys]


def _choice_lines(state: DraftState) -> list[AnswerSentence]:
    lang = state.language
    lines = []
    for field in _choices(state):
        value = state.answers.get(field)
        shown = f"«{short(value, 60)}»" if value else t("drafting.not_told", lang)
        lines.append(AnswerSentence(text=f"- {t(f'drafting.field.{field}', lang)}: {shown}"))
    return lines


def _actions(state: DraftState) -> list[str]:
    if state.status != "active":
        return []
    if state.choosing:
        return ["done", "cancel"]
    return list(BUTTONS)


def _choices(state: DraftState) -> list[str]:
    """After «endre del»: the parts told or skipped so far (every part, before any is)."""
    if not state.choosing:
        return []
    told = [f for f in state.fields if f in state.answers or f in state.skipped]
    return told or list(state.fields)
