"""Which project list a question asks for, if any: the projects or municipalities, their
count, their amounts (summed, ranked or compared). Read once by `understand`; the catalogue
route reads the `ListAsk` it gives.
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType, ListAsk, Part
from bot.core.understand.amounts import MONEY_WORDS, asks_money, one_project_amount, ranks_amounts
from indexer.text.patterns import stems, words

_LIST_COMMAND = re.compile(r"^\s*/(?:prosjekter|prosjekt|projects?)\b", re.I)
_MUNICIPALITIES = re.compile(
    r"\b(?:hvilke|kva(?:\s+for)?|which|what|"
    # «Kan du ramse opp kommunene som er med i …», «List the municipalities in …»
    r"(?:ramse|list[ae]?|liste|skriv)\s+opp(?:\s+alle)?(?:\s+de|\s+dei)?|nevn(?:\s+alle)?|"
    r"list(?:\s+all)?(?:\s+the)?|name(?:\s+all)?(?:\s+the)?)\s+(?:andre\s+|other\s+)?"
    r"(?:kommuner|kommunane|kommunar|kommunene|municipalities)\b", re.I)
_PROJECTS = re.compile(  # «Hvilke prosjekter», «Hva har vi av prosjekter»
    r"\b(?:hvilke|hvilket|kva(?:\s+for|\s+slags)?|hva\s+slags|hva\s+for\s+noen|what\s+kinds?\s+of|"
    r"which|what|(?:hva|kva|what)\s+(?:har|finnes|"
    r"fins|have)\s+(?:vi|du|det|we|you)\s+(?:av|of))\s+(?:av\s+|of\s+(?:the\s+)?)?"
    r"(?:andre\s+|other\s+|nye\s+)?"
    r"[\w-]*(?:prosjekt|project)\w*", re.I)  # «etterverns-prosjekter» too
# «Finnes det prosjekter fra kommuner i Buskerud?», «Har vi ettervernsprosjekt?», «Are there any
# projects in Agder?»: asking whether there are any is asking for the list.
_ANY_PROJECTS = re.compile(
    r"\b(?:(?:finnes|fins|finst|er|har)\s+(?:det|vi|dere|de|du)|are there|is there|do (?:we|you) "
    r"have|have there been)\s+(?:(?:noen|nokon|nokre|noko|andre|flere|fleire|some|any)\s+)?"
    r"(?:[\w-]+\s+){0,2}?[\w-]*(?:prosjekt(?:er|ene|a|ane)?|projects)\b"
    # «Har noen kommuner hatt prosjekt om foreldrestøtte?», «Har noen buskerudkommuner prosjekt?»
    r"|\b(?:har|hadde|have|has|had)\s+(?:noen|nokon|nokre|any|some)\s+(?:andre\s+|other\s+)?"
    r"(?:[\w-]*kommuner|[\w-]*kommunar|municipalities)\s+(?:\w+\s+){0,3}?[\w-]*(?:prosjekt\w*|projects?)\b"
    # «Har kommunen vår vært med på prosjekter?», «Has Alver taken part in any projects?»
    r"|\b(?:har|hadde|have|has|had)\s+(?:[\w–-]+\s+){1,12}?(?:vært|vore|been|deltatt|delteke|"
    r"taken)\s+(?:med\s+)?(?:part\s+)?(?:i|på|in|on)\s+(?:noen\s+|nokon\s+|nokre\s+|any\s+)?"
    r"(?:[\w-]+\s+){0,2}?[\w-]*(?:prosjekt(?:er|ene|a|ane)?|projects)\b"
    # «Har Øygarden hatt noen prosjekter om fosterhjem?», «Has Alver had any project on …?»
    r"|\b(?:har|hadde|have|has|had)\s+(?:[\w–-]+\s+){1,4}?(?:hatt|had|run|drevet|drive)\s+"
    r"(?:noen|nokon|nokre|any|some)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:prosjekt\w*|projects?)\b"
    # «Hva har Fjell kommune vært med på?», «What has Voss taken part in?»: what a place took
    # part in is its projects
    r"|\b(?:hva|kva|what)\s+(?:har|hadde|has|have|had)\s+(?:[\w–-]+\s+){1,3}?(?:vært|vore|been|"
    r"deltatt|delteke|taken|tatt)\s+(?:med\s+|involved\s+|part\s+)?(?:på|i|in|of|del\s+i)\b"
    # «Har noen av prosjektene jobbet med …?», «Have any of the projects dealt with …?»
    r"|\b(?:har|hadde|have|has|had|did)\s+(?:noen|nokon|nokre|any)\s+(?:av|of)\s+(?:the\s+)?"
    r"(?:prosjekt(?:ene|a|ane)|projects)\b",
    re.I)
# «Hvilket fylke hører prosjektene til?», «Which counties are the projects in?»: what each row
# shows, asked of the projects
_PROJECTS_FIELD = re.compile(
    r"\b(?:hvilke[nt]?|kva(?:\s+for)?|which|what)\s+(?:fylke\w*|count(?:y|ies))\b[^?]{0,40}?"
    r"\b[\w-]*(?:prosjekt(?:ene|a|ane)|projects)\b", re.I)
# «Prosjekter om fosterhjem i 2022», «fosterhjemsprosjekter i Vestland», «All projects in
# Agder»: a fragment led by projects in the plural asks for their list
_PROJECTS_FRAGMENT = re.compile(r"^\W*(?:alle\s+|all\s+(?:the\s+)?)?[\w-]*(?:prosjekter|projects)\b",
                                re.I)
# «Which foster care projects»: theme words before «projects», read so only when they are a theme
_THEMED_PROJECTS = re.compile(
    r"\b(?:hvilke|kva(?:\s+for)?|which|what)\s+(?:(?!(?:is|was|are|were|er|var|the|a|an|en|et|"
    r"ei|eit|did|does|do|has|have|har|skal|kan|can|should|about|om|of|av|i|in|per|for|til|med|"
    r"som|på|fra|with|to|from|on|by|each|hvert|hver|kvart)\b)[\w-]+\s+){1,3}?"
    r"\w*(?:prosjekt|project)\w*", re.I)
_RULES = re.compile(  # «Hvilke prosjekter kan få midler?» asks a call or guideline
    r"\b(?:prosjekt\w*|projects?|kommuner|kommunar|municipalities)\s+(?:som\s+)?"
    r"(?:kan|skal|bør|må|får|can|should|may|must|could|are eligible|get|qualify)\b", re.I)
_COUNT = re.compile(
    r"\b(?:hvor|kor|how)\s+(?:mange|many)\s+(?:\w+\s+)?(?P<what>\w*(?:prosjekt|project)\w*|"
    r"\w*kommun\w*|municipalit\w*)", re.I)
_OVERVIEW = words("oversikt", "overview", r"liste?\s+(?:over|opp)", r"list\s+(?:all|the)",
                  r"sammenlign\w*", r"samanlikn\w*", "compare", "summary of all")
PROJECT_WORD = stems("prosjekt", "project")
# «list opp målene» of «ettervernsprosjektet»: one project named, its goals listed, not projects
_SEVERAL_PROJECTS = re.compile(
    r"\w*prosjekt(?!et\b)\w*|\w*projects\b|(?<!the )(?<!this )(?<!that )\b\w*project\b", re.I)
_OTHER_THING = words(r"tilsyn\w*", r"\w*rapport\w*", r"møte\w*", r"samling\w*", r"referat\w*",
                     "inspections?", "reports?", "meetings?", "minutes")
# The documents of projects stand for them: «Sluttrapportene fra Nordland – hvor mye fikk de?»
_PROJECTS_PLURAL = re.compile(r"\b\w*(?:prosjekt(?:er|ene|a|ane)|projects|sluttrapport(?:er|ene|ane)|"
                              r"prosjektbeskrivelse(?:r|ne)|prosjektskildring(?:ar|ane)|"
                              r"project descriptions|final reports)\b", re.I)
_TOTAL = words("til sammen", "til saman", "totalt", "in total", "samlet", "samla", "summen",
               "altogether", "total", r"legg\w* sammen", r"legg\w* saman", "summer opp",
               "add up", "sum up", "summert", "summerte", "summere", "summeres", "summerast",
               "added up", "summed")  # not «summer» alone: the season, in an English question
# «Hva er gjennomsnittlig søknadsbeløp?», «What is the average amount applied for?»
MEAN = words(r"gjennomsnitt\w*", r"(?:i\s+)?snitt(?:et)?", "average", "mean", r"middelverdi\w*")
_COMPARE = words(r"sammenlign\w*", r"samanlikn\w*", "compare", "comparison")
# «Hvor mye fikk ettervernsprosjektene?»: the projects themselves are asked about, not «hvor
# mye ble tildelt til utviklingsprosjekter», which asks one sum.
_HOW_MUCH_THEY = re.compile(
    r"\b(?:hvor mye|kor mykje|kor mye|how much)\b.{0,40}?\b(?:\w*prosjekt(?:ene|ane|a)\b|"
    r"sluttrapport(?:ene|ane)\b|the\s+(?:[\w-]+\s+){0,2}(?:projects|final reports)\b)", re.I)


def names_projects(text: str) -> bool:
    """«Hvem ledet de ulike fosterhjemsprosjektene?», not «the foster care inspection guide»."""
    return bool(PROJECT_WORD.search(text))


def list_ask(text: str, has_theme: bool) -> ListAsk | None:
    """What a catalogue question wants, or None when the text is not a project list question."""
    if _RULES.search(text):
        return None
    if count := _COUNT.search(text):
        places = count.group("what").casefold().startswith(("kommun", "municip"))
        ask = ListAsk.COUNT_MUNICIPALITIES if places else ListAsk.COUNT_PROJECTS
    elif _LIST_COMMAND.match(text) or _PROJECTS.search(text) or _MUNICIPALITIES.search(text) or (
            _ANY_PROJECTS.search(text)) or _PROJECTS_FRAGMENT.match(text) or (
            _PROJECTS_FIELD.search(text)) or (
            has_theme and _THEMED_PROJECTS.search(text)) or (
            _OVERVIEW.search(text) and _SEVERAL_PROJECTS.search(text)):
        ask = _listing(text)
    elif ranks_amounts(text):
        ask = ListAsk.AMOUNTS  # «Hvilket prosjekt søkte om mest?»: every amount, ranked
    elif _summed(text) and (MONEY_WORDS.search(text) or asks_money(text)) and (
            _PROJECTS_PLURAL.search(text)) or (
            _HOW_MUCH_THEY.search(text)) or one_project_amount(text):
        ask = ListAsk.AMOUNTS  # «How much have the foster-home projects … applied for in total?»
    else:
        return None
    if ask in {ListAsk.MUNICIPALITIES, ListAsk.COUNT_MUNICIPALITIES} and not (
            PROJECT_WORD.search(text) or has_theme and not _OTHER_THING.search(text)):
        return None  # «Hvilke kommuner deltok på samlingen / var med i tilsynet?»
    return ask


def sums_projects(text: str) -> bool:
    """«Hvilke prosjektbeskrivelser har vi, og hvor mye søkte de om til sammen?»: the catalogue."""
    return bool(_summed(text) and asks_money(text) and _PROJECTS_PLURAL.search(text))


def _summed(text: str) -> bool:
    """A total or an average of amounts asked («til sammen», «i gjennomsnitt»)."""
    return bool(_TOTAL.search(text) or MEAN.search(text))


def _listing(text: str) -> ListAsk:
    if _COMPARE.search(text) and PROJECT_WORD.search(text):
        return ListAsk.COMPARE
    if ranks_amounts(text):
        return ListAsk.AMOUNTS
    if (MONEY_WORDS.search(text) or _summed(text) and asks_money(text)) and (
            PROJECT_WORD.search(text)):
        return ListAsk.AMOUNTS
    if _MUNICIPALITIES.search(text):
        return ListAsk.MUNICIPALITIES
    return ListAsk.PROJECTS


# What a row of the project list shows: its municipalities (by today's name too), county,
# period, themes and amounts. A later part asking only these is answered by the rows.
_ROW_WORDS = re.compile(
    r"\b(?:i\s+dag|hva|hvem|hvilke[nt]?|kva|kven|kvar|which|what|who|og|and|eller|or|men|de|"
    r"dei|dem|hvor|kor|how|mye|mykje|much|mange|many|"
    r"den|det|they|them|their|the|is|are|was|were|er|var|vart|ble|blei|har|hadde|have|had|"
    r"has|did|do|does|i|in|på|on|av|of|for|til|to|med|with|om|about|fra|frå|from|som|that|"
    r"hver(?:t)?|kvar(?:t)?|each|enkelt|disse|desse|these|those|\w*prosjekt(?:er|et|ene|a|ane)?|"
    r"\w*projects?|samme|same|part|dokument\w*|documents?|slags|kind|sort|types?|"
    r"\w*kommun\w*|municipalit\w*|fylke\w*|count(?:y|ies)|region\w*|heter|heiter|called|named|"
    r"\w*navn\w*|\w*namn\w*|names?|dagens|gamle|står|stod|bak|behind|involved|today|"
    r"now|nå|no|idag|hører|høyrer|ligger|ligg|belong\w*|located|år|åra|årene|years?|when|når|"
    r"periode\w*|period|start\w*|slutt\w*|tema\w*|"
    r"themes?|handl\w*|handle[ds]?|dreier|dreide|gjaldt|galdt|gjelder|gjeld|deal\w*|"
    r"sammenslå\w*|samanslå\w*|merg\w*|slått|slegne|sammen|saman|together|all|alle)\b",
    re.I)

# a question, not a wish for how the list is shown («Bruk dagens kommunenavn», «Kommuner og
# cirka når»)
_ASKS = re.compile(r"^\W*(?:(?:og|and|men|but|samt)\s+)?(?:hva|hvem|hvordan|hvor|hvilke[nt]?|"
                   r"kva|kven|korleis|kor|kva\s+for|what|who|how|which|whom)\b", re.I)


# «…, og fikk alle på plass en avtale med NAV?», «and did they reach their goals?»: a yes or no
# asked of every listed project
_YES_NO_OF_THEM = re.compile(
    r"^\W*(?:(?:og|and|men|but)\s+)?(?:fikk|fekk|nådde|har|hadde|ble|blei|vart|kom|klarte|"
    r"lyktes|did|do|have|has|had|were|got|reached|was)\s+(?:de|dei|alle|they|all|them|disse|desse|"
    r"prosjektene|prosjekta|the\s+projects|det|dette|prosjektet|it|this|that|the\s+project)\b",
    re.I)  # «… og fikk det noen effekt?»: of the one listed, the same


def asked_of_each_project(parts: tuple[Part, ...], ask: ListAsk | None) -> tuple[Part, ...]:
    """«Hvilke kommuner har hatt prosjekter om ettervern, og hva var målet med prosjektene?»:
    the later parts that ask each listed project something its row does not show (its goal,
    its method, who led it), each answered from the project's own document. A sum asked is
    the money list's; «… og hva heter kommunene i dag?» the rows' own."""
    if ask not in {ListAsk.PROJECTS, ListAsk.COUNT_PROJECTS, ListAsk.MUNICIPALITIES,
                   ListAsk.COUNT_MUNICIPALITIES} \
            or len(parts) < 2:
        return ()
    return tuple(part for part in parts[1:] if not part.narrowing and not part.money
                 and AnswerType.AMOUNT not in part.answer_types
                 and (_ASKS.match(part.text) or _YES_NO_OF_THEM.match(part.text))
                 and list_ask(part.text, False) is None  # «hvilke kommuner står bak?»
                 and re.search(r"[^\W\d_]{3,}", _ROW_WORDS.sub(" ", part.text)))  # «who led them»


# «Hvilke fylker har ingen referater?», «Which counties don't have any minutes?», «fylke utan
# prosjekt»: the counties left over, not those that have them
_COUNTIES_WITHOUT = re.compile(
    r"\b(?:fylker|fylka|fylke|fylkene|fylkja|counties)\b(?:\s+\S+){0,4}?\s+"
    r"(?:ikke|ikkje|ingen|inga|verken|korkje|uten|utan|without|no|not|never|don't|doesn't|"
    r"lack\w*|mangler|manglar)\b", re.I)


def asks_counties_without(text: str) -> bool:
    return bool(_COUNTIES_WITHOUT.search(text))
