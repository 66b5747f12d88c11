"""Whether a question asks what became of a municipality, or what it was made of: «Tysfjord
fins jo ikke lenger – hvilke kommuner gikk den inn i?», «Hvilke gamle kommuner ble Alver slått
sammen av?», «hvilket kommunenummer fikk den nye kommunen?», «What is Radøy called today?».
SSB's history answers it, not a document."""

from __future__ import annotations

import re

from bot.core.understand.parts import split_parts
from indexer.text.patterns import words

# «slått sammen», «samanslåinga», «merged»: a merger named, in any of the three languages
MERGER_WORDS = ("slått sammen", "slått saman", r"slegne? saman", r"\w*sammenslå\w*",
                r"\w*samanslå\w*", "merged", "mergers?")
_HISTORY = words(
    r"(?:heiter|heter|called)\b.{0,30}?\b(?:i dag|nå|no|today|now)",
    r"(?:heiter|heter) (?:den nye |den )?kommunen", r"municipality (?:is )?called",
    r"(?:hører|høyrer|tilhører|tilhøyrer|ligger|ligg|belongs?)\b.{0,30}?\b(?:i dag|nå|no|today|now)",
    *MERGER_WORDS, r"slås sammen", r"merge", r"gikk (?:\w+ )?inn i", r"gjekk (?:\w+ )?inn i",
    r"del av (?:\w+ )?(?:nå|i dag|no)", r"(?:nå|no|i dag) (?:en |ein )?del av",
    r"part of (?:\w+ )?(?:today|now)", r"(?:today|now) (?:a )?part of",
    r"kommunenummer\w*", r"kommunenr\.?", r"municipality number", r"fins ikke lenger",
    r"finnes ikke lenger", r"finst ikkje lenger", r"no longer exists?", r"ble delt", r"vart delt",
    r"\bsplit\b", r"(?:gamle|tidligere|tidlegare) (?:kommuner|kommunar)",
    r"former municipalities", r"del av dagens", r"part of today's",
    # «which county is that in today?», «kva fylke høyrer dei til no?»
    r"(?:which|what|hvilket|hvilke|kva|hva)\s+(?:county|counties|fylke|fylker)\b.{0,40}?"
    r"\b(?:i dag|nå|no|today|now)",
    # «Hva het Alver før?», «What was it called before?»
    r"(?:het|hette|heitte|called|named)\b.{0,30}?\b(?:før|tidligere|tidlegare|before|"
    r"previously|formerly)")
# what a history part asks of the places, not of their projects or documents
_OTHER = words(r"\w*prosjekt\w*", r"projects?", r"referat\w*", r"minutes", r"møte\w*",
               r"meetings?", r"rapport\w*", r"reports?", r"søk\w*", r"tilsyn\w*", r"inspect\w*",
               r"nettverk\w*", r"network\w*", r"styringsgrupp\w*")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\s+[–—-]\s+")
_ASKING = re.compile(r"\?|^\s*(?:hv|kv|kor|når|who|what|which|how|when)", re.I)


def asks_history(text: str) -> bool:
    """Every part that asks something asks the places' history (a part that only tells,
    «I referatet står det Alver og Bjørnafjorden.», asks nothing)."""
    asking = _asking(text)
    return bool(asking) and all(_HISTORY.search(p) and not _OTHER.search(p) for p in asking)


def history_asked(text: str) -> bool:
    """Some part asks the places' history, beside parts that ask something else («The 'Se
    meg' project in Kongsberg – which county is that in today, and who was the competence
    partner?»): the answer gives both."""
    return any(_HISTORY.search(p) for p in _asking(text))


def _asking(text: str) -> list[str]:
    """The pieces of the text that ask something (its sentences split into parts)."""
    pieces = [p for sentence in _SENTENCES.split(text) for p in split_parts(sentence)]
    return [p.text for p in pieces if _ASKING.search(p.text)]
