"""Sentences about another year or place than the question names: stated as the answer, they
would give another year's deadline or another county's figure as the one asked for. Not a
quality gate: the refusal still says what there is, and for which year or place.
"""

from __future__ import annotations

import re

from bot.core.fit import place_fit, title_year
from bot.core.question import Question
from bot.facts.answer_types import YEAR
from bot.facts.candidates import Candidate
from bot.facts.features import QuestionView, names_present, names_said
from bot.facts.holds import holds_types
from bot.facts.words import matches
from indexer.models import DocType
from indexer.store.lexical import tokenize


def about_another_place(question: Question, cand: Candidate) -> bool:
    """The question names a place, and the sentence comes from a document about another place
    without naming the asked one: stating it would give another place's figure as this one's.
    Not a quality gate: the refusal still says what there is, and for which place."""
    if not question.places:
        return False
    groups = [set(place.all_names) for place in question.places]
    if place_fit(question, cand.evidence.meta) < 0 and not names_said(groups, cand):
        return True
    return titled_another_place(question, cand)


def titled_another_place(question: Question, cand: Candidate) -> bool:
    """«Hva ble konklusjonen for Nav Sogndal i 2019?» asked of «Rapport frå tilsyn med Nav
    Leikanger … 2019»: a report titled for its municipality speaks of that one, and Sogndal,
    inspected beside it that year and one municipality with it only since, was another then.
    Its sentences are the titled one's, even one listing the asked place among those inspected.
    Asked of a year after the merger, or with no year, today's municipality covers its former
    ones; asked of the titled one too, the report is an answer."""
    meta, span = cand.evidence.meta, question.years
    if span is None or span.single is None or meta.date is None or span.single > meta.date.year:
        return False
    if meta.doc_type == DocType.REFERAT:
        return False  # a network's meeting is no one municipality's
    titled = [m for m in meta.municipalities
              if re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", meta.title)]
    if not titled or any(m.kommunenummer in m.current_numbers for m in titled):
        return False  # not titled, or titled with a municipality that is still what it was
    numbers = {m.kommunenummer for m in titled}
    towns = [p for p in question.places if p.kind == "municipality"]
    if any(set(p.own_numbers) & numbers for p in towns):
        return False  # «Sogndal, Leikanger og Balestrand»: the titled one is asked too
    return any(set(p.own_numbers) - set(p.numbers) for p in towns)


def about_another_year(question: Question, cand: Candidate) -> bool:
    """«Søknadsfristen for 2025?» answered by «Søknadsfrist for 2023: 24. mars 2023»: the
    sentence names years, none of them the one asked, and neither its document's date
    nor its title and headings name it. Stated, it would give another year's figure as this
    year's; the refusal says what there is instead."""
    span = question.years
    if span is None or span.single is None:
        return False
    years = {int(y) for y in YEAR.findall(cand.text)}
    meta = cand.evidence.meta
    if not years:
        return headed_another_year(span.single, cand) or dated_later(question, span.single, cand)
    if span.single in years:
        return False
    if _ties_own_year(cand.text):
        # «For 2019 fikk Agder …» under «Stimuleringsmidler 2020», «Statsforvalterne skal i
        # 2023 gjennomføre …» in a guide for 2022–2023: that year's figure, whatever the title
        return True
    if meta.known_year == span.single:
        return False
    return str(span.single) not in cand.context


def dated_later(question: Question, year: int, cand: Candidate) -> bool:
    """«Hva fant statsforvalteren i Lunner i 2018?» asked of a 2021 report: a sentence naming
    no year, in a document dated after the year asked whose passage and headings never name
    it, tells of its own time, not of the year asked. The year is one part's, not the others'
    («Hvem samarbeider de med, og hvor mange meldinger fikk de i 2020?»): only where the first
    part names it and no later part asks a kind of fact of its own."""
    known = cand.evidence.meta.known_year
    first, *later = question.parts or (None,)
    asked_of_year = first is None or (first.years is not None and first.years.single == year
                                      and not any(part.answer_types for part in later))
    return (asked_of_year and known is not None and year < known
            and str(year) not in cand.evidence.chunk.text and str(year) not in cand.context)


_HEADING_LINE = re.compile(r"^#{1,6}\s+(.+)$", re.M)


def headed_another_year(year: int, cand: Candidate) -> bool:
    """«Statsforvalteren i Nordland | 3» under «### Volumkrav 2023», asked of 2022: a sentence
    naming no year is the year of the heading right above it, when that heading names one."""
    above = _HEADING_LINE.findall(cand.evidence.chunk.text[: cand.start])
    heading = above[-1] if above else (cand.evidence.chunk.heading_path or [""])[-1]
    years = {int(y) for y in YEAR.findall(heading)}
    return bool(years) and year not in years


# A year the sentence ties its own figure to («For 2019 fikk …», «skal i 2023 gjennomføre …»),
# not one it compares with («tilsvarende som i 2019», «mer enn i 2019», «fra og med 2019»).
_OWN_YEAR = re.compile(r"(?P<before>\w*)[\s,]*\b(?:for|i|in|per|pr\.?)\s+(?:19|20)\d\d\b", re.I)
_COMPARED = frozenset("enn som med sammenlignet samanlikna siden sidan fra frå etter før til "
                      "than as since after before from to like".split())


def _ties_own_year(text: str) -> bool:
    return any(m["before"].casefold() not in _COMPARED for m in _OWN_YEAR.finditer(text))


def titled_another_year(view: QuestionView, cand: Candidate) -> bool:
    """«Søknadsfristen i Rogaland for 2024?» answered from «Utlysning av stimuleringsmidler
    2023» by a sentence that does not say what was asked («… kan overføres til 2024»): the
    document is another year's, whatever years its sentences mention."""
    span = view.question.years
    rarest = view.parts[0].rarest
    if span is None or span.single is None or not rarest:
        return False
    year = title_year(cand.evidence.meta.title)
    return (year is not None and year != span.single
            and not matches(rarest, frozenset(tokenize(cand.text))))


def elsewhere(view: QuestionView, cand: Candidate) -> bool:
    """The sentence is about another year or place than the question names."""
    question = view.question
    return (about_another_year(question, cand) or about_another_place(question, cand)
            or titled_another_year(view, cand))


def named_later(view: QuestionView, cand: Candidate) -> bool:
    """The sentence is about another year, or another place, than the question names, and only
    a later part names it: «…, og hvor mange meldinger fikk de i 2020?» asks that year of the
    count, not of what the first part asks."""
    if len(view.parts) < 2:
        return False
    question, first = view.question, view.parts[0].part.text.casefold()
    year = about_another_year(question, cand) or titled_another_year(view, cand)
    place = about_another_place(question, cand)
    if year == place:
        return False  # both, or (by the caller) neither
    names = ([str(y) for y in YEAR.findall(question.standalone)] if year else
             [name for p in question.places for name in p.all_names])
    return not any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", first) for n in names)


def typed_and_named(view: QuestionView, asked: list[Candidate], others: list[Candidate]
                     ) -> bool:
    """«How much did Hordaland get in 2018, and when …?»: a sentence of the asked year and
    place names the place and holds the kind of fact asked, and no other year's sentence holds
    that kind: the other year's sentence is an extra, not where the answer lies."""
    main = view.parts[0]
    return bool(main.types and view.names) and not any(holds_types(main, c) for c in others) \
        and any(holds_types(main, c) and names_present(view.names, c) == 1.0 for c in asked)
