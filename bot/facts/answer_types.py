"""Does a sentence hold the kind of fact a question part asks for (a date, a number, a
person, a place)? The question side of this is `bot.core.understand.parts`.
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.core.understand.kinds import DURATION_SAID
from indexer.text.dates import find_dates
from indexer.text.patterns import words
from indexer.text.people import NAME_LIKE, OFFICE_FIRST, PLACE_FIRST

DATE, NUMBER, AMOUNT, PERSON, PLACE, LAW = "date", "number", "amount", "person", "place", "law"
DURATION = "duration"
REASON = "reason"
CONTACT = "contact"
_CHECKED = {AnswerType.DATE: DATE, AnswerType.AMOUNT: AMOUNT, AnswerType.COUNT: NUMBER,
            AnswerType.PERSON: PERSON, AnswerType.PLACE: PLACE, AnswerType.LAW: LAW,
            AnswerType.DURATION: DURATION, AnswerType.REASON: REASON,
            AnswerType.CONTACT: CONTACT}
# «fordi», «Grunnen er at», «på grunn av», «because»: a sentence that gives a reason
_REASON = words("fordi", "derfor", "grunnen", "årsaken", "årsaka", "skyldes", "skuldast",
                "på grunn av", "ettersom", "because", "due to", "the reason")


def checked_types(types: tuple[AnswerType, ...]) -> list[str]:
    """The asked types a sentence can be checked for (yes/no and lists have no mark)."""
    return list(dict.fromkeys(_CHECKED[t] for t in types if t in _CHECKED))

# «12. mai», and the days of a span or pair before it: «10. og 11. november», «19.–20. april»
_MONTH = re.compile(r"\b(?:\d{1,2}\.?\s*(?:og|and|til|[–-])\s*)?\d{1,2}\.\s*(januar|februar|"
                    r"mars|april|mai|juni|juli|august|september|oktober|november|desember)\b",
                    re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year in running text
_NUMBER = re.compile(r"(?<![\d.])\d+(?:[  ]\d{3})*(?![\d])")
# Counts and amounts written in words («åtte ganger», «to eller flere», «fire hovudtema»).
_NUMBER_WORD = re.compile(r"\b(to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tjue|tretti|"
                          r"førti|femti|hundre|tusen|millioner|millionar|million|milliarder|"
                          r"milliardar|mrd|halvparten|dobbelt|two|three|four|five|six|seven|"
                          r"eight|nine|ten|twelve|twenty|hundred|thousand)\b", re.I)
# An amount is money, a share or a large figure: «1 800 000 kr», «20 prosent», «2,1 mrd.»,
# «fire millioner»; not the «5» of «Statsforvalteren i Vestland | 5» asked «hvor mye fikk …».
_AMOUNT = re.compile(r"\d\s*(?:kr\b|kroner|nok\b|%|prosent|percent|mill|mrd|milliard|billion|"
                     r"tusen|thousand)|\b\d{1,3}(?:[  .]\d{3})+\b|\b\d{5,}\b|\b(?:kr\.?|NOK)\s*\d|"
                     r"\b(?:millioner|millionar|million|milliarder|milliardar|tusen|hundre)\b",
                     re.I)
# «hvem er vertskommune?» is answered by an organisation: «Klepp kommune», «RVTS Sør», «Bufdir»
_ORG = re.compile(r"\b(Bufdir|Bufetat|Statsforvalteren|Statsforvaltaren|Fylkesmannen|"
                  r"[A-ZÆØÅ][a-zæøå]?[A-ZÆØÅ]+|Familiesenteret|Universitetet|Høgskulen|Høgskolen|"
                  r"[A-ZÆØÅ][a-zæøå]+ kommune)\b")
_LAW = re.compile(r"§|\b\d{1,2}-\d{1,2}(?:\s?[a-f])?\b|\b(?:kapittel|kap\.)\s?\d", re.I)
# «55 57 22 33», «+47 907 12 345», «fmhobcf@fylkesmannen.no»
_CONTACT = re.compile(r"(?:\+47\s?)?\b(?:\d{2}(?:\s?\d{2}){3}|\d{3}\s\d{2}\s\d{3})\b|"
                      r"[\w.-]+@[\w-]+(?:\.[\w-]+)+")
# «i Bodø», «på Gardermoen», and for «hvilke kommuner?» the municipalities named: «tilsyn med
# kommunane Sogndal, Leikanger og Balestrand», «the municipalities of Hamar and Løten»
_PLACE = re.compile(r"\b(i|på|frå|fra|in|at)\s+[A-ZÆØÅ][a-zæøå]+|\bsentrum\b|Statens hus|"
                    r"\b(?:kommun(?:e|en|ene|ane|ar|er)|municipalit(?:y|ies)(?: of)?)\s+[A-ZÆØÅ]")


def has_type(sentence: str, kind: str) -> bool:
    if kind == DATE:
        return bool(find_dates(sentence) or _MONTH.search(sentence) or YEAR.search(sentence))
    if kind == NUMBER:
        return _has_number(sentence)
    if kind == AMOUNT:
        return _has_number(sentence) and bool(_AMOUNT.search(sentence))
    if kind == PERSON:
        return bool(NAME_LIKE.search(sentence) or _ORG.search(sentence))
    if kind == PLACE:
        return bool(_PLACE.search(sentence))
    if kind == LAW:
        return bool(_LAW.search(sentence))
    if kind == DURATION:  # «to år», or the span itself: «1. april 2025 – 31. mars 2027»
        return bool(DURATION_SAID.search(sentence)) or len(find_dates(sentence)) >= 2
    if kind == REASON:
        return bool(_REASON.search(sentence))
    if kind == CONTACT:
        return bool(_CONTACT.search(sentence))
    return False


def dated(sentence: str, known_years: frozenset[int]) -> bool:
    """The sentence says when: a date, a month, or a year the question did not name itself
    («… i 2018 fått tildelt 650 000 kr» does not say when in 2018 the meeting was)."""
    if find_dates(sentence) or _MONTH.search(sentence):
        return True
    return any(int(year) not in known_years for year in YEAR.findall(sentence))


def names_person(sentence: str) -> bool:
    """The sentence names a person by first and last name, not a place written like one."""
    return any(" " in m.group() and m.group().split()[0].split("-")[0] not in
               PLACE_FIRST | OFFICE_FIRST
               and not sentence[m.end():].lstrip().startswith("kommune")
               for m in NAME_LIKE.finditer(sentence))


def _has_number(sentence: str) -> bool:
    """A count or an amount, not the day of a date nor a year: «Prosjektperiode: 1. oktober
    2023» does not answer «Hvor mye fikk de?»."""
    spans = [(d.start, d.end) for d in find_dates(sentence)]
    spans += [m.span() for m in _MONTH.finditer(sentence)]
    plain = sentence
    for start, end in spans:
        plain = plain[:start] + " " * (end - start) + plain[end:]
    if any(not YEAR.fullmatch(n) for n in _NUMBER.findall(plain)):
        return True
    return bool(_NUMBER_WORD.search(plain))
