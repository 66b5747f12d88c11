"""What kind of answer a part of a question asks for: a date, a count, an amount, a person, a
provision of a law, a duration, a reason, a place, yes or no, or a list. Part of understanding
a question once.
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.core.understand.yes_no import asks_yes_no
from indexer.text.dates import MONTHS_NB, find_dates
from indexer.text.patterns import words

_HEAD_CHARS = 30  # «…, when asked to …» late in a clause asks for no date
_JOINED = re.compile(r"(?:\bog|\band|\bsamt|,)\s+$", re.I)  # … unless joined to what is asked
# The roles a person is asked for by («Hva heter koordinatoren?», «Who was the project leader?»)
_ROLE_NOUN = r"(?:leder|leiar|koordinator|kontaktperson|referent|rådgiver|rådgjevar)"
_ROLE_NOUN_EN = r"(?:leader|manager|coordinator|contact person|chair)"
# «Hvilke kommuner er med …?», «Which municipalities …?»: answered by naming places
_MUNICIPALITIES_ASKED = (r"(?:hvilke|hvilken|kva|which|what)\s+(?:kommuner|kommunar|kommunane|"
                         r"kommunene|municipalities|towns)")
# «når», not «når det gjelder egenandel» or «når det kommer til utstyr» (regarding: no date)
_WHEN = r"når(?!\s+det\s+(?:gjeld\w*|kom\w*\s+til|kjem\s+til))"
_ASKS: tuple[tuple[AnswerType, re.Pattern[str]], ...] = (
    (AnswerType.DATE, words(
        _WHEN, "naar", "kva dato", "hvilken dato", "hvilke dato", "dato", "datoen", "datoer",
        "datoene", "datoar", "datoane", "dates", "frist",
        r"(?:hvilke|hvilken|kva|which|what) da(?:g|ger|gar|ys?)", r"søknadsfrist\w*", "fristen",
        "when", "what date", "deadline", "sluttar", "slutter", "ends?", r"periode\w*", "period",
        "hvilket år", "kva år", "which year", "what year",
        "åpen", "åpne", "open", "ope", "opne",  # a call is open until its deadline
        # «rekker vi fortsatt å søke?», «Can we still apply?»: whether the deadline has passed
        r"rekk\w*\s+(?:vi|me|eg|jeg|de|dere|dei|kommunen)\s+(?:\w+\s+)?å\s+søk\w*",
        r"for\s+(?:seint|sent)\s+å\s+søk\w*", r"too\s+late\s+to\s+apply",
        r"still\s+(?:time\s+to\s+)?apply", r"(?:fortsatt|framleis|fremdeles|enno|ennå)\s+søk\w*")),
    (AnswerType.COUNT, words("hvor mange", "kor mange", "how many", "antall", "talet på",
                             r"(?<!phone )number of")),
    (AnswerType.AMOUNT, words(
        "hvor mye", "hvor mykje", "kor mykje", "kor mye", "how much", r"\w*beløp\w*",
        r"\w*budsjett\w*", r"hvor stor\w*", r"kor stor\w*", "what is the total",
        r"egenandel\w*", r"eigendel\w*", "prosent", "percent", r"\w*kostnad\w*", "kroner",
        r"maks\w*", r"max\w*", "inntil", r"ramme\w*", "frame", r"totalt?", r"amounts?", "how big",
        "how large", "what share", "what percentage",
        r"(?:biggest|largest|highest|lowest|smallest) (?:\w+ )?(?:share|amount|percentage|sum)",
        # what it cost: «hva kostet det totalt?», «budget versus actual spending»
        r"kost(?:et|er|a|ar)", r"forbruk\w*", "budgets?", r"costs?", "cost(?:ed|ing)",
        r"spen(?:t|ding)(?!\s+on\b)", "expenditure",  # not «what can it be spent on?»
        r"(?:i|in) (?:penger|pengar|money)")),  # «Kva søkte dei om i pengar?»
    (AnswerType.PERSON, words("hvem", "kven", "who", r"prosjektleder\w*", r"prosjektleiar\w*",
                              rf"(?:hva|kva) (?:heter|heiter|het|heitte) (?:\w+-)?\w*{_ROLE_NOUN}\w*",
                              rf"what (?:is|was) the name of the \w*\s?{_ROLE_NOUN_EN}")),
    (AnswerType.LAW, words(
        "hvor står", "kvar står", r"hvor i lov\w*", r"kvar i lov\w*", "where in the (?:law|act)",
        r"hvilken lov\w*", r"kva lov\w*", "which (?:law|act)", r"hjemmel\w*", r"heimel\w*",
        r"paragraf\w*", r"lovbestemmels\w*", r"lovparagraf\w*", r"(?:lov)?føresegn\w*",
        "which section", "what section", "which provisions?", "legal basis")),
    (AnswerType.DURATION, words(r"hvor lang\w*", r"kor lang\w*", "hvor lenge", "kor lenge", "how long",
                                r"varighet\w*", "duration", "how old", "what age", "age group", "aged",
                                r"aldersgrupp\w*", r"(?:hvor|kor) gaml\w*")),  # «til og med 24 år»
    # a number to call or an address to write to, not a «vakttelefon» or a «phone line»
    (AnswerType.CONTACT, words(r"tlf\.?(?:\s?nr\.?)?", r"telefonn(?:umme)?r\w*", r"mobilnummer\w*",
                               r"e-?post(?:adress\w*)?", r"e-?mail(?:adress\w*)?", r"mailadress\w*",
                               "phone numbers?", "telephone numbers?", "email address",
                               "e-mail address")),
    (AnswerType.REASON, words("hvorfor", "kvifor", "why", "how come", r"(?:hva|kva) skyldes",
                              r"(?:hva|kva) forklar(?:er|ar)", r"what explains?")),
    (AnswerType.PLACE, words("hvor ble", "hvor var", "hvor skal", "hvor er", "kvar vart",
                             "kvar var", "kvar skal", "kvar er", "where", "stad", "sted",
                             _MUNICIPALITIES_ASKED)),
)
# «tre år», «18 måneder», «to månader», «inntil to år», «toårig», «a two-year period»
DURATION_SAID = re.compile(
    r"\b(?:\d+|en|ett|ei|eitt|halvt|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|atten|"
    r"one|two|three|four|five|six|twelve|eighteen)[\s-]+(?:år|måneder|månader|månedar|mnd|"
    r"uker|veker|dager|dagar|years?|months?|weeks?|days?)\b|"
    r"\b(?:ett|to|tre|fire|fem)(?:årig\w*|års\w*)|\b(?:two|three|four|five)-year\b", re.I)
# A yes/no question that states a date, a duration or a count claims it («Tilsynet var i mai
# 2023, sant?», «Er overgangsperioden fortsatt to år?», «Var det 50 tilsyn?»): the sentence that
# decides it says the same kind of fact, whether it confirms the claim or corrects it.
_MONTH_SAID = re.compile(rf"\b(?:{'|'.join(MONTHS_NB)}|january|february|march|june|july|october|"
                         r"december)\b", re.I)
_COUNT_SAID = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d{1,4}\s+(?!kr\b|kroner\b|nok\b|mill)"
                         r"[^\W\d]{3,}", re.I)


_AGE = re.compile(r"\b(?:fylt|fyller|fylte|fyll|fyllt|blir|turn(?:s|ed)?|over|under|aged?)\s+"
                  r"(?:\d+|atten|eighteen)(?:\s*(?:år|years?))?", re.I)  # an age, no duration


def _claimed(part: str) -> AnswerType | None:
    part = _AGE.sub("", part)
    if find_dates(part) or _MONTH_SAID.search(part):
        return AnswerType.DATE
    if DURATION_SAID.search(part):
        return AnswerType.DURATION
    return AnswerType.COUNT if _COUNT_SAID.search(part) else None


# «Kan du liste opp …?», «Could you summarise …?»: a request asks what it names, not yes or no
_REQUEST = re.compile(
    r"^\s*(?:og\s+)?(?:(?:kan|kunne|vil|can|could|would|will)\s+(?:du|dere|de|you)\s+(?:please\s+|"
    r"vennligst\s+|gjerne\s+)?(?:liste|list|gi|gje|give|vise|show|fortel\w*|tell|oppsummer\w*|"
    r"summari[sz]e|lag[ea]|make|finn[ea]|find|si|seie|say|hjelp[ea]|help|sjekk[ea]|check|"
    r"sammenligne|samanlikne|compare|forklar[ea]|explain|beskrive|describe|nevne|nemne|name|"
    r"ramse|skriv[ea]|write|hent[ea]|fetch|gå gjennom|go through|sette opp|set out)|"
    r"(?:kan|kunne|can|could|may)\s+(?:jeg|eg|vi|i|we)\s+(?:få|get|have|see|se))\b", re.I)
# A sum the question itself states, to be checked against the sources: «over en halv million»,
# «roughly a million kroner», «500 000 kr».
_SUM_STATED = re.compile(
    r"\b(?:\d[\d  .,]*\s*(?:kr\b|kroner|nok\b|mill\w*)|(?:en|ein|a|one|halv|half a|to|two|tre|"
    r"three|fire|four)\s+(?:halv\s+)?(?:million\w*|mill\.)|millioner|millionar|million kroner)", re.I)
# «Fikk de innvilget hele beløpet de søkte om?», «Did they get what they applied for?»: the
# two sums, however late in the question
_GOT_WHAT_ASKED = re.compile(r"\b(?:fikk|fekk|got|get|received)\b[^?]{0,50}?\b(?:søkte|søkt|"
                             r"applied|asked)\b", re.I)
_PLURAL = r"(?!(?:is|was|has|does|goes|sets|says)\b)[\w-]+s\b"  # a noun, not a verb
# «which» asks a list of a plural («which measures», «which of them»), not of «which court»
_LIST = words("hvilke", "kva for nokre", rf"which\s+(?:of\b|(?:[\w-]+\s+){{0,2}}{_PLURAL})", "list",
              "liste opp", "nevn", "rams opp", "what are")
_WHAT = r"^\W*(?:hva|kva|what)\s+"
# «hvilke (kommunale) egenandeler», «which costs»: the kinds of a sum asked for, not a sum
_WHICH_KINDS = re.compile(r"\b(?:hvilke|kva for(?: nokre)?|which)\s+(?:\w+\s+)?$", re.I)
_PLURAL_NOUN = re.compile(r"(?:er|ar|ene|ane|s)$", re.I)
# «Hva gjorde Narvik og Hamarøy i prosjektet?», «What did they actually do?»: what was done
_DONE = (r"(?:(?:did|have|has)\s+.{1,60}?\s+(?:\w+\s+)?(?:do|done)|gjorde|gjennomførte|"
         r"har\s+.{1,60}?\s+(?:gjort|gjennomført))\b")
_DID = re.compile(_WHAT + _DONE, re.I)
# «Hva kan midlene brukes til?», «What can the funds be used for?»: what is allowed is a list
_MAY = r"(?:kan|skal|må|kunne|can|may|could)\b.{0,80}?\b"
_BE_USED = (r"(?:(?:brukes|brukast|nyttast|nyttes|benyttes|be used|be spent|søkes|søkjast|gå|gis|"
            r"be applied)\s+(?:til|på|om|for|on)|"
            # «Kva kan vi bruke midlane til?», «What can we spend the money on?»
            r"(?:bruke|bruka|nytte|benytte|use|spend)\b[^?,;]{1,60}?\b(?:til|på|for|on))\b")
_USES = re.compile(_WHAT + _MAY + _BE_USED, re.I)
# «Kva må ein sluttrapport innehalde?», «What must the plan contain?», «Hva består modellen
# av?»: what something holds is a list of its parts
_HOLDS = re.compile(_WHAT + r"(?:\S+\s+){0,8}?(?:inneh[oa]lde|inneheld|inneholder|contains?|"
                    r"include|(?:består|besto|bestod)\b[^?]{1,80}?\bav|consists?\s+of|"
                    # «Hva skal være med i sluttrapporten?», «What must be included in it?»
                    r"(?:være|vere|stå|ståe)\s+med\s+i|be\s+(?:included|covered)\s+in)\b", re.I)


_MUNICIPALITIES = re.compile(_MUNICIPALITIES_ASKED, re.I)


def asks_municipalities(text: str) -> bool:
    """The part asks which municipalities (`Part.municipalities`): a sentence naming none of
    them is no answer."""
    return bool(_MUNICIPALITIES.search(text))


def said_with(text: str, kind: AnswerType) -> str:
    """The piece of «maks beløp per prosjekt og søknadsfrist» that asks `kind`."""
    pattern = dict(_ASKS)[kind]
    return next((piece for piece in _PIECES.split(text) if pattern.search(piece)), text)


AND = re.compile(r"\s(?:og|and|samt|&)\s", re.I)  # «maks beløp og søknadsfrist»
_PIECES = re.compile(rf"{AND.pattern}|,\s*", re.I)

# «Hvem var prosjektleder for …?», «Kven er kontaktperson …», «Who is the project manager …»:
# the role itself is what a sentence must name to say who holds it.
_ROLE_WORD = (rf"(?P<role>(?:project\s+|contact\s+)?[\w-]*(?:(?:{_ROLE_NOUN}|ansvarlig|ansvarleg)"
              rf"(?:en|ne|a|ar|ane|e)?|{_ROLE_NOUN_EN}))\b")
_ROLE_ASKED = re.compile(
    r"\b(?:(?:hvem|kven|who)\s+(?:er|var|blir|ble|vart|har vore|har vært|is|was|were|will be)|"
    r"(?:hva|kva|what)\s+(?:heter|heitte|het|heiter|is the name of|was the name of|"
    r"er navnet på|er namnet på))\s+(?:the\s+)?" + _ROLE_WORD, re.I)

# «Hvem leder prosjektet?», «Kven leidde dei?», «Who led them?»: asked as a verb, the leader
_LEADER_ASKED = re.compile(r"\b(?:hvem|kven|who)\s+(?:leder|leier|leiar|ledet|leda|leia|leidde|"
                           r"leads|led|heads|headed)\b", re.I)


def role_asked(text: str) -> str:
    """The role whose holder the question asks for («prosjektleder», «contact person»), or ""."""
    if role := _ROLE_ASKED.search(text):
        return role.group("role").lower()
    return "leder" if _LEADER_ASKED.search(text) else ""


_TOPIC = re.compile(r"^[^?]{3,120}?(?:\s[–—-]\s|:\s)")


# «Hva er den månedlige kommunale egenandelen for …?»: the noun phrase after «hva er den» is
# what is asked, however many words describe it
_WHAT_IS_THE = re.compile(
    r"^\s*(?:hva|kva|what)\s+(?:er|var|blir|vert|is|was|will\s+be)\s+(?:den|det|dei|de|the)\s+"
    r"(?:[\w-]+\s+){0,4}?[\w-]+(?=\s+(?:for|i|på|til|av|om|med|etter|of|in|on|to|per|after)\b"
    r"|\s*[,?]|\s*$)", re.I)


def _asked_phrase_end(part: str) -> int:
    match = _WHAT_IS_THE.match(part)
    return match.end() if match else 0


def _topic_end(part: str) -> int:
    """«Prosjektet i Øygarden – hvor mye søkte de om?»: the question starts after a topic."""
    match = _TOPIC.match(part)
    return match.end() if match else 0


def answer_types(part: str) -> tuple[AnswerType, ...]:
    """The answer types in order of appearance in the part (each at most once)."""
    found: list[tuple[int, AnswerType]] = []
    head = _topic_end(part)
    request = _REQUEST.match(part[head:])  # «Can you list the dates …»: asked after the request
    late: list[tuple[int, AnswerType]] = []
    for kind, pattern in _ASKS:
        match = pattern.search(part)
        if match and kind == AnswerType.AMOUNT and _WHICH_KINDS.search(part[:match.start()]) \
                and _PLURAL_NOUN.search(match.group()):
            continue  # «Hvilke egenandeler går opp?», «Which costs are covered?»: which kinds
        if match and (match.start() - head - (request.end() if request else 0) <= _HEAD_CHARS
                      or match.start() < head + _asked_phrase_end(part[head:])):
            found.append((match.start(), kind))
        elif match and _JOINED.search(part[:match.start()]):
            late.append((match.start(), kind))
    found += late if found else []  # «maks beløp per prosjekt og søknadsfrist»
    if asks_yes_no(part[head:]) and not request:
        claimed = None if found else _claimed(part[head:])  # a date in the topic names it
        if claimed is not None:
            found.append((len(part), claimed))
        found.append((-1, AnswerType.YESNO))  # «Må kommunene betale egenandel?» decides first
    money = _SUM_STATED.search(part) or _GOT_WHAT_ASKED.search(part)
    if money and AnswerType.AMOUNT not in {kind for _, kind in found}:
        found.append((money.start(), AnswerType.AMOUNT))  # «fikk de rundt en million?»
    if (_LIST.search(part[head:head + _HEAD_CHARS]) or _USES.search(part)
            or _DID.search(part)) and not found or _HOLDS.search(part):
        found.append((0, AnswerType.LIST))  # «Hva består budsjettet av?»: its lines, with sums
    return tuple(kind for _, kind in sorted(found))
