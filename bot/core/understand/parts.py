"""The parts of a question: «Kven er prosjektleiar …, og når sluttar prosjektet?» is two parts,
a person and a date. (What kind of answer each asks for: `kinds`; the names it is about:
`names`.)"""

from __future__ import annotations

import re

from bot.core.question import AnswerType, Part
from bot.core.understand.kinds import AND, answer_types, role_asked, said_with
from bot.core.understand.yes_no import ASKING, QUESTION_WORD
from indexer.text.patterns import words

_WH = (r"hv\w+|kv\w+|kor(?:leis|for|dan)?|ka|kem|når|who|what|when|where|how|which|why")
_CLAUSE_SPLIT = re.compile(
    rf"(?:,\s*|\s+)(?:og|and|samt)\s+(?:(?:for|til|to|fra|frå|from|med|with|by|innen|within|"
    rf"on|in|at|i|på|om|about)\s+)?(?=(?:{_WH})\b)"  # «, and for how many years?», «and on what dates»
    r"|,\s*(?:og|and)\s+(?=(?:er|var|har|hadde|kan|må|skal|ble|vart|fikk|fekk|finnes|fant|"
    r"fann|nådde|gjelder|gikk|gjekk|økte|auka|gjorde|is|are|was|were|did|does|do|can|has|"
    r"have|will|rekker|rekk|får|bør|trenger|treng|should|must|may|could|skulle|kunne|måtte|"
    r"ville|burde|klarte|rakk|would)\s)"
    r"|;\s*|\?\s+(?=\S)", re.I)
_NEGATION = words("ikke", "ikkje", "not", "never", "aldri")
# «… som planlagt selv om Nordre Land ikke har sagt ja?»: a «not» in a concession is not asked
_CONCESSION = re.compile(r"\b(?:selv om|sjølv om|even if|even though|although)\b[^,;?.]*", re.I)


_WH_PAIR = re.compile(rf"^\s*({_WH})\s+(?:og|and|&)\s+({_WH})\b\s*(.*)$", re.I | re.S)
_WH_ONLY = re.compile(rf"^\s*(?:og\s+|and\s+)?({_WH})"
                      r"(?:\s+(?:da|then|exactly|egentlig|ikke|ikkje|not))?\W*$", re.I)
_LEADING_WH = re.compile(rf"^\s*(?:{_WH})\b\s*", re.I)
# «Svar kort», «Answer briefly»: how to answer, not what is asked.
_INSTRUCTION = re.compile(r"^\s*(?:svar|answer|reply|respond|keep it|be|vær|gi meg|give me)\b"
                          r".{0,40}\b(?:kort\w*|brief\w*|short\w*|concise\w*|stikkord\w*)\b",
                          re.I)
# «bare ett tall per prosjekt holder», «Årstall er nok.», «One number is enough»: a statement of
# how much answer will do, asked of nothing
_ENOUGH = re.compile(r"^[^?]{0,60}\b(?:holder|held|er nok|er greit|går fint|is enough|will do|"
                     r"is fine)\s*[.!]?\s*$", re.I)
# «Gi meg en oversikt per fylke», «Svar gjerne med éi linje per fylke»: the form, not the ask.
_FORMAT = re.compile(r"^\s*(?:gi meg|gje meg|give me|svar gjerne|answer|list|vis|show)\b.{0,40}"
                     r"\b(?:per fylke|per kommune|per county|per municipality|i en tabell|"
                     r"in a table|som (?:en )?liste|as a list|(?:én|éi|ei|en|one) linje|"
                     r"one line|punktliste|bullet)", re.I)


# «Kan du lage en oversikt?», «Could you make a table?»: how to answer, nothing asked of it
_YOU_MAKE = (r"^\s*(?:kan|kunne|can|could|vil|would)\s+(?:du|dere|you)\s+"
             r"(?:lage|lag|sette opp|setje opp|gi|gje|make|give|put)\s+(?:meg\s+|me\s+)?")
_A_FORM = (r"(?:en|ei|ein|eit|a|an)\s+(?:kort\s+|short\s+)?"
           r"(?:oversikt|oversyn|tabell|liste|overview|table|list)")
_OF_IT = r"(?:\s+(?:over\s+)?(?:det|dette|dem|dei|de|them|it|this))?\s*[?.!]*\s*$"
_MAKE_FORM = re.compile(_YOU_MAKE + _A_FORM + _OF_IT, re.I)


# «Kort punktliste», «gjerne i punktliste», «lista gjerne opp», «bullet points please»: a
# sentence of form words alone
_FORM_ONLY = re.compile(
    r"^\s*(?:(?:kort|kortfatta|gjerne|helst|bare|berre|i|som|en|ei|ein|in|as|a|short|brief|"
    r"please|takk|lista|list|them|dei|de|opp|up)\s+)*(?:punktliste|punktlista|stikkord|"
    r"liste|lista|list|bullet points?|bullets|opp|up|please|kort|briefly|short|takk)"
    r"(?:\s+(?:takk|please|opp|up))?\s*[.!?]*\s*$", re.I)


def split_parts(text: str) -> tuple[Part, ...]:
    """Clauses, each a part; a bare «og hvor?» borrows what the clause before it asks about,
    «når og hvor …» asks twice, and «Svar kort» is no part."""
    if form := _form_asks(text):
        return form
    requests, text = _requests_first(text)
    text = _without_preamble(text)
    pieces = requests + ([c for p in _CLAUSE_SPLIT.split(text) if p and p.strip()
                          for c in _comma_clauses(p.strip())] or [text])
    texts: list[str] = []
    for i, piece in enumerate(pieces):
        pair = _WH_PAIR.match(piece)
        lone = _WH_ONLY.match(piece)
        if pair and pair.group(3):
            texts += [f"{pair.group(1)} {pair.group(3)}", f"{pair.group(2)} {pair.group(3)}"]
        elif lone and (texts or i + 1 < len(pieces)):  # «og hvor?» / «Når og hvor er …»
            rest = texts[-1] if texts else pieces[i + 1]
            texts.append(f"{lone.group(1)} {_LEADING_WH.sub('', rest)}")
        elif not (_instruction(piece) and texts):
            texts.append(_with_subject(piece, texts[-1]) if texts else piece)
    return tuple(part for t in texts for item in _listed_asks(t) for part in _typed(item))


# «hvilke egenandeler går opp, og hvilke går ned?»: a «which» straight before its verb has the
# noun of the «which» before it
_WHICH_NOUN = re.compile(r"^\s*(?:hvilke|kva for nokre|which)\s+(?P<noun>\w+)", re.I)
_WHICH_VERB = re.compile(
    r"^\s*(?P<which>hvilke|kva for nokre|which)\s+(?=(?:går|gikk|gjekk|blir|ble|blei|vart|vert|"
    r"er|var|har|hadde|kom|kommer|fikk|fekk|får|skal|kan|må|bør|went|go|goes|are|were|have|"
    r"had|did|do|will|should|must)\b)", re.I)


def _with_subject(piece: str, before: str) -> str:
    which, asked = _WHICH_VERB.match(piece), _WHICH_NOUN.match(before)
    if not which or not asked or _WHICH_VERB.match(before):
        return piece
    return f"{which.group('which')} {asked.group('noun')} {piece[which.end():]}"


_OF_THEM = re.compile(r"^\W*(?:og\s+|and\s+)?(?:hvilke[nt]?|kva for(?: nokre| ein| eit)?|which|"
                      r"hvor mange|kor mange|how many|"
                      # «… og er noen av dem i Nord-Norge?», «are any of them in Vestland?»
                      r"(?:er|var|are|were|is|was)\s+(?:noen|nokon|nokre|noko|any|some))"
                      r"\s+(?:av|of)\s+(?:dem|dei|disse|desse|them|these|those)\b", re.I)


def narrows(text: str) -> bool:
    """«… og hvilke av dem har levert sluttrapport?»: a part asked of the list before it."""
    return bool(_OF_THEM.search(text))


# «Jeg leser gamle papirer om «Fosterhjem i vest». Fjell finnes jo ikke lenger – hvilken …?»:
# statements before the question set the scene (the whole question still finds the sources).
# not «1. mars», nor an abbreviation: «Vestland (tidl. Hordaland)», «f.eks. Bodø», «ca. Mai»
_STATEMENT = re.compile(r"^[^?]*?(?<![\d\s])(?<!\btidl)(?<!\btdl)(?<!\beks)(?<!\bbl\.a)(?<!\bca)"
                        r"(?<!\bjf)(?<!\bnr)(?<!\bevt)(?<!\bdvs)(?<!\bst)[.!](?=\s+[A-ZÆØÅ«])")


# «Quick check from a Danish consultant: is it correct that …?», «Kort: hva fikk …?»: who asks
# or how, before a colon and the question itself
_LEAD_IN = re.compile(
    r"^[^?:«»]{2,80}:\s+(?=(?:is|are|was|were|did|does|do|can|could|has|have|what|who|when|where|"
    r"which|how|why|er|var|har|hadde|kan|må|skal|stemmer|hva|hvem|når|hvor|hvilke[nt]?|hvordan|"
    r"hvorfor|kva|kven|kvar|kor|korleis|kvifor|finnes|fins|gjelder|gjeld)\b)", re.I)


# … when it says who asks or how, not what about («Ubrukte midler: hvor går grensa …?»)
_ASKER = re.compile(r"\b(?:from|fra|frå|som|as|here|her|jeg|eg|i|we|vi|me|my|min|mi)\b|"
                    r"^\W*(?:kort|kjapt|raskt|quick\w*|short\w*|briefly|spørsmål|question|hei|"
                    r"hi|hello|ok)\b", re.I)


def _lead_in(text: str) -> re.Match[str] | None:
    match = _LEAD_IN.match(text)
    return match if match and _ASKER.search(match.group()) else None


def _without_preamble(text: str) -> str:
    """… unless the question only asks about them: «I heard they got a million. Is that right?»"""
    rest = text
    while (match := _STATEMENT.match(rest) or _lead_in(rest)) and (
            "?" in rest[match.end():]) \
            and not _instruction(match.group()) and not _ASKS_TO.match(match.group()):
        rest = rest[match.end():].lstrip()
    return rest if len(rest.split()) > _CONFIRMING_WORDS else text


def _requests_first(text: str) -> tuple[list[str], str]:
    """«Jeg trenger søknadsfristen for 2027. Vi søkte i september – må vi søke på nytt?»: a
    request said as a statement before the question is a part of its own."""
    requests: list[str] = []
    rest = text
    while (match := _STATEMENT.match(rest)) and "?" in rest[match.end():] \
            and _ASKS_TO.match(match.group()) and not _instruction(match.group()):
        requests.append(match.group().strip())
        rest = rest[match.end():].lstrip()
    return requests, rest


def preamble(text: str) -> str:
    """«Vi vil søke Bufdir om tilskudd til foreldrestøttende tiltak.» before «Hva må vi gjøre
    innen når, og hvor mye …?»: the statements that set the scene of the question, or ""."""
    rest = _without_preamble(text)
    return text[: len(text) - len(rest)].strip() if rest != text else ""


# «Compare the calls …: frame and deadline. Which is the biggest?», «Jeg trenger søknadsfristen
# for 2027. Må vi søke på nytt?»: a request, not a scene
_ASKS_TO = re.compile(r"^\s*(?:sammenlign|samanlikn|compare|list|nevn|gi meg|gje meg|give me|"
                      r"tell me|fortell|vis|show|finn|find|oppsummer|summari[sz]e|"
                      r"(?:jeg|eg|vi)\s+(?:trenger|treng|vil vite|lurer på|ønsker å vite)|"
                      r"(?:i|we)\s+(?:need|want to know|would like to know|'d like to know))\b",
                      re.I)
_CONFIRMING_WORDS = 4  # «Is that right?», «Stemmer det?», «Er det fortsatt slik i dag?»


# «hvem er vertskommune, hvor mye søkes det om»: a comma before a question word starts another
# question, when a question stands before it («I Time og Klepp, hvem …» is one question).
_COMMA_ASK = re.compile(rf",\s*(?=(?:(?:av|of|out of|blant|among)\s+)?(?:{QUESTION_WORD})\b)",
                        re.I)  # «kor mange fedrar var med, av kor mange foreldre totalt?»


def _comma_clauses(piece: str) -> list[str]:
    clauses: list[str] = []
    for clause in _COMMA_ASK.split(piece):
        if clauses and ASKING.search(clauses[-1]):
            clauses.append(clause.strip())
        elif clauses:
            clauses[-1] = f"{clauses[-1]}, {clause.strip()}"
        else:
            clauses.append(clause.strip())
    return clauses


# «…: svar med to linjer, «Maks per prosjekt: …» og «Frist: …»»: the form's labels are what
# is asked, each of what the question is about.
_FORM_LABEL = re.compile(r"«\s*([^«»:]{2,40}?)\s*:\s*(?:…|\.\.\.)?\s*»")
_FORM_ASK = re.compile(r"[,.:]?\s*\b(?:svar|answer|reply|gi|gje|give)\b[^«]{0,60}«.*$",
                       re.I | re.S)


def _form_asks(text: str) -> tuple[Part, ...]:
    labels = _FORM_LABEL.findall(text)
    head = _FORM_ASK.sub("", text).strip(" ,.:")
    if len(labels) < 2 or len(head) < 8:
        return ()
    return tuple(Part(f"{label} ({head})", answer_types(label)) for label in labels)


# «Compare the calls from Rogaland and Nordland: total frame, max per project and the
# deadline»: after the colon, short noun phrases, each asked of the same thing.
_COLON_LIST = re.compile(r"^(?P<head>[^:]{8,160}):\s*(?P<asks>[^:]{3,160}?)\s*[?.]?$")
_LIST_SEP = re.compile(r"\s*,\s*(?:og\s+|and\s+)?|\s+(?:og|and|samt|&)\s+", re.I)
_ASK_WORDS = 6


def _listed_asks(text: str) -> list[str]:
    first, _, rest = text.partition(". ")  # «…: a, b and c. Which one is the biggest?»
    if rest and ":" in first:
        return [*_listed_asks(first), *_listed_asks(rest)]
    match = _COLON_LIST.match(text)
    if not match:
        return [text]
    asks = [a for a in _LIST_SEP.split(match["asks"]) if a.strip()]
    if not 2 <= len(asks) <= 5 or any(len(a.split()) > _ASK_WORDS for a in asks):
        return [text]
    if not all(answer_types(a) for a in asks):  # «… i Agder: Kvam, Voss og Bergen» names places
        return [text]
    return [f"{a.strip()} ({match['head'].strip()})" for a in asks]


_SENTENCE = re.compile(r"(?<=[.?!])\s+")


# «Lag en kronologisk oversikt over når tilsynene fant sted»: the wrapping asks for a form; what
# follows is the question.
_OVERVIEW_LEAD = re.compile(r"^\s*(?:(?:kan du\s+)?(?:lag|lage|gi|gje|gjer|vis|skriv)\s+"
                            r"(?:meg\s+)?(?:en|ei|ein|eit)\s+|(?:can you\s+)?(?:make|give|show|"
                            r"write)\s+(?:me\s+)?an?\s+)(?:kort\s+|short\s+|kronologisk\s+|"
                            r"chronological\s+)?(?:oversikt|oversyn|overview|tidslinje|timeline)"
                            r"\s+(?:over|of)\s+(?=\S.{8,})", re.I)


def without_instructions(text: str) -> str:
    """The question without sentences that say how to answer («Svar kort, typ «Frist: …»»),
    nor a greeting before it («Hei, hva ble …»): they would be searched for as if they were
    asked, and a greeting hides how the question begins."""
    greeted = _GREETING.match(text)
    if greeted and len(text) - greeted.end() >= _LEFT_AFTER_GREETING:
        text = text[greeted.end():]
    kept = [_HEARSAY.sub("", s, count=1) for s in _SENTENCE.split(text) if not _instruction(s)]
    return " ".join(kept) if kept else text


_GREETING = re.compile(r"^\s*(?:hei(?:\s+igjen|\s+der|sann|san)?|hallo|heisann|morn|god\s+(?:morgon|"
                       r"morgen|dag|ettermiddag|kveld)|hello|hi(?:\s+there)?|hey|good\s+(?:morning|"
                       r"afternoon|evening)|dear\s+\w+)(?:\s*[,!.:;–-]+\s*|\s+)", re.I)
_LEFT_AFTER_GREETING = 8  # «Hei!» alone is a greeting, not a question to strip it from


# «Jeg har hørt at …», «I've heard that …»: what follows is the claim asked about, the hearsay
# no word of it («hørt» is a topic of its own: «ble barnet hørt?»)
_HEARSAY = re.compile(r"^\s*(?:jeg|eg|vi|i|we)\s+(?:har\s+|have\s+|'ve\s+)?"
                      r"(?:hørt|høyrt|heard|lest|read)\s+(?:at|that)\s+", re.I)


def without_form(text: str) -> str:
    """A fact question without a wrapping that asks for a form («Lag en oversikt over …»),
    which would be searched for as if it were asked."""
    return _OVERVIEW_LEAD.sub("", text, count=1)


def _instruction(text: str) -> bool:
    one_label = bool(_FORM_ASK.match(text)) and len(_FORM_LABEL.findall(text)) < 2
    return one_label or bool(_INSTRUCTION.match(text) or _FORMAT.match(text)
                             or _ENOUGH.match(text) or _FORM_ONLY.match(text)
                             or _MAKE_FORM.match(text))


def _typed(text: str) -> list[Part]:
    """«Søknadsfrist og maks beløp for …» asks for a date and an amount in one clause: one
    part for each, so each finds its own sentence."""
    negated = bool(_NEGATION.search(_CONCESSION.sub(" ", text)))
    kinds = answer_types(text)
    plain = [k for k in kinds if k not in (AnswerType.YESNO, AnswerType.LIST)]
    if len(plain) > 1 and AND.search(text):  # each kind asks its own words («søknadsfrist»)
        return [Part(said_with(text, kind), (kind,), negated) for kind in plain]
    return [Part(text, kinds, negated, role_asked(text) if AnswerType.PERSON in kinds else "")]


