"""Names a question is about: quoted titles, capitalised names past a sentence's first word, and
people («Kjell Ingolf Ropstad»), for the routes that match them against the documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.understand.time import ANY_YEAR

_NAME = re.compile(r"«([^»]+)»|\b([A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]+)*)")
_NOT_NAMES = frozenset(
    "januar februar mars april mai juni juli august september oktober november desember january "
    "february march may june july october december what who which when where how according "
    "hva hvem hvor hvilke hvilken når kva kven kvar kor "
    # an adjective of the country describes, names no scope («Norwegian child welfare
    # statistics»), as «norsk» does in Norwegian; «in Norway» asks the national figure
    "norwegian nordic scandinavian "
    # who is asking («from a Danish consultant», «I am a Swedish researcher»), not what about
    "danish swedish finnish polish ukrainian somali english german dutch french spanish arabic "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def names(text: str) -> tuple[str, ...]:
    """Names the question is about: «titles» and capitalised words past the first word."""
    found: list[str] = []
    for match in _NAME.finditer(text):
        quoted, name = match.group(1), match.group(2)
        if quoted:
            if not quoted.rstrip().endswith(("…", "...")):  # «Søknadsfrist: …» is a template
                found.append(quoted)
            continue
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "?", "!", ":")):
            continue
        found.extend(_named_part(w) for w in name.split() if w.lower() not in _NOT_NAMES)
    return tuple(dict.fromkeys(found))


_COMMON_TAIL = re.compile(r"^(?P<name>.+?)-[a-zæøå][\wæøå]*$")


def _named_part(word: str) -> str:
    """«Nav-tjenester», «Bufdir-veilederen», «Haugesund-prosjektet»: the name is the part before
    a common noun joined to it («Nord-Aurdal», «Sør-Øst» stay whole)."""
    match = _COMMON_TAIL.match(word)
    return match["name"] if match else word


_PERSON = re.compile(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
                     r"(?:\s+[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?){1,3}\b")


def person_names(text: str, is_place: Callable[[str], bool]) -> tuple[str, ...]:
    """«Kjell Ingolf Ropstad»: two to four capitalised words in a row, not opening a sentence,
    not a place («Østre Toten») and no month or question word."""
    found: list[str] = []
    for match in _PERSON.finditer(text):
        before = text[: match.start()].rstrip()
        words = match.group().split()
        if not before or before.endswith((".", "?", "!", ":")) or is_place(match.group()):
            continue
        if any(w.lower() in _NOT_NAMES or is_place(w) for w in words):
            continue
        found.append(match.group())
    return tuple(found)


def quoted(text: str) -> str | None:
    match = re.search(r"«([^»]{2,80})»|\"([^\"]{2,80})\"", text)
    return (match.group(1) or match.group(2)) if match else None


# «Se meg-prosjektet», «the Valdres project»: what the project is called, by name or by region
_PROJECT_NAMED = re.compile(r"\b([A-ZÆØÅ][\wæøåÆØÅ]*(?:\s+[\wæøåÆØÅ]+){0,2}?)[-\s](?:prosjekt\w*|project)\b")


def project_named(text: str) -> str | None:
    """«Hvilke kommuner er med i Se meg-prosjektet?» names the project «Se meg»."""
    match = _PROJECT_NAMED.search(text)
    if match is None or match.start() == 0:
        return None
    return match.group(1)


# «I hvilke dokumenter dukker Kjersti Toppe opp?», «Kva dokument nemner RKBU Vest?», «Which
# documents mention …?»: the documents that name someone or something
_MENTIONS = re.compile(
    r"\b(?:nevner|nevnes|nemner|nemnast|omtaler|omtalar|omtales|omtalast|mentions?|mentioned|"
    r"refers? to|names?|dukker\b.{1,60}\bopp|dukkar\b.{1,60}\bopp|appears?|står\b.{1,60}\bi|"
    r"show(?:s)?\b.{1,60}\bup|turns?\b.{1,60}\bup)\b",
    re.I)


def mentioned(text: str, named: tuple[str, ...], is_place: Callable[[str], bool]
              ) -> tuple[str, ...]:  # fmt: skip
    """The names a question asks documents to mention; () unless it asks which do."""
    if not _MENTIONS.search(text):
        return ()
    return tuple(n for n in named if not is_place(n))


def asks_mentions(text: str) -> bool:
    """«Hvor nevnes Haram?», «Which documents mention Os?»: a place asked this way is named in
    the documents' text, not only what they are filed under."""
    return bool(_MENTIONS.search(text))


def mentioned_years(text: str) -> tuple[str, ...]:
    """«Kva dokument nemner kompetansekrava som gjeld frå 2031?»: a year after the asking verb
    is what the documents mention, not when they were written."""
    asked = _MENTIONS.search(text)
    return tuple(ANY_YEAR.findall(text[asked.end():])) if asked else ()


# «I hvilke sammenhenger dukker Kjersti Toppe opp?», «Where does minister Toppe show up?»: the
# documents that name someone, each by its title
_WHERE_MENTIONED = re.compile(
    r"\b(?:i hvilke sammenhenger?|i kva samanhengar?|in (?:what|which) contexts?|where|hvor|kvar)\b"
    r"(?!\s+(?:mange|mye|mykje|lenge|stor|store|ofte|langt|høy|høgt?|gammel))"  # «hvor mange»
    r"[^?.!]{0,80}?\b(?:dukker|dukkar|show(?:s)? up|turns? up|appears?|(?:is|are|was|were) mentioned|"
    r"nevnes|nemnast|nevnt|nemnd|omtales|omtalt)\b", re.I)
# «Kva sider nemner statsråd Kjersti Toppe?», «Which pages mention RKBU Vest?»
_WHICH_MENTION = re.compile(
    r"\b(?:hvilke|kva(?: for(?: nokre)?)?|which|what)\s+(?:sider|sidene|sidor|pages|nettsider|"
    r"dokument(?:er|a|ene)?|documents|kilder|kjelder|sources)\s+(?:\w+\s+)?(?:nevner|nemner|"
    r"omtaler|omtalar|mentions?|names?|refers? to)\b", re.I)
_NAME_INSIDE = re.compile(r"(?<=\s)[A-ZÆØÅ]\w+")  # a capitalised word past the first: a name


def asks_where_mentioned(text: str) -> bool:
    """«I hvilke sammenhenger dukker Kjersti Toppe opp?», «Hvor nevnes RKBU Vest?»: the
    documents that name someone, asked without the word «dokumenter»."""
    return bool((_WHERE_MENTIONED.search(text) or _WHICH_MENTION.search(text))
                and _NAME_INSIDE.search(text))


# «Hvor er det oppgitt at 16 prosent …?», «Kvar står det at …?», «Which document says …?»:
# the user wants the source named, not only the fact
_WHERE_SAID = re.compile(
    r"\b(?:hvor|kvar|where|(?:i\s+)?(?:hvilket|hvilke|kva|which)\s+(?:dokument\w*|kilde\w*|"
    r"kjelde\w*|documents?|sources?))\s+(?:\w+\s+){0,3}?"
    r"(?:står|stod|sto|oppgitt|oppgjeve|oppgis|skrevet|skrive|skrives|sagt|stated|written|"
    r"said|says|say)\b(?:\s+(?:det|it|that|at))?\s+(?:at|that)\b", re.I)


def asks_where_said(text: str) -> bool:
    """«Hvor står det at …?»: which document says a given thing (not «hvor står plikten», which
    asks the provision of a law)."""
    return bool(_WHERE_SAID.search(text))


# «Hvilken statsforvalter hadde tilsynet?», «Kven står bak rettleiaren?», «Which county governor
# carried out the inspection?»: the office or body that issued a document, not a person in it
_BODY = (r"(?:\w+-)?(?:statsforvalt\w*|fylkesm[ae]nn\w*|embete\w*|etat\w*|direktorat\w*|"
         r"departement\w*|myndighet\w*|organisasjon\w*|county\s+governor\w*|"
         r"governor'?s?\s+office\w*|office|agency|authority|body|organi[sz]ation)\b")
_ISSUER = re.compile(
    rf"\b(?:(?:hvilke[nt]?|hvilket|kva|kven|which|what)\s+{_BODY}|"
    r"(?:hvem|kven|who)\s+(?:\w+\s+){0,2}?(?:står|stod|sto|utga|ga\s+ut|gav\s+ut|gjorde|"
    r"gjennomførte|gjennomførde|utførte|utførde|hadde|har\s+(?:gjort|gjennomført|utført|skrevet|"
    r"skrive|utgitt|gitt\s+ut|publisert)|publiserte|published|issued|carried|conducted|did|wrote|"
    r"ran|is\s+behind|was\s+behind|are\s+behind)\b(?:\s+\w+){0,3}?\s+(?:bak|tilsyn\w*|"
    r"inspect\w*|rapport\w*|report\w*|veileder\w*|rettleiar\w*|guid\w*|utlysning\w*|"
    r"utlysing\w*|call|side\w*|page)|"
    # «Var det Statsforvaltaren i Vestland som hadde tilsynet?»: a body named to confirm
    rf"\b(?:var|er|was|is)\s+(?:det|it)\s+(?:the\s+)?{_BODY}(?:\s+\S+){{0,4}}?\s+(?:som|who|that)\s+"
    r"(?:hadde|har|gjorde|gjennomførte|gjennomførde|utførte|utførde|stod|sto|står|skreiv|skrev|"
    r"had|did|carried|conducted|ran|wrote|issued|published)\b)", re.I)


def asks_issuer(text: str) -> bool:
    """Who issued or carried out what a document reports: its publisher answers it."""
    return bool(_ISSUER.search(text))
