"""Is a fact asked of each document of a kind? «Hvor stor egenandel krever de ulike
statsforvalterne?», «Compare the calls …», «Hvilke av tilsynsrapportene fant lovbrudd?»,
«Hvilke sluttrapporter har vi, og hvor mye fikk de?»: one answer per document, not one answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.question import AnswerType, Intent, Part
from bot.core.understand.amounts import EXTREME
from bot.core.understand.kinds import answer_types
from bot.core.understand.parts import split_parts
from indexer.models import DocType

_EACH = re.compile(
    r"\b(de ulike|dei ulike|de forskjellige|dei forskjellige|"
    r"(?:ulike|forskjellige) (?:fylke\w*|kommun\w*|statsforvalt\w*|utlys\w*|retningslin\w*)|"
    r"(?:hver|kvar)(?:t)? (?:av|enkelt|fylke|dokument\w*|prosjektbeskriv\w*|prosjektskildr\w*|"
    r"sluttrapport\w*|utlys\w*|referat\w*|retningslin\w*|tilsynsrapport\w*)|each|every|"
    r"per fylke|per county|fylke for fylke|sammenlign\w*|samanlikn\w*|compar\w*|"
    # «Egenandelskravet varierer mellom fylkene – hva kreves hvor?»
    r"varierer|varierte|variere|varierar|varies|vary|varied|(?:fra|frå) fylke til fylke|"
    r"from county to county|mellom fylk(?:ene|a)|between (?:the )?counties|"
    r"the (?:different|various|respective)|"
    r"across (?:all|the)|hvilke av (?:de|dei|dem|disse|desse|\w+(?:ene|ane|a))|"
    r"kva for (?:nokre )?av|forskjell\w* (?:på|mellom)|skilnad\w* (?:på|mellom)|"
    r"differences? between|differ|which of (?:the|them|these))\b", re.I)
# Words that say which documents and that each is asked: no evidence within one document.
_SET_WORDS = re.compile(
    r"\b(?:utlys\w*|retningslin\w*|sluttrapport\w*|referat\w*|prosjektbeskrivels\w*|"
    r"prosjektskildring\w*|tilsynsrapport\w*|dokument\w*|calls?|guidelines?|final reports?|"
    r"minutes|documents?|reports?|vi har|dere har|de har|i basen|i kunnskapsbasen|we have|"
    r"in the knowledge base|til sammen|totalt|in total|in each|i hver\w*|i kvar\w*|"
    r"(?:de|dei|the) (?:ulike|forskjellige|different)|ulike|forskjellige|different|hver|kvar|"
    r"each|every|alle|all|"
    # who issued them: «de ulike statsforvalterne», «fylkenes ordninger», «the counties»
    r"statsforvalter(?:ne|ane|s)?|statsforvaltar(?:ane|ar)?|fylkesmennene|fylkesmenn|"
    r"fylk(?:ene|enes|a|as)|county governors|counties|county)\b",
    re.I)
# what is left dangling when the set words go: «… krever i og»
_DANGLING = re.compile(r"(?:\s+\b(?:i|og|eller|fra|frå|for|av|på|in|and|or|from|of|for|on))+"
                       r"\s*(?=[?.!]?\s*$)", re.I)
_PLURAL_KIND = re.compile(
    r"\b(?:retningslin(?:jene|jer|ene|er|ane|ar)|utlys(?:ningene|ninger|ingane|ingar)|"
    r"referat(?:ene|a|ane)|sluttrapport(?:ene|er|ane|ar)|prosjektbeskrivelse(?:ne|r)|"
    r"prosjektskildring(?:ane|ar)|tilsynsrapport(?:ene|er|ane|ar)|tilsyn(?:ene|a)|"
    r"tilsynsbesøk(?:ene|a)|guidelines|calls|final reports|project descriptions|inspections|"
    r"inspection reports)\b", re.I)
# «Lag en (kronologisk) oversikt over når tilsynene fant sted»: one row per document asked.
_OVERVIEW = re.compile(r"\b(?:oversikt|oversyn|overview|kronologisk|chronological\w*|"
                       r"tidslinje|timeline)\b", re.I)
# «Hvilke tilsynsrapporter finnes i basen»: a first part that only asks which there are.
_LISTING = re.compile(r"^\s*(?:hvilke|kva for(?: nokre)?|which|what)\b[^,;]{0,60}?\b"
                      r"(?:finnes|fins|finst|har (?:vi|dere|du)|ligger|do we have|are there)\b"
                      r"[^,;]{0,25}$", re.I)
_LISTING_WORDS = re.compile(r"\b(?:hvilke|hvilket|kva|for|nokre|which|what|prosjekt\w*|"
                            r"project\w*|har|hadde|have|has|vi|we|dere|det|de|dei|the|som|"
                            r"finnes|fins|i|om|av|med|of|in|on|about)\b", re.I)
_CONTENT = re.compile(r"\b\w{4,}\b")
_FACT_IN_EACH = re.compile(rf"\b(?:over|of)\s+(?:the\s+)?[\w-]+\s+(?:i|in|fra|frå|from|for)\s+"
                           rf"(?:the\s+|alle\s+|all\s+)?{_PLURAL_KIND.pattern}", re.I)
# «Hvilke utlysninger er fortsatt åpne?»: each call's deadline says whether it is.
_STILL_OPEN = re.compile(r"\b(?:åpen|åpne|open|ope|opne)\b", re.I)
# «Hvilke av tilsynsrapportene endte med lovbrudd?»: which of them says something, not a listing
_WHICH_OF = re.compile(r"\b(?:hvilke|hvilken|hvilket|kva for(?: nokre| ein| eit)?|which) (?:av|of)\b",
                       re.I)
# «…? Er det forskjell på Viken og Trøndelag?»: how they differ is read off the rows together
_COMPARED = re.compile(r"\b(?:forskjell\w*|skilnad\w*|differences?|differ|sammenlign\w*|"
                       r"samanlikn\w*|compar\w*)\b", re.I)
# Documents that are not projects: a comparison of them is no catalogue question.
_NOT_PROJECTS = frozenset({DocType.UTLYSNING, DocType.RETNINGSLINJE, DocType.REFERAT})


# «i de ulike fylkene», «hver statsforvalter», «per county»: each county's own documents
_PER_COUNTY = re.compile(r"\b(?:fylk(?:e|ene|a|er|ar)|statsforvalter(?:ne|e)?|statsforvaltar(?:ane|ar)?|"
                         r"fylkesmennene|counties|county governors|per county)\b", re.I)


def per_county(text: str) -> bool:
    """Asked of each county («Hvor stor egenandel kreves i de forskjellige fylkene?»): the
    documents to ask are those of a county, not a national page that shares a word."""
    return bool(_EACH.search(text) and _PER_COUNTY.search(text))


def asks_each(text: str, intent: Intent, doc_types: frozenset[DocType],
              parts: tuple[Part, ...], places: int = 0, filtered: bool = False) -> bool:
    """A document listing with a fact asked of every document it lists; a fact asked of
    «de ulike …» / «each …» / «compare …» documents; or of «retningslinjene» of several
    places («i Viken, Trøndelag og Møre og Romsdal»), or which of them has the most; «Hvilke
    tilsynsrapporter finnes, og fant de lovbrudd?»; «Hvilke prosjekter har målt X?» (what
    the projects did, which no theme, place, year or amount of the catalogue says: not
    `filtered`)."""
    if intent == Intent.DOCUMENTS:  # «… oversikt over søknadsfristene i utlysningene»
        return any(_beyond_ledger(p.text) for p in parts[1:] if _asks(p.text)) or bool(
            _STILL_OPEN.search(text)) or bool(
            _OVERVIEW.search(text) and _FACT_IN_EACH.search(text)) or bool(
            _WHICH_OF.search(text)) or _with_a_fact(text)
    each = bool(_EACH.search(text))
    if intent == Intent.PROJECTS:
        return (each and bool(doc_types & _NOT_PROJECTS)) or (
            not filtered and len(_CONTENT.findall(_LISTING_WORDS.sub(" ", parts[0].text))) >= 3)
    plural = bool(_PLURAL_KIND.search(text))
    several = plural and (places > 1 or bool(EXTREME.search(text)))
    listed = plural and len(parts) > 1 and bool(_LISTING.match(parts[0].text))
    overview = plural and bool(_OVERVIEW.search(text))
    held = plural and bool(_HELD.search(text))  # «… står bak tilsynsrapportene vi har i basen?»
    every = not places and bool(_ALL_OF.search(text))  # «ifølge retningslinjene», «alle referata»
    return intent == Intent.FACT and (each or several or listed or overview or held or every)


# «ifølge retningslinjene», «sjekk alle referata», «according to the guidelines»: every
# document of the kind, no place named
_ALL_OF = re.compile(r"\b(?:alle|all|ifølge|according\s+to|across)\s+(?:(?:de|dei|the)\s+)?"
                     + _PLURAL_KIND.pattern.removeprefix(r"\b"), re.I)
# the documents of a kind the knowledge base holds, all of them
_HELD = re.compile(r"\b(?:(?:som\s+)?(?:vi|dere|du)\s+har(?:\s+i\s+(?:kunnskaps)?basen)?|i\s+"
                   r"(?:kunnskaps)?basen|(?:that\s+)?we\s+have|in\s+the\s+knowledge\s+base)\b",
                   re.I)


# «… with county and application deadline»: what a listing shows of each document
_WITH = re.compile(r"\b(?:with|med|including|inkludert|inkl\.?)\s+(?P<tail>[^?.!;]+)", re.I)
# «Give me every call in the collection: county, max amount per project and the deadline»: the
# items after a colon, when they are a list and no question of their own
_COLON_ITEMS = re.compile(
    r":\s+(?P<tail>(?!(?:hva|hvor|hvilke\w*|hvem|når|kva|kor|kven|what|how|which|who|when|where|"
    r"why|is|are|do|does|er|har|kan)\b)[^?.!;:]+?(?:,|\s(?:and|og|or|eller)\s)[^?.!;:]+?)"
    r"\s*[.!]?\s*$", re.I)


def _shown(text: str) -> re.Match[str] | None:
    """What a listing is asked to show of each: «… with X and Y», «…: X, Y and Z»."""
    return _WITH.search(text) or _COLON_ITEMS.search(text)
# … of which what the ledger knows of every document is no fact to ask it
_METADATA = re.compile(
    r"\b(?:county|counties|fylke\w*|types?|dokumenttyper?|dates?|dato\w*|years?|år|årstall|"
    r"municipalit\w+|kommun\w*|titles?|tittel\w*|networks?|nettverk\w*|names?|namn|navn\w*|"
    r"the|and|og|or|eller|of|each|hver\w*|kvar\w*|its|their|sin|sine|sitt|deres|dei|them|"
    r"dem|de|i|in|for|per|sted|stad|place)\b", re.I)


def _shown_facts(tail: str) -> list[str]:
    """«county and application deadline» → [«application deadline»]; «søknadsfrist og
    beløp» → [«søknadsfrist», «beløp»]: each its own part, each row saying it."""
    items = re.split(r"\s*,\s*|\s+(?:and|og|or|eller|samt)\s+", tail)
    kept = [" ".join(w for w in item.split() if not _METADATA.fullmatch(w)) for item in items]
    # a name («… fra tiden med Hedmark og Oppland») is where, not what is shown
    return [item for item in kept if item and re.search(r"(?<!\w)[^\W\d_A-ZÆØÅ]\w{2,}", item)]


# «Si hva slags dokument og hvilket år»: asked of the listing what the ledger shows of each
_LEDGER_ASK = re.compile(r"\b(?:hva|kva|what|hvilke[nt]?|kva for|which|slags|kind|sort|si|sei|"
                         r"tell|me|meg|oss|us|give|gi|gje|show|vis|dokument\w*|documents?|"
                         r"is|are|was|were|it|er|var|det|dei|dem|de|those|they|them|"
                         # «Kva møte er det?»: which meetings, i.e. which minutes
                         r"møte\w*|meetings?|samling\w*|gatherings?|referat\w*|minutes)\b", re.I)


# «Vi har en nynorskkommune som spør.»: a later sentence that only tells, asks nothing of each
# document («Eg vil ha ei oversikt …», «We need the deadlines» still ask)
_TELLS = re.compile(r"^\W*(?:vi|jeg|eg|me|we|i|det|dette|den|de|dei|they|it|this|kommunen|"
                    r"kommunane|kommunene|vår|våre|our|my|min|mi|mitt)\b(?![^.?!]*\b(?:vil\s+ha|"
                    r"ønsker|ønskjer|trenger|treng|want|need|would\s+like|lurer|spør\s+om|"
                    r"ask|wonder)\b)", re.I)


def _asks(part: str) -> bool:
    return part.rstrip().endswith("?") or not _TELLS.match(part)


def _beyond_ledger(part: str) -> bool:
    rest = _LEDGER_ASK.sub(" ", _METADATA.sub(" ", part))
    return bool(re.search(r"[^\W\d_]{3,}", rest))


def _with_a_fact(text: str) -> bool:
    """A listing asked «with» something beyond what the ledger knows of every document."""
    match = _shown(text)
    return bool(match and _shown_facts(match["tail"]))


def asked_of_each(parts: tuple[Part, ...], intent: Intent, places: tuple[str, ...] = ()
                  ) -> tuple[Part, ...]:
    """The parts each document answers: a listing's first part («Hvilke utlysninger har vi»)
    is answered by the rows themselves, and so is which of them has the most. `places`: the
    several places the documents are of («i Viken, Trøndelag og Møre og Romsdal»), each
    document is asked without the others'."""
    listing = len(parts) > 1 and (
        intent == Intent.DOCUMENTS or bool(_LISTING.match(parts[0].text)))
    asked = tuple(p for i, p in enumerate(parts) if i != _listing_part(parts)) if listing \
        else parts
    # «Hvilke utlysninger har vi, med frist og maksbeløp?», «List every call … with the deadline
    # and the maximum amount»: what is shown of each is what each is asked
    whole = parts[0].text if len(parts) == 1 and (
        intent == Intent.DOCUMENTS or parts[0].answer_types in ((), (AnswerType.LIST,))
        or _COLON_ITEMS.search(parts[0].text)) else ""
    shown = _shown(whole)
    # «Hva var målet med de ulike ettervernsprosjektene?»: «med» names what is asked about
    facts = _shown_facts(shown["tail"]) if shown and not _ASKED_OF.search(shown["tail"]) else []
    if facts:  # «… with county and application deadline»
        asked = tuple(part for item in facts for part in split_parts(item))
    # «…? Hvilket fylke krever mest?»: which of them has the most is read off the rows
    # together, never asked of one document
    asked = tuple(p for i, p in enumerate(asked) if i == 0 or not (
        EXTREME.search(p.text) or _only_compares(p.text, places))) if len(asked) > 1 else asked
    others = places if len(places) > 1 else ()
    # «og hvilke ikke»: the same; «maks beløp og søknadsfrist»: one part for each kind of fact
    within = {(_within_one(p.text, others), p.answer_types): p for p in asked}
    # what one document is asked may read its kind of fact nearer its head («Across the county
    # guidelines, above what amount …» → «above what amount …»)
    return tuple(replace(p, text=text, answer_types=p.answer_types or answer_types(text))
                 for (text, _), p in within.items())


# the documents or projects themselves, which a «med / with» names as what is asked about
_ASKED_OF = re.compile(rf"{_PLURAL_KIND.pattern}|\b\w*(?:prosjekt(?:ene|a|ane)|projects)\b",
                       re.I)


def _only_compares(text: str, places: tuple[str, ...]) -> bool:
    """«Er det forskjell på Viken og Trøndelag?», «Samanlikn Viken og Trøndelag»: a part that
    asks nothing but how the rows differ (not «… tildelt sammenlignet med det de søkte om»)."""
    if not _COMPARED.search(text):
        return False
    for place in places:
        text = re.sub(rf"\b{re.escape(place)}\b", " ", text)
    rest = _SET_WORDS.sub(" ", _EACH.sub(" ", _COMPARED.sub(" ", text)))
    return not _CONTENT.search(re.sub(r"\b(?:det|der|dei|de|the|there|any|noen|nokon)\b", " ",
                                      rest, flags=re.I))


def _listing_part(parts: tuple[Part, ...]) -> int:
    """Which part only names the documents: the first, unless it asks a kind of fact and a
    later one asks none but names the kind («Kor stor eigendel må kommunane dekkje? Eg vil ha
    ei oversikt over alle retningslinene og utlysingane»)."""
    if parts[0].answer_types:
        for i, part in enumerate(parts[1:], 1):
            if not part.answer_types and _PLURAL_KIND.search(part.text):
                return i
    return 0


# «vi har noen tilsynsrapporter liggende, hvilke av dem …»: a clause that only names the set
_ASKING = re.compile(r"\b(?:hva|hvilke\w*|hvem|hvor\w*|når|kva|kven|kor|kvar|which|what|who|"
                     r"when|where|how)\b", re.I)
_SET_CLAUSE = re.compile(rf"^[^,?]*?{_PLURAL_KIND.pattern}[^,?]*,\s*(?=(?:og\s+|and\s+)?"
                         rf"{_ASKING.pattern})", re.I)


def _within_one(text: str, places: tuple[str, ...] = ()) -> str:
    """«Hvor stor egenandel krever de ulike retningslinjene?» as one document is asked it."""
    head = _SET_CLAUSE.match(text)
    if head and not _ASKING.search(head.group()):
        text = text[head.end():]
    for place in sorted(places, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(place)}\b,?", " ", text)
    plain = _DANGLING.sub("", " ".join(_SET_WORDS.sub(" ", _EACH.sub(" ", text)).split())
                          ).lstrip(" ,;:")
    return plain if len(plain.split()) >= 2 else text
