"""Each county's money for its learning networks, year by year («Hvor store rammer har
fylkesmennene hatt?»): the sentences that state a frame («Fylkesmannen i Vestland har fått
1 150 000 kr til læringsnettverkene i fylket for 2020», «Samlet ramme for 2023 er 2 400 000
kr»), quoted and cited, one row each, oldest first.

Read at question time from the chunks a lexical search finds for frame words, so the table
costs one search whatever the size of the corpus; a question naming counties or years keeps
only their rows. With no frame sentence found the question goes on to the fact answerer.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from bot.core.cite import CitationBook, render
from bot.core.context import CoreContext
from bot.core.fit import title_years
from bot.core.models import Answer, AnswerSentence
from bot.core.question import Question
from bot.i18n import t
from indexer.models import Chunk, DocumentMeta
from indexer.text.places import Gazetteer
from indexer.text.sentences import split_sentences

SEARCH = ("ramme rammer samlet læringsnettverk læringsnettverkene fått tildelt fordelt fylket "
          "kr kroner stimuleringsmidler")
CHUNKS = 60  # chunks read for frame sentences, best lexical match first
# a sum of money: «1 150 000 kr», «900.000,-», «1,2 millionar kroner», «fire millioner kroner»
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[ .\u00a0]\d{3})+(?!\d)|\b\d+(?:,\d+)?\s*mill\w*|"
                     r"\b(?:to|tre|fire|fem|seks|sju|åtte|ni|ti)\s+million\w*", re.I)
_GIVEN = re.compile(r"\b(?:ramme\w*|fått|fikk|fekk|tildelt|fordelt|til fordeling)\b", re.I)
_NETWORKS = re.compile(r"\b(?:ramme\w*|læringsnettverk\w*|fylket|til sammen|til saman|"
                       r"prosjekt(?:er|a|ar)? i)\b", re.I)
# a project's grant, an application, a ceiling or a share: not the county's frame
_NOT = re.compile(r"^\W*(?:\w+\s+){0,2}(?:av\s+)?(?:prosjekt\w*|kommunen|kommunene|kommunane)\b|"
                  r"\b(?:søk\w*|inntil|egenandel\w*|eigendel\w*|ubrukt\w*|per prosjekt|brukt|"
                  r"brukte|forbruk\w*)\b", re.I)  # «Tre av prosjektene …», «Det er brukt …»
_OWN_YEAR = re.compile(r"\b(?:for|i|in)\s+((?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class Frame:
    year: int | None
    county: str | None
    sentence: str
    chunk: Chunk
    meta: DocumentMeta


def try_answer(question: Question, ctx: CoreContext) -> Answer | None:
    """The frames table for a frames question that finds any; None otherwise."""
    if not question.frames:
        return None
    started = time.perf_counter()
    found = [f for f in frames(ctx) if _asked(question, f)]
    if not found:
        return None
    lang, book = question.language, CitationBook()
    rows = [AnswerSentence(text=t("lists.frame_row", lang, year=f.year or "–",
                                  county=f.county or "–", sentence=f.sentence),
                           citations=[book.cite(f.chunk, f.meta, f.sentence)]) for f in found]
    sentences = [AnswerSentence(text=t("lists.frames", lang, count=len(found))), *rows]
    answer = Answer(question=question.text, answer=render(sentences, "\n"), language=lang,
                    kind="list", sentences=sentences, citations=book.citations)
    answer.timings_ms["frames_ms"] = (time.perf_counter() - started) * 1000
    return answer


def frames(ctx: CoreContext) -> list[Frame]:
    """Every frame sentence the visible documents hold, oldest first, each stated once."""
    metas = {m.doc_id: m for m in ctx.store.documents()}
    lexical = ctx.store.lexical()
    hits = lexical.search(SEARCH, CHUNKS, lexical.chunks_of(metas))
    chunks = ctx.store.chunks([chunk_id for chunk_id, _ in hits])
    gazetteer = ctx.gazetteer
    found: dict[tuple[int | None, str | None, str], Frame] = {}
    for chunk in chunks.values():
        meta = metas.get(chunk.doc_id)
        if meta is None:
            continue
        for sentence in split_sentences(chunk.text):
            text = sentence.text.strip(" -*|")
            if is_frame(text):
                frame = frame_of(text, chunk, meta, gazetteer)
                amount = _AMOUNT.findall(text)[-1]
                found.setdefault((frame.year, frame.county, amount), frame)
    return sorted(found.values(), key=lambda f: (f.year or 0, f.county or ""))


def is_frame(sentence: str) -> bool:
    """The sentence gives a sum of money to a county's learning networks."""
    return bool(_AMOUNT.search(sentence) and _GIVEN.search(sentence)
                and _NETWORKS.search(sentence) and not _NOT.search(sentence))


def frame_of(sentence: str, chunk: Chunk, meta: DocumentMeta, gazetteer: Gazetteer) -> Frame:
    """The year the sentence ties its sum to («for 2020», «i 2018»), else the year its
    document's title names (a call for 2027), else the document's; the county it names, else
    its document's."""
    own, said, titled = _OWN_YEAR.search(sentence), title_years(sentence), title_years(meta.title)
    year = (int(own[1]) if own else min(said) if said
            else min(titled) if len(titled) == 1 else meta.known_year)
    named = gazetteer.find_counties(sentence)
    county = named[0] if named else meta.county or meta.current_county
    return Frame(year, county, sentence, chunk, meta)


def _asked(question: Question, frame: Frame) -> bool:
    """The counties and years the question names, if any."""
    if question.years and (frame.year is None or frame.year not in question.years):
        return False
    if not question.counties:
        return True
    names = {frame.county, frame.meta.county, frame.meta.current_county}
    return any(names & place.all_names for place in question.counties)
