"""What the user wants, decided once: the one place that classifies questions.

Every phrase pattern that routes a question lives here (commands, drafts, summaries, document
listings, project lists, fact questions; who attended: `roles`; what a meeting decided:
`decisions`; which project list: `project_lists`); routes
read `Question.intent` and never look at the text again to decide whether a question is theirs.
"""

from __future__ import annotations

import re

from bot.core.question import Intent
from bot.core.understand import decisions
from bot.core.understand.doc_types import cited_doc_types
from bot.core.understand.history import MERGER_WORDS
from bot.core.understand.names import asks_where_mentioned
from bot.core.understand.parts import split_parts
from bot.core.understand.project_lists import PROJECT_WORD, list_ask, sums_projects
from bot.core.understand.roles import asks_participants, names_attendee
from indexer.models import DocType
from indexer.text.patterns import stems, words

COMMANDS: dict[str, Intent] = {
    "hjelp": Intent.HELP, "help": Intent.HELP, "kilder": Intent.SOURCES,
    "kjelder": Intent.SOURCES, "sources": Intent.SOURCES, "prosjekter": Intent.PROJECTS,
    "prosjekt": Intent.PROJECTS, "projects": Intent.PROJECTS, "project": Intent.PROJECTS,
    "oppsummer": Intent.SUMMARY, "summarise": Intent.SUMMARY, "summarize": Intent.SUMMARY,
    "utkast": Intent.DRAFT, "draft": Intent.DRAFT, "dokumenter": Intent.DOCUMENTS,
    "documents": Intent.DOCUMENTS, "vedtak": Intent.DECISIONS, "decisions": Intent.DECISIONS,
}  # fmt: skip
_COMMAND = re.compile(r"^\s*/(\w+)")
_INJECTION = re.compile(
    r"\b(ignorer|ignore|se bort fra|sjå bort frå|glem|forget|disregard)\b.{0,40}"
    r"\b(kilde\w*|kjelde\w*|sources?|instruks\w*|instructions?|regl\w*|rules?|dokument\w*)",
    re.I,
)
# --- drafts ----------------------------------------------------------------------------------
_DOC_WORDS = (
    r"(?:prosjektplan\w*|søknad\w*|sluttrapport\w*|rapport\w*|prosjektbeskrivels\w*|"
    r"prosjektskildring\w*|project plan|application|final report|report|proposal)"
)
_DRAFT_REQUESTS = (
    re.compile(r"\b(?:hjelp\w*|help|assist)\b.{0,40}?\b(?:skrive|skriva|lage|laga|utforme|"
               r"formulere|write|draft|prepare)\b.{0,60}?\b" + _DOC_WORDS, re.I | re.S),
    re.compile(r"^\s*(?:skriv|lag|write|draft)\b.{0,30}?\b(?:utkast\w*|prosjektplan\w*|"
               r"sluttrapport\w*|project plan|final report)", re.I),
    re.compile(r"\butkast\s+til\s+(?:en |ein |et |eit )?(?:prosjektplan|søknad|sluttrapport)",
               re.I),
)
_QUESTION_WORDS = frozenset((
    "hva", "hvem", "hvor", "hvordan", "hvilke", "hvilken", "hvilket", "hvorfor", "når", "kva",
    "kven", "kvar", "korleis", "kor", "kvifor", "kan", "er", "finnes", "fins", "what", "who",
    "where", "how", "which", "when", "why", "can", "is", "are", "does", "do",
))
# --- minutes ---------------------------------------------------------------------------------
_SUMMARY_VERB = re.compile(
    r"(?:^|[\s/])(?:oppsummer\w*|samanfatt\w*|sammenfatt\w*|summar(?:i[sz]e\w*|y)|summere|"
    r"summer opp|sammendrag\w*|samandrag\w*|resymé\w*|recap|hovedpunkt\w*|hovudpunkt\w*|"
    r"main points|key points|gist|kortversjon\w*|kort versjon|short version|tl;?dr)\b", re.I)
_MEETING_WORD = stems("referat", "møte", "samling", "minutes", "meeting", "gathering", "referent",
                      "forfall")
# --- documents -------------------------------------------------------------------------------
_DOCUMENTS = re.compile(
    r"\b(?P<lead>hvilke|kva(?: for(?: nokre)?)?|(?:hva|kva) slags|what (?:kinds?|sorts?) of|"
    r"which|what|list(?:e)?(?: opp| over)?(?: all| the| every)?|"
    r"vis(?: meg)?(?: alle)?|hvor mange|kor mange|how many|oversikt over|(?:finnes|fins|finst) det|"
    r"har (?:vi|du|dere|de)|do (?:we|you) have|is there|are there|(?:hva|kva|what) (?:finnes|"
    r"fins|finst|har (?:vi|du|dere)) av)\s+(?P<between>(?:\w+\s+){0,3}?)"
    r"(?:sluttrapport\w*|final reports?|tilsynsrapport\w*|inspection reports?|tilsynsbesøk\w*|"
    r"(?:supervision|supervisory|inspection) visits?|(?:møte)?referat(?:er|a|ene|ane)?|minutes|"
    r"prosjektbeskrivelser\w*|prosjektskildringar\w*|project descriptions?|"
    r"utlysning(?:er|ane|ene)?|utlysingar|calls|retningslin(?:jer|jene|er|ene)|guidelines|"
    r"dokument(?:er|a|ene)?|documents)\b", re.I)
# «Hvilke deler skal en sluttrapport inneholde?»: a verb or an article between the question word
# and the document word makes the document the clause's subject, not the thing to list.
_CLAUSE_WORD = words("skal", "må", "bør", "kan", "skulle", "er", "var", "en", "ei", "et", "eit",
                     "a", "an", "should", "must", "can", "is", "are", "does", "do")
_EXISTS = re.compile(r"(?:finnes|fins|finst) det|har (?:vi|du|dere|de)|do (?:we|you) have|"
                     r"is there|are there", re.I)
_ARTICLE = re.compile(r"^(?:en|ei|et|ein|eit|noen|nokon|nokre|a|an|any)\s+", re.I)
# «Hvilke oppfølgingspunkter i referatene …?»: a thing asked for as found in the documents
_FOUND_IN = re.compile(r"^\w+\s+(?:\w+\s+)?(?:i|fra|frå|in|from)\s+(?:(?:alle|all|the)\s+)?$",
                       re.I)
_ABOUT_CONTENT = words("står", "stod", "sier", "seier", "says?", "om hva", "om kva",
                       "i (?:referatet|sluttrapporten|utlysningen|retningslinjene)")



def command(text: str) -> str | None:
    match = _COMMAND.match(text)
    return match.group(1).lower() if match else None


def is_injection(text: str) -> bool:
    return bool(_INJECTION.search(text))


def is_draft_request(text: str) -> bool:
    return command(text) in {"utkast", "draft"} or any(p.search(text) for p in _DRAFT_REQUESTS)


def looks_like_question(text: str) -> bool:
    """«Hvor mange fosterhjem har Hå?», «Stemmer det at fristen er 15. april?» asked mid-dialog
    are questions, not answers; a one-word «Hå?» is an unsure answer."""
    words = text.strip().split()
    if not text.rstrip().endswith("?") or not words:
        return False
    return len(words) >= 2 or words[0].lower().strip("?") in _QUESTION_WORDS


# «Give me a quick overview of the Trøndelag learning network page», «oversikt over prosjektet
# i Voss»: an overview of one document or project is its summary (an overview of projects or
# documents is a list)
_OVERVIEW_OF_ONE = re.compile(
    r"\b(?:overview of|oversikt over|oversyn over) (?:the |this |that )?[\w\s./–-]{0,60}?"
    r"\b(?:page|report|document|article|guide|call|project|side|sida|siden|nettsida|nettsiden|"
    r"\w*rapporten|dokumentet|artikkelen|saka|saken|veilederen|rettleiaren|utlysinga|"
    r"utlysningen|\w*prosjektet|prosjektbeskrivelsen|prosjektskildringa)\b", re.I)


# «Hva handler Bufdir-veilederen om?», «What is the final report about?»: the whole document
_ABOUT_ONE = re.compile(
    r"^\W*(?:hva|kva|what)\s+(?:handler|handlar|dreier|dreiar|går|is|was)\s+(?:the\s+|this\s+)?"
    r"[^?]{0,50}?\b(?:veilederen|rettleiaren|rapporten|sluttrapporten|tilsynsrapporten|"
    r"dokumentet|retningslinjene|retningslinene|utlysningen|utlysinga|prosjektbeskrivelsen|"
    r"prosjektskildringa|referatet|nettsiden|nettsida|artikkelen|guide|report|document|"
    r"guidelines|call|page|article|minutes)\b[^?]{0,80}?\s(?:om|ut på|about)\W*$", re.I)


def is_summary_request(text: str) -> bool:
    return command(text) in {"oppsummer", "summarise", "summarize"} or bool(
        _SUMMARY_VERB.search(text) or _OVERVIEW_OF_ONE.search(text) or _ABOUT_ONE.search(text))


def is_minutes_summary(text: str) -> bool:
    return is_summary_request(text) and (command(text) == "oppsummer"
                                         or bool(_MEETING_WORD.search(text)))


def _of_a_report(text: str) -> bool:
    """«Hva konkluderte SF i tilsynet med Lunner?»: what a report concluded, not a meeting."""
    return bool(cited_doc_types(text) - {DocType.REFERAT}) and not _NAMES_MEETING.search(text)


def asks_decisions(text: str) -> bool:
    return command(text) in {"vedtak", "decisions"} or decisions.asked(text, _NAMES_MEETING)


# «Oppfølgingspunktene fra styringsgruppa i Vestland 11.02.2020 – hvem har ansvar for hva?»: a
# group that meets, or a meeting's date, names the meeting as a meeting word does
_NAMES_MEETING = re.compile(
    rf"{_MEETING_WORD.pattern}|\b(?:styringsgrupp|ressursgrupp|arbeidsgrupp|steering group|"
    r"working group)\w*|\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d\b", re.I)


# «Hva har vi fra Agder?», «What do we have from Trøndelag?»: the documents of a place (the
# caller knows whether the last words name one).
# «Har vi noe fra gamle Hedmark? prosjekter eller møter», «Do we have anything from Troms?»
_HOLDINGS = re.compile(
    r"^\s*(?:(?:hva|kva|what)\s+(?:har (?:vi|dere|du)|finnes(?: det)?|fins(?: det)?|"
    r"finst(?: det)?|do (?:we|you) have)|(?:har (?:vi|dere|du)|(?:finnes|fins|finst) det|"
    r"do (?:we|you) have|is there)\s+(?:noe|noko|nokon|noen|anything|something))"
    r"(?: av dokumenter| of documents| documents| dokumenter| dokument)?\s+(?:fra|frå|from|om|"
    r"about|for)\s+(?P<rest>[^?]{2,40})\??(?:[\s,]*(?:(?:\w*prosjekt\w*|projects?|"
    r"\w*referat\w*|minutes|\w*møte\w*|meetings?|\w*rapport\w*|reports?|dokument\w*|"
    r"documents?|eller|og|or|and)[\s,.]*)+)?\s*$", re.I)


# «Har læringsnettverket i Aust-Agder noe i basen?», «Does Kvam have anything in the base?»
_HOLDS_ANY = re.compile(
    r"^\s*(?:har|has|does)\s+(?P<rest>[^?]{2,60}?)\s+(?:noe|noko|anything|have\s+anything)\s+"
    r"(?:i\s+(?:kunnskaps)?basen|i\s+arkivet|her|in\s+the\s+(?:knowledge\s+)?base|here)\s*\??\s*$",
    re.I)
# the last sentence, after what sets the scene («Vi er fra en kommune som lå i Aust-Agder før
# 2020. Har læringsnettverket vårt noe i basen?»)
_LAST_SENTENCE = re.compile(r"(?<=[.!])\s+(?=[A-ZÆØÅ])")


def asks_holdings(text: str) -> str | None:
    """The words after «Hva har vi fra …?» (or before «… noe i basen?»), or None for any other
    question."""
    for asked in dict.fromkeys((text, _LAST_SENTENCE.split(text.strip())[-1])):
        match = _HOLDINGS.match(asked) or _HOLDS_ANY.match(asked)
        if match:
            return match["rest"]
    return None


def asks_documents(text: str) -> bool:
    """«Hvilke sluttrapporter har vi?»; not «Hvilke ettervernsprosjekter har vi dokumenter
    om?» nor «Hvilke fosterhjemsprosjekter finnes det i dokumenta?», which ask for projects."""
    if command(text) in {"dokumenter", "documents"} or asks_where_mentioned(text):
        return True
    match = _DOCUMENTS.search(text)
    if not match:
        return False
    between = match.group("between")
    if _EXISTS.fullmatch(match.group("lead")):  # «Finnes det en sluttrapport …?»: an article
        between = _ARTICLE.sub("", between)  # after «finnes det» asks whether there is one
    asked = text[:match.start()] + between  # what is asked for comes before the document word
    return not (PROJECT_WORD.search(asked) or _CLAUSE_WORD.search(between)
                or _ABOUT_CONTENT.search(text) or _FOUND_IN.search(between))


# What a project achieved («ble faktisk rekruttert»): its final report says it, not the plan.
_OUTCOME = words(r"nådde", r"nådd", r"oppnådde", r"oppnådd", r"oppnådde?s", r"klarte", r"lyktes",
                 r"resultat\w*", r"(?:gikk|gjekk|went) (?:det|it)", r"reach(?:ed)?", r"achiev\w*",
                 r"outcomes?", r"results?", r"erfaring\w*", r"experiences?", r"manage[ds]? to",
                 r"succeed(?:ed)?", r"successful", r"lukkast", r"lukkas", r"vellykk\w*",
                 r"(?:hit|meet|met) (?:the|their|its) (?:targets?|goals?|aims?)",
                 r"(?:\w+(?:te|de)|ble|blei|vart|fikk|fekk)\s+(?:de\s+|dei\s+)?faktisk",
                 r"faktisk\s+\w+(?:te|de|t)", r"(?:did|were|was)\s+(?:\w+\s+){0,3}actually",
                 # «Hvor mange rekrutterte «Fosterhjem i vest» faktisk?»: a name in between
                 r"\w+(?:te|de)\s+«[^»]{1,60}»\s+(?:\S+\s+){0,6}?faktisk",
                 r"did\s+«[^»]{1,60}»\s+(?:\S+\s+){0,8}?actually",
                 # what the money bought: «Hva fikk de igjen for pengene?»
                 r"igjen for (?:pengene|pengane|midlene|midla)", "value for money",
                 # «Hva fikk Rana og Hemnes igjen for «Trygge foreldre»?», «Hva kom ut av det?»
                 r"(?:fikk|fekk|får|få)\s+(?:[\w-]+\s+){0,5}?igjen\s+for",
                 r"kom\s+(?:det\s+)?ut\s+av", r"(?:came|come|comes)\s+out\s+of",
                 r"(?:get|got) (?:out of it|for (?:the|their|its) money)",
                 # whether it was stopped is how it went: «Hvorfor ble prosjektet avlyst?»
                 r"avlys(?:t|te|es)", r"avbrut(?:t|te)", r"avbroten", r"lagt ned", r"stansa?et",
                 r"cancel+ed", r"discontinued", r"called off", r"shut down",
                 # «Fikk det noen effekt?», «Did it make a difference?»: what came of it
                 r"effekt(?:en|ar|er|ane|ene)?", r"effects?", r"impact", r"virket", r"verka",
                 r"(?:make|makes|made) a difference", r"worked")


# «Hvilke prosjekter har vi der kommunene er slått sammen etterpå?», «Which municipal mergers
# are mentioned in connection with projects?»
_MERGED = words(*MERGER_WORDS, "merging")
_WHICH = words("hvilke", "hvilken", "kva for", "kva", "which", "what", r"list\w*", "oversikt")


def asks_merged(text: str) -> bool:
    """A clause asking which projects' municipalities merged; not «Ta med gamle navn der
    kommunene er slått sammen», which says how to name them."""
    return any(_MERGED.search(p.text) and _WHICH.search(p.text) and PROJECT_WORD.search(p.text)
               for p in split_parts(text))


# «Kan vi bruke midlene til godtgjøring til ungdom som deler erfaringene sine?»: whether a thing
# is allowed, answered by the rules, however much of it names results or experiences
_MAY_WE = re.compile(r"^\W*(?:kan|må|får|bør|can|may|must)\s+(?:vi|jeg|eg|me|man|we|i|"
                     r"kommunen|kommunene|kommunane|prosjektet|prosjekta|prosjektene)\b", re.I)


def asks_outcome(text: str) -> bool:
    """What a project achieved; not a question whether something is allowed."""
    return bool(_OUTCOME.search(text)) and not any(_MAY_WE.match(p.text)
                                                   for p in split_parts(text))


def classify(text: str, has_theme: bool) -> Intent:
    """The intent of a (standalone) question; the order settles phrasings that fit several."""
    if not text.strip():
        return Intent.EMPTY
    if (name := command(text)) is not None and name in COMMANDS:
        return COMMANDS[name]
    if is_injection(text):
        return Intent.INJECTION
    if is_draft_request(text):
        return Intent.DRAFT
    if asks_documents(text) and not sums_projects(text):
        return Intent.DOCUMENTS
    if asks_participants(text) and (_NAMES_MEETING.search(text) or names_attendee(text)) \
            and not decisions.who_does_what(text) and not decisions.names_items(text):
        return Intent.PARTICIPANTS
    if asks_decisions(text) and not is_summary_request(text) and not _of_a_report(text):
        return Intent.DECISIONS
    if is_summary_request(text):
        return Intent.SUMMARY
    if list_ask(text, has_theme) is not None:
        return Intent.PROJECTS
    return Intent.FACT
