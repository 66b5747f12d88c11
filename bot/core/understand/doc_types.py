"""The kinds of document a question names: any form («referater», «guidelines»), a definite
form that points at one («i referatet»), and the one named as the answer's source («ifølge
sluttrapporten»). Part of understanding a question once.
"""

from __future__ import annotations

import re
from typing import Literal

from indexer.models import DocType
from indexer.text.patterns import words

_DOC_TYPE_WORDS: tuple[tuple[str, DocType], ...] = (
    (r"sluttrapport\w*|final reports?", DocType.SLUTTRAPPORT),
    # «tilsynene», «tilsynsbesøkene», «the inspections»: the reports are what the base holds
    # («carry out the most inspections» counts inspections, and names no report)
    (r"tilsynsrapport\w*|tilsynsbesøk\w*|tilsynene\b|tilsyna\b|inspection reports?|"
     # «fosterhjemstilsynet i Holmestrand»: one inspection by its subject (not Helsetilsynet)
     r"(?!helse)\w{4,}tilsyn(?:et|a|ene)\b|"
     r"(?:supervision|supervisory|inspection) (?:visits?|reports?)|"
     r"(?:the|these|those|our|all the) inspections\b", DocType.TILSYNSRAPPORT),
    (r"referat\w*|minutes|møtereferat\w*", DocType.REFERAT),
    (r"prosjektbeskrivels\w*|prosjektskildring\w*|project descriptions?", DocType.PROSJEKTBESKRIVELSE),
    (r"utlysning\w*|utlysing\w*|calls?(?: for (?:applications|proposals))?", DocType.UTLYSNING),
    (r"invitasjon\w*", DocType.INVITASJON),
    (r"retningslin\w*|veileder\w*|rettleiar\w*|guidelines?", DocType.RETNINGSLINJE),
)
_DOC_TYPE_PATTERNS = tuple((re.compile(rf"\b(?:{p})", re.I), t) for p, t in _DOC_TYPE_WORDS)
# «Hvilke prosjektbeskrivelser har vi ingen sluttrapport for?», «prosjekter som ikke har levert
# sluttrapport», «without a final report»: a kind of document the listed projects lack
_LACKING = re.compile(
    r"\b(?:uten|utan|ingen|inga|ikke|ikkje|mangler|manglar|without|no|not yet|lacks?|lacking)"
    r"(?:\s+\w+){0,3}?\s+(?:" + "|".join(p for p, _ in _DOC_TYPE_WORDS) + ")", re.I)


def lacking(text: str) -> frozenset[DocType]:
    """The kinds of document the question asks to be missing."""
    return frozenset(t for m in _LACKING.finditer(text) for t in doc_types(m[0]))


# A definite form points at a document: «i referatet», «retningslinjene»; «et utkast til
# retningslinjer» is a topic.
# «the Vestfold og Telemark guidelines», «the 2023 Rogaland call»: a place or year between
_BETWEEN = r"(?:[\w-]+\s+){1,4}?"
_NAMED_DOC: tuple[tuple[re.Pattern[str], frozenset[DocType]], ...] = (
    (words("referatet", "referata", "referatene", "møtereferatet", "the minutes", "minutes of",
           r"(?:its|their) minutes", rf"the\s+{_BETWEEN}minutes"),
     frozenset({DocType.REFERAT})),
    (words("retningslinjene", "retningslinene", r"(?:the|its|their) guidelines",
           rf"the\s+{_BETWEEN}guidelines"),
     frozenset({DocType.RETNINGSLINJE})),
    (words("utlysningen", "utlysinga", "utlysingen", "invitasjonen",
           r"the call( for (applications|proposals))?", rf"the\s+{_BETWEEN}call"),
     frozenset({DocType.UTLYSNING, DocType.INVITASJON})),
    (words("prosjektbeskrivelsen", "prosjektskildringa", r"(?:the|its|their) project description"),
     frozenset({DocType.PROSJEKTBESKRIVELSE})),
    (words("sluttrapporten", r"(?:the|its|their) final report", rf"the\s+{_BETWEEN}final report"),
     frozenset({DocType.SLUTTRAPPORT})),
    (words("tilsynsrapporten", "the inspection report"), frozenset({DocType.TILSYNSRAPPORT})),
)


def doc_types(text: str) -> frozenset[DocType]:
    """Every document type the text names, in any form."""
    return frozenset(t for pattern, t in _DOC_TYPE_PATTERNS if pattern.search(text))


# «både prosjektbeskrivelse og sluttrapport», «both a description and a final report»
_BOTH = re.compile(r"\b(?:både|baade|both)\b[^?.!]{0,60}?\b(?:og|and)\b", re.I)


def both_named(text: str) -> bool:
    """The kinds of document are asked together («både … og …»), not as alternatives."""
    return bool(_BOTH.search(text))


# «Hva er den nyeste sluttrapporten vi har?», «What's the newest call for applications?»,
# «det eldste referatet»: one document asked for by its date, not by what it says («den første
# utlysningen» is the first of a call's versions, not the oldest call)
_EXTREME = re.compile(
    r"\b(?:(?P<new>nyeste|nyaste|seneste|siste|sist\s+publiserte|newest|latest|most\s+recent)|"
    r"(?P<old>eldste|oldest|earliest))\s+"
    r"(?:sluttrapport(?:en)?|referat(?:et)?|møtereferat(?:et)?|utlysning(?:en)?|utlysinga|"
    r"prosjektbeskrivelse(?:n)?|prosjektskildringa|tilsynsrapport(?:en)?|retningslinje(?:n|ne)?|"
    r"veileder(?:en)?|final\s+report|minutes|call(?:\s+for\s+(?:applications|proposals))?|"
    r"project\s+description|inspection\s+report|guidelines?)\b"
    r"(?!\s+(?:fra|frå|from|of|om|about|i|in)\s+(?:møtet|the meeting))", re.I)


# «det eldste og det nyeste møtereferatet», «the oldest and newest minutes»: both ends asked
_BOTH_ENDS = re.compile(
    r"\b(?:eldste|oldest|earliest|nyeste|nyaste|newest|latest)\s+(?:og|and|eller|or)\s+"
    r"(?:det\s+|den\s+|dei\s+|de\s+|the\s+)?(?:eldste|oldest|earliest|nyeste|nyaste|newest|"
    r"latest)\b", re.I)
_KIND_AFTER = 40  # how far after «eldste og nyeste» the kind of document is named


def extreme_document(text: str) -> Literal["", "newest", "oldest", "both"]:
    """"newest" or "oldest" when the question asks for one document of a kind by its date,
    "both" when it asks for the two ends."""
    ends = _BOTH_ENDS.search(text)
    if ends and doc_types(text[ends.end():ends.end() + _KIND_AFTER]):
        return "both"
    match = _EXTREME.search(text)
    if not match:
        return ""
    return "newest" if match["new"] else "oldest"


# «Når var siste møte i hvert av nettverkene?», «the latest minutes of each network»
_LATEST_EACH = re.compile(
    r"\b(?:siste|sist|nyeste|nyaste|seneste|latest|last|most\s+recent|newest)\s+"
    r"(?:møte\w*|samling\w*|referat\w*|meetings?|minutes|gatherings?)\s+"
    r"(?:\S+\s+){0,2}?(?:hvert|hver|kvart|kvar|each|every|alle|all)\s+(?:av\s+|of\s+)?"
    r"(?:the\s+|de\s+|dei\s+)?\w*(?:nettverk\w*|networks?|styringsgrupp\w*|grupp\w*|groups?)",
    re.I)


def latest_each_network(text: str) -> bool:
    """The newest minutes of every network, one row each."""
    return bool(_LATEST_EACH.search(text))


# «Hvilke nettverk hadde møter i 2023?», «Which steering groups met in 2023?»: the minutes
# of those meetings answer it, one row each
_GROUPS_MET = re.compile(
    r"\b(?:hvilke|hvilken|kva|kva\s+for|which|what)\s+(?:\w+\s+)?(?:\w*nettverk\w*|"
    r"\w*styringsgrupp\w*|\w*ressursgrupp\w*|networks?|(?:steering|resource)\s+groups?|grupper|"
    r"gruppene|gruppa|groups)\s+(?:(?:hadde|har|holdt|heldt|had|have|held)\s+(?:\w+\s+)?"
    r"(?:møte\w*|samling\w*|meetings?|gatherings?)|(?:møttes|møtte|møtest|met|gathered)\b)",
    re.I)


def groups_met(text: str) -> bool:
    """Which networks or groups met (in a year or place): their minutes are the rows."""
    return bool(_GROUPS_MET.search(text))


# «Hvilke nettverk har ikke noe referat nyere enn 2022?», «Which networks have not met since
# 2023?», «nettverk utan møte etter 2021»: the networks whose newest minutes are that old
_QUIET = re.compile(
    r"\b(?:\w*nettverk\w*|networks?)\b[^?.!]{0,40}?\b(?:ikke|ikkje|ingen|inga|no|not|"
    r"without|uten|utan|never|aldri)\b[^?.!]{0,40}?\b(?:(?P<newer>nyere\s+enn|nyare\s+enn|"
    r"newer\s+than|etter|after|later\s+than)|(?P<since>siden|sidan|since))\s+(?P<year>(?:19|20)\d\d)\b",
    re.I)


def quiet_since(text: str) -> int | None:
    """The last year a network's newest minutes may be from, when the question asks which
    networks have none newer: «nyere enn 2022» → 2022, «siden 2022» → 2021."""
    m = _QUIET.search(text)
    if m is None:
        return None
    return int(m["year"]) - (1 if m["since"] else 0)


def named_doc_types(text: str) -> frozenset[DocType]:
    """Types of a document the text points at («i referatet», «the guidelines»)."""
    found: set[DocType] = set()
    for pattern, types in _NAMED_DOC:
        if pattern.search(text):
            found |= types
    return frozenset(found)


# «ifølge sluttrapporten», «according to its final report»: the kind of document to answer from
_CITED = re.compile(r"\b(?:ifølge|i følge|ifølgje|i følgje|according to|as stated in)\s+(?P<doc>.{0,40})",
                    re.I)


# «Hva viste sluttrapporten …?», «What did the final report say …?»: the document is asked
_DOC_AFTER = r"(?P<doc>(?:(?:the|its|their)\s+)?\S+(?:\s+\S+)?)"
_SAYS = re.compile(r"\b(?:hva|kva|what)\s+(?:(?:does|did|do)\s+)?(?:viste|viser|sier|seier|sa|"
                   r"skriv|skreiv|skrev|står det i|stod det i|sto det i|konkluderte|konkluderer|"
                   r"show|shows|showed|say|says|said|conclude|concluded)\s+" + _DOC_AFTER
                   + r"|\bwhat\s+(?:does|did|do)\s+(?P<subject>(?:\S+\s+){0,3}?\S+)\s+"
                   r"(?:say|show|conclude|state|find)\b", re.I)
# «sluttrapporten fra «Neste steg»», «the minutes from 31 January»: one document by its origin
_FROM = re.compile(r"(?P<doc>(?:\b(?:the|its|their)\s+)?(?:\w+\s+)?\w+)\s+(?:fra|frå|from)\s",
                   re.I)


# «Hva fant Statsforvalteren i tilsynet med …?», «What did the inspection of Voss find?»: what
# an inspection found is only in its report («Hva skjer hvis tilsynet finner lovbrudd?» asks
# the rules)
_INSPECTION = words(r"\w*tilsyn\w*", r"inspect\w*")
_FINDINGS = words("fant", "fann", "funnet", "find", "found", r"findings?", r"konklu\w*",
                  r"conclu\w*", r"avdekk\w*", r"lovbrudd\w*", r"lovbrot\w*", r"avvik\w*",
                  r"breach\w*", r"violations?")
_IF = words("hvis", "om", "dersom", "viss", "if", "when", "når")


def cited_doc_types(text: str) -> frozenset[DocType]:
    """Types of document the text names as the source of the answer: «ifølge sluttrapporten»,
    «hva viste sluttrapporten», «sluttrapporten fra …», and what an inspection found."""
    cited = frozenset(kind for pattern in (_CITED, _SAYS, _FROM)
                      for match in pattern.finditer(text)
                      for kind in named_doc_types(match["doc"] or match["subject"]))
    found = _FINDINGS.search(text)
    if found and _INSPECTION.search(text) and not _IF.search(text[:found.start()]):
        cited |= {DocType.TILSYNSRAPPORT}
    return cited


# not «siden» alone, which is «since»
_WEB_PAGE = words("page", "web page", "webpage", "website", r"nettsid\w*", "nettstaden",
                  r"denne\s+sida", r"denne\s+siden")


def names_web_page(text: str) -> bool:
    """«the Trøndelag learning network page», «nettsida til KS»: a page from the web is asked."""
    return bool(_WEB_PAGE.search(text))
