"""What became of a municipality, and what today's was made of, from SSB's history (KLASS 131,
the same tables that let a list find Fjell under Øygarden): «Hva heter Fjell i dag?»,
«Hvilke gamle kommuner ble Alver slått sammen av?», «Tysfjord fins ikke lenger – hvilke
kommuner gikk den inn i?». Each sentence cites SSB's classification, which a person can open."""

from __future__ import annotations

import datetime as dt

from bot.core.citation import Citation
from bot.core.cite import appended, render
from bot.core.context import CoreContext
from bot.core.models import Answer, AnswerSentence
from bot.core.phrases import join
from bot.core.question import Question
from bot.i18n import format_date, t
from indexer.text.language import Language
from indexer.text.places import Gazetteer, Municipality

__all__ = ["try_answer", "with_history"]

SSB_URL = "https://www.ssb.no/klass/klassifikasjoner/131"
SSB_SOURCE = "kommuner.csv"


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """The named municipalities' history, or None when the question asks anything else."""
    if not question.place_history or not question.municipalities:
        return None
    return _history_answer(question, ctx)


def with_history(question: Question, answer: Answer, ctx: CoreContext) -> Answer:
    """An answer to the other parts of a question with a part asking the places' history
    («… which county is that in today, and who was the competence partner?»), the history
    added from SSB and cited; a refused answer gives way to what SSB says."""
    if not question.history_asked or question.place_history or not question.municipalities:
        return answer
    told = _history_answer(question, ctx)
    if told is None or answer.kind not in {"fact", "refusal"}:
        return answer
    if answer.refused:
        return told
    sentences, citations = appended(answer.sentences, answer.citations, told.sentences,
                                    told.citations)
    text = " ".join([answer.answer, render(sentences[len(answer.sentences):])])
    return answer.model_copy(update={"answer": text, "sentences": sentences,
                                     "citations": citations})


def _history_answer(question: Question, ctx: CoreContext) -> Answer | None:
    lang = question.language
    said = [s for p in question.municipalities if (s := history(p.name, p.own_numbers,
                                                                 ctx.gazetteer, lang))]
    if not said:
        return None
    snippet = " | ".join(row for _, rows in said for row in rows)
    citation = Citation(n=1, source=SSB_SOURCE, title=t("places.source", lang), url=SSB_URL,
                        snippet=snippet[:300])
    sentences = [AnswerSentence(text=sentence, citations=[1]) for sentence, _ in said]
    return Answer(question=question.text, answer=render(sentences), language=lang,
                  kind="fact", sentences=sentences, citations=[citation])


def history(name: str, numbers: tuple[str, ...], gazetteer: Gazetteer, lang: Language
            ) -> tuple[str, list[str]] | None:
    """One sentence on what became of `name` (or what it was made of) and the SSB rows it
    rests on; None when SSB has no municipality of that number."""
    records = [m for n in numbers if (m := gazetteer.municipality(n)) is not None
               and m.name.casefold() == name.casefold()]
    if not records:
        return None
    current = next((m for m in records if m.valid_to is None), None)
    if current is not None:
        return _formed(current, gazetteer, lang)
    latest = max(records, key=lambda m: m.valid_to or dt.date.max)
    return _ended(latest, gazetteer, lang)


def _formed(muni: Municipality, gazetteer: Gazetteer, lang: Language) -> tuple[str, list[str]]:
    """Today's municipality: the ones it was made of when it began, if more than itself."""
    before = [m for m in gazetteer.municipalities() if m.valid_to is not None
              and muni.number in m.replaced_by
              and m.valid_to == muni.valid_from - dt.timedelta(1)]
    rows = [_row(muni), *(_row(m) for m in before)]
    others = sorted({m.name for m in before} - {muni.name})
    if not others:
        if before:
            old = before[0]
            return t("places.renumbered", lang, name=muni.name, number=muni.number,
                     county=muni.county, old=old.number, old_county=old.county,
                     date=format_date(muni.valid_from, lang)), rows
        return t("places.unchanged", lang, name=muni.name, number=muni.number,
                 county=muni.county), rows
    parts = sorted({m.name for m in before})
    return t("places.formed", lang, name=muni.name, number=muni.number, county=muni.county,
             date=format_date(muni.valid_from, lang), parts=join(parts, lang)), rows


def _ended(muni: Municipality, gazetteer: Gazetteer, lang: Language) -> tuple[str, list[str]]:
    """A former municipality: merged into one, or split between several, and what that is
    called today."""
    after = [s for n in muni.replaced_by if (s := gazetteer.municipality(n)) is not None]
    date = format_date((muni.valid_to or dt.date.max) + dt.timedelta(1), lang)
    rows = [_row(muni), *(_row(s) for s in after)]
    described = join([f"{s.name} ({s.number})" for s in after], lang)
    if len(after) > 1:
        sentence = t("places.split", lang, name=muni.name, number=muni.number,
                     county=muni.county, date=date, parts=described)
    else:
        partners = sorted({m.name for m in gazetteer.municipalities()
                           if m.valid_to == muni.valid_to and set(m.replaced_by) & set(
                               muni.replaced_by) and m.name != muni.name})
        key = "places.merged" if partners else "places.joined"
        sentence = t(key, lang, name=muni.name, number=muni.number, county=muni.county,
                     date=date, partners=join(partners, lang), into=described,
                     into_county=after[0].county if after else "")
    today = [gazetteer.municipality(n) for n in muni.current_numbers]
    now = [m for m in today if m is not None]
    if {m.number for m in now} != {s.number for s in after} and now:
        sentence += " " + t("places.today", lang, names=join(
            [f"{m.name} ({m.number}, {m.county})" for m in now], lang))
    return sentence, rows


def _row(muni: Municipality) -> str:
    until = muni.valid_to.isoformat() if muni.valid_to else ""
    replaced = ", ".join(muni.replaced_by)
    return (f"{muni.number} {muni.name} ({muni.county}) {muni.valid_from.isoformat()}–{until}"
            + (f" → {replaced}" if replaced else ""))
