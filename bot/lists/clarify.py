"""«Mente du …?»: a list question about a theme we do not know gets the nearest themes, never a
silent unfiltered list."""

from __future__ import annotations

from bot.core.cite import render
from bot.core.models import Answer, AnswerSentence
from bot.core.phrases import join
from bot.core.question import Question
from bot.core.understand.topic import nearest
from bot.i18n import t
from indexer.text.themes import THEMES, Theme


def unknown_theme(question: Question, near: list[Theme] | None = None) -> Answer:
    """`near`: the themes to offer when the caller found them (by the projects most like the
    words); else those the word nearly spells."""
    lang = question.language
    word = question.unknown_theme or ""
    near = near or nearest(word)
    if not near:  # no theme near it and no project titled with it: the knowledge base has none
        known = join([theme.label(lang) for theme in THEMES], lang)
        sentences = [AnswerSentence(text=t("lists.no_such_theme", lang, word=word, themes=known))]
        return Answer(question=question.text, answer=render(sentences), language=lang,
                      kind="refusal", refused=True, sentences=sentences)  # fmt: skip
    options = join([f"«{theme.label(lang)}»" for theme in near], lang, "or")
    sentences = [AnswerSentence(text=t("lists.unknown_theme", lang, word=word, options=options))]
    return Answer(question=question.text, answer=render(sentences), language=lang,
                  kind="clarify", sentences=sentences)  # fmt: skip
