"""«Mente du …?»: a list question about a theme we do not know gets the nearest themes, never a
silent unfiltered list."""

from __future__ import annotations

from difflib import SequenceMatcher

from bot.core.cite import render
from bot.core.models import Answer, AnswerSentence
from bot.core.phrases import join
from bot.core.question import Question
from bot.i18n import t
from indexer.text.themes import THEMES, Theme

_CLOSE = 0.72  # similarity of a written word and a theme term that makes a suggestion
_SHOWN = 3


def unknown_theme(question: Question) -> Answer:
    lang = question.language
    word = question.unknown_theme or ""
    near = nearest(word)
    if near:
        options = join([f"«{theme.label(lang)}»" for theme in near], lang, "or")
        text = t("lists.unknown_theme", lang, word=word, options=options)
    else:
        known = join([theme.label(lang) for theme in THEMES], lang)
        text = t("lists.no_such_theme", lang, word=word, themes=known)
    sentences = [AnswerSentence(text=text)]
    return Answer(question=question.text, answer=render(sentences), language=lang,
                  kind="clarify", sentences=sentences)  # fmt: skip


def nearest(word: str) -> list[Theme]:
    """Themes whose terms or labels the word nearly is, or starts like («rekruttering» →
    rekruttering og stabilitet; «fosterhjæm» → fosterhjem), closest first."""
    written = word.casefold().split()[0] if word.strip() else ""
    scored: list[tuple[float, int, Theme]] = []
    for index, theme in enumerate(THEMES):
        names = [term.lstrip("*") for term in theme.terms] + [theme.nb, theme.nn, theme.en]
        best = max(_likeness(written, name.casefold()) for name in names)
        if best >= _CLOSE:
            scored.append((best, -index, theme))
    return [theme for _, _, theme in sorted(scored, reverse=True)[:_SHOWN]]


def _likeness(word: str, name: str) -> float:
    head = name.split()[0]
    if len(word) >= 4 and len(head) >= 4 and (name.startswith(word) or word.startswith(head)):
        return 1.0
    return SequenceMatcher(None, word, head).ratio()
