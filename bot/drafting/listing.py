"""The whole draft as chat lines: sections, examples beside them, the checklist, similar
projects. Shown when a dialog starts and ends; a step in between shows a preview.
"""

from __future__ import annotations

from bot.core.models import AnswerSentence, Language
from bot.core.payloads import CheckItem
from bot.drafting.compose import Draft
from bot.drafting.dialog import DraftState
from bot.drafting.plan import DraftSection
from bot.drafting.texts import FIELDS
from bot.i18n import t

ICONS = {"met": "✅", "missing": "⬜", "conflict": "⚠️"}


def full_draft(state: DraftState, draft: Draft) -> list[AnswerSentence]:
    lang = state.language
    lines = [AnswerSentence(text=f"**{draft.title}**"), _grounds(draft, lang)]
    if state.event == "start" and (known := _known(state)):
        lines.append(AnswerSentence(text=f"{t('drafting.known', lang)}: {known}."))
    for section in draft.sections:
        lines += section_lines(section)
    lines += example_lines(draft)
    if draft.checklist:
        lines.append(AnswerSentence(text=f"**{t('drafting.checklist', lang)}**"))
        lines += [check_line(item, lang) for item in draft.checklist]
    if draft.similar:
        lines.append(AnswerSentence(text=f"**{t('drafting.similar', lang)}**"))
        lines += [AnswerSentence(text=f"- {ref.title}", citations=[ref.n])
                  for ref in draft.similar]
    return lines


def section_lines(section: DraftSection, applicant_only: bool = False) -> list[AnswerSentence]:
    shown = section.applicant_text() if applicant_only else section.paragraphs
    return [AnswerSentence(text=f"**{section.title}**"),
            *(AnswerSentence(text=p.text, citations=p.citations) for p in shown)]


def example_lines(draft: Draft) -> list[AnswerSentence]:
    """Examples from other projects, apart from the draft's own text."""
    if not draft.examples:
        return []
    lang = draft.language
    lines = [AnswerSentence(text=f"**{t('drafting.examples', lang)}**")]
    for example in draft.examples:
        lines.append(AnswerSentence(
            text=f"- *{example.section}* – {example.source}: {example.text}",
            citations=example.citations))
    return lines


def check_line(item: CheckItem, lang: Language) -> AnswerSentence:
    status = t(f"drafting.{item.status}", lang)
    text = f"- {ICONS[item.status]} {item.label}: {status} – {item.detail}"
    return AnswerSentence(text=text, citations=item.citations)


def _grounds(draft: Draft, lang: Language) -> AnswerSentence:
    """Which call or guideline the outline follows, or why it is a standard one."""
    if draft.governing:
        what = "; ".join(f"«{g.title}»" for g in draft.governing)
        return AnswerSentence(text=t("drafting.follows", lang, what=what),
                              citations=[g.n for g in draft.governing])
    if draft.rule_sources:
        what = "; ".join(f"«{source}»" for source in draft.rule_sources)
        return AnswerSentence(text=t("drafting.standard_outline", lang, what=what))
    return AnswerSentence(text=t("drafting.no_call", lang))


def _known(state: DraftState) -> str:
    told = [f for f in FIELDS[state.kind] if f in state.answers and f not in state.asked]
    parts = [f"{t(f'drafting.field.{f}', state.language)}: {short(state.answers[f])}"
             for f in told]
    if name := state.hints.get("name"):
        parts.insert(0, f"{t('drafting.field.name', state.language)}: «{name}»")
    return "; ".join(parts)


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
