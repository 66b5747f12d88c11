"""Time awareness: a date that has passed is never stated as upcoming, and a question about
another year or county than the sources cover is told what there is instead.
"""

from __future__ import annotations

from bot.core.fit import title_year
from bot.core.phrases import join
from bot.core.question import Question, TimeFocus
from bot.facts.amounts import LABELS
from bot.facts.compose import ComposedSentence, Composition
from bot.i18n import format_date, t
from indexer.models import DocumentMeta
from indexer.text.dates import find_dates


def past_note(q: Question, sentences: list[ComposedSentence]) -> str | None:
    """«Neste samling» answered with 12.02.2019 on 2 December 2026 says the date has passed."""
    if not passed(q, [s.text for s in sentences]):
        return None
    return t("core.past_date", q.language, today=format_date(q.today, q.language))


def passed(q: Question, texts: list[str]) -> bool:
    """A question about what is next or now («neste», «fortsatt åpne») answered by texts whose
    dates all lie before today."""
    if q.time not in (TimeFocus.NEXT, TimeFocus.CURRENT):
        return False
    dates = [m.date for text in texts for m in find_dates(text)]
    return bool(dates) and max(dates) < q.today


def what_there_is(q: Question, composition: Composition) -> str | None:
    """When the sources answer for another year or place than asked, or only say what a project
    planned when asked how it went, or another kind of amount than asked: say so, with what
    they do say."""
    best = composition.best
    if best is not None and composition.pending:
        return t("core.pending", q.language, sentence=best.text.replace("**", "").strip())
    if best is not None and composition.planned:
        meta = best.evidence.meta
        return t("core.only_planned", q.language, title=meta.title, when=_when(meta, q),
                 sentence=best.text.replace("**", "").strip())
    if best is not None and composition.amount_kind:
        said = best.text.replace("**", "").strip()
        if composition.amount_kind == "egenandel":  # a share, not «hvor mye som ble …»
            return t("core.other_amount_own_share", q.language, sentence=said)
        return t("core.other_amount", q.language, kind=t(LABELS[composition.amount_kind],
                 q.language), sentence=said)
    if best is not None and composition.document_kind:
        meta = best.evidence.meta
        return t("core.other_document", q.language,
                 kind=t(f"lists.type_{composition.document_kind}", q.language),
                 title=meta.title, when=_when(meta, q), sentence=best.text.replace("**", "").strip())
    if best is None or not composition.instead:
        return None
    meta = best.evidence.meta
    asked = [p.name for p in q.places] + ([_span(q)] if q.years else [])
    towns = [m.name for m in meta.municipalities][:3] if q.municipalities else []
    other = [join(towns, q.language)] if towns else [
        c for c in (meta.current_county or meta.county,) if c]
    year = title_year(meta.title) or meta.known_year
    if year:  # a call for 2026, published in 2025, is 2026's
        other.append(str(year))
    if not asked or not other:
        return None
    key = "core.claim_instead" if q.claims else "core.instead"  # «…, ikke sant?»: «Nei, …»
    return t(key, q.language, asked=" ".join(asked), other=" ".join(other),
             sentence=best.text.replace("**", "").strip())


def _when(meta: DocumentMeta, q: Question) -> str:
    """« (10. februar 2021)» after a document's title, or nothing when it is undated."""
    return f" ({format_date(meta.date, q.language)})" if meta.date else ""


def _span(q: Question) -> str:
    span = q.years
    assert span is not None
    if span.single is not None:
        return str(span.single)
    if span.last >= 9999:
        return f"{span.first}–"
    return f"{span.first}–{span.last}" if span.first > 0 else f"–{span.last}"
