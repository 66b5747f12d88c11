"""Which catalogue amounts a question asks for (applied for, granted, spent, budget, own share,
kept apart, never added across kinds), and whether it asks them of one named project."""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.core.question_values import AmountBound
from bot.core.understand.names import names
from bot.core.understand.parts import split_parts
from indexer.text.patterns import stems, words

# «Hvor mye fikk Kongsberg tildelt for «Se meg»-prosjektet?»: one named project's amounts, from
# the catalogue, which says so when the documents give none of the kind asked.
_HOW_MUCH_ONE = re.compile(
    r"\b(?:hvor mye|kor mykje|kor mye|how much)\b.{0,80}?(?:«[^»]+»|\b\w*prosjekt(?:et)?\b|"
    r"\b(?:their|the|this|that|its)\s+(?:\S+\s+){0,2}project\b)", re.I)
_HOW_MUCH = re.compile(r"\b(?:hvor mye|kor mykje|kor mye|how much)\b", re.I)
_POTS = words(r"læringsnettverk\w*", r"nettverk(?:a|ene)", r"networks?", r"fylke\w*")
# Which amounts a money question asks for: kept apart, never added across kinds.
_AMOUNT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("søkt", words("søkt", "søkte", "søker", "søkjer", r"søknadsbeløp\w*", "applied", "applying",
                   "apply for")),
    ("tildelt", words(r"tildelt\w*", r"tilsagn\w*", r"innvilg\w*", "fått", "fikk", "fekk",
                      "granted", "grant", "awarded", "received", "got", r"(?:they|we) \w* ?get",
                      r"(?:(?:actually|really) |did (?:\w+ ){1,3}?)get")),
    ("forbruk", words("brukt", "brukte", r"forbruk\w*", r"spen[dt]\w*", "used", r"regnskap\w*",
                      r"rekneskap\w*", r"expenditures?", "actual costs?")),
    ("budsjett", words(r"\w*budsjett\w*", "budgets?", r"ramme\w*")),
    ("egenandel", words(r"egenandel\w*", r"eigenandel\w*", r"eigeninnsats\w*",
                        "own contributions?",
                        # «hvor mye skulle kommunene legge inn selv?»
                        r"(?:legge|legg|leggje|betale|betala|dekke|dekkje|bidra|skyte)\s+"
                        r"(?:inn\s+|med\s+|til\s+)?(?:selv|sjølv|sjøl|themselves)")),
)
# A municipality's money from the state, which no project applies for or is granted
MUNICIPAL_MONEY = words(r"rammetilsk\w*", r"skjønn?smid\w*", r"refusjon\w*", r"inntektssystem\w*",
                         "block grants?", r"frie inntekter", "discretionary funds?")
_FUNDS = stems(r"stimuleringsmid\w*", r"tilskot\w*", r"tilskudd\w*", r"\bfunding\b", r"\bfunds\b")


def one_project_amount(text: str) -> bool:
    """Every part asks an amount of one named project («og hvor mye brukte de?» too); a part
    asking anything else, or a network's pot, is the fact answerer's."""
    return bool(_HOW_MUCH_ONE.search(text) and names(text)) and only_amounts(text)


def only_amounts(text: str) -> bool:
    """«Hvor mye fikk Haugesund og Karmøy tildelt, og hvor mye brukte de?»: catalogue amounts
    of a kind and nothing else, asked of no network's pot (the caller knows whose)."""
    said = {kind for kind, pattern in _AMOUNT_KINDS if pattern.search(text)}
    if not said & MONEY_KINDS or _POTS.search(text) or MUNICIPAL_MONEY.search(text):
        return False  # «Hvor mye økt rammetilskudd fikk Holmestrand?» asks no project's money
    return all(_HOW_MUCH.search(p.text) and AnswerType.AMOUNT in p.answer_types
               for p in split_parts(text))  # fmt: skip


MONEY_KINDS = frozenset({"søkt", "tildelt", "forbruk"})  # amounts that are always sums of money


# «Hvor mye mindre fikk de enn de søkte om?», «What was the gap between applied and granted?»
_DIFFERENCE = re.compile(
    r"\b(?:(?:hvor|kor) (?:mye|mykje|mange kroner) (?:mindre|mer|meir|lavere|lågare|høyere|"
    r"høgare)|how much (?:less|more|lower|higher)|forskjell(?:en)?|skilnad(?:en)?|"
    r"differanse(?:n)?|difference|gap(?:et)?|mellomlegg(?:et)?)\b", re.I)


def difference_asked(text: str) -> tuple[str, str] | None:
    """The two catalogue amounts whose difference is asked («søkt» and «tildelt»), or None."""
    if not _DIFFERENCE.search(text):
        return None
    kinds = sorted(amount_kinds(text))
    return (kinds[0], kinds[1]) if len(kinds) == 2 else None


def asks_money(text: str) -> bool:
    """«Kor mykje søkjer dei om?» asks a sum of money; «Hvor stor egenandel?» may ask a share."""
    return bool(amount_kinds(text) & MONEY_KINDS)


# Money by name: «hvor mye penger ber de om?» asks a sum, whatever it was asked for
_MONEY_NAMED = words("penger", "pengene", "pengar", "pengane", "money", "kroner", "kr", "nok",
                     # «Hvor mye vil Drammen tape eller tjene på reformen?», «How much does it cost?»
                     "tjene", "tjener", "tjent", "tene", "tener", "tape", "taper", "tapar", "tapt",
                     "earn", "earns", "lose", "loses", "koste", "koster", "kostar", "cost", "costs",
                     # pay: «Hvor mye får vi i arbeidsgodtgjøring?», «What is the fee?»
                     r"\w*godtgjør\w*", r"\w*godtgjer\w*", r"\w*lønn(?:a|en|inga|ingen)?",
                     r"honorar\w*", "salary", "salaries", "wages?", "fees?", "remuneration",
                     "compensation", "allowances?")


def asks_sum(text: str) -> bool:
    """The part asks a sum of money, by its kind («søkt», «fikk») or by name («penger»): a
    share («80 prosent av sakene») does not answer it."""
    return asks_money(text) or bool(_MONEY_NAMED.search(text))


def part_asks_sum(text: str, types: tuple[AnswerType, ...]) -> bool:
    """A part asks a sum of money when it asks an amount or names money: «Hva slags metode
    brukte de?» uses «brukte» of a method, «Fikk de tilsynsbesøk?» «fikk» of a visit."""
    return asks_sum(text) and (AnswerType.AMOUNT in types or bool(
        _MONEY_NAMED.search(text) or MONEY_WORDS.search(text)))


def amount_kinds(text: str) -> frozenset[str]:
    """The catalogue amounts asked for: «søkt», «fikk» (tildelt), «brukt», «budsjett» …;
    «stimuleringsmidler» alone asks for what was applied for and what was granted."""
    kinds = {kind for kind, pattern in _AMOUNT_KINDS if pattern.search(text)}
    if _FUNDS.search(text) and not kinds & {"søkt", "tildelt"}:
        kinds |= {"søkt", "tildelt"}
    return frozenset(kinds)


# Words of money, sums among them («hvor mye», «til sammen», «kr»)
MONEY_WORDS = stems("budsjett", "budget", "stimuleringsmid", "beløp", "kostnad", "midlar", "midler",
                    "tildel", "funding", "amount", "how much", "hvor mye", "kor mykje", "kroner",
                    r"\bkr\b", "til sammen", "til saman", "in total", "totalt", r"sum\b")
# The most and the least: «Hvilken prosjektbeskrivelse har størst budsjett, og hvilken minst?»
EXTREME = words("størst", "største", "høyest", "høyeste", "høgast", "høgaste", "lavest", "laveste",
                "lågast", "lågaste", "mest", "minst", "minste", "flest", "dyrest", "dyraste", "billigst",
                "largest", "biggest", "highest", "lowest", "smallest", "most", "least")
_WHICH_PROJECT = re.compile(
    r"\b(?:hvilke[nt]?|kva for(?: eit| ein| nokre)?|kva|which|what)\s+(?:\w+\s+){0,2}?"
    r"\w*(?:prosjekt|project|sluttrapport|final report)\w*", re.I)


# «ranger prosjektsøknadene etter hvor mye de søker om», «sort the projects by amount»
ORDERED = words(r"ranger\w*", r"rangér\w*", r"rangere\w*", r"sorter\w*", r"sortér\w*", "rank",
                "ranked", "ranking", "sort", "sorted", r"order(?:ed)?\s+by",
                r"topp?\s*-?\s*\d+", r"top\s+(?:three|five|ten)", r"topp\s+(?:tre|fem|ti)")
_PROJECTS_NAMED = re.compile(r"\w*(?:prosjekt|project|sluttrapport|final report)\w*", re.I)


def ranks_amounts(text: str) -> bool:
    """«Hvilken prosjektbeskrivelse har størst totalbudsjett?», «Which project applied for the
    most money?», «Ranger prosjektene etter søknadsbeløp»: which project, by the size of an
    amount."""
    return bool((EXTREME.search(text) and _WHICH_PROJECT.search(text)
                 or ORDERED.search(text) and _PROJECTS_NAMED.search(text))
                and (MONEY_WORDS.search(text) or asks_money(text)))


# «over 500 000 kr», «mindre enn 500k», «more than half a million», «minst 1,2 mill.», «inntil
# 400 000»: a bound a listed project's amount must pass
_ABOVE = r"(?P<above>mer\s+enn|meir\s+enn|over|more\s+than|above|exceeding|høyere\s+enn|" \
         r"høgare\s+enn|større\s+enn|larger\s+than|greater\s+than)"
_UNDER = r"(?P<under>mindre\s+enn|under|less\s+than|below|lavere\s+enn|lågare\s+enn|" \
         r"lower\s+than|smaller\s+than)"
_AT_LEAST = r"(?P<least>minst|at\s+least)"
_AT_MOST = r"(?P<most>inntil|opp\s+til|maks(?:imalt)?|høyst|høgst|at\s+most|up\s+to|no\s+more\s+than)"
_FIGURE = (r"(?P<figure>\d{1,3}(?:[  .,]\d{3})+|\d+(?:[.,]\d+)?)\s*(?P<scale>k\b|000\b|"
           r"mill(?:ion(?:er|ar)?|\.)?|mnok|million)?|(?P<half>en\s+halv|ein\s+halv|half\s+a)\s+"
           r"million\w*")
_BOUND = re.compile(rf"\b(?:{_ABOVE}|{_UNDER}|{_AT_LEAST}|{_AT_MOST})\s+(?:kr\.?\s*|nok\s*)?"
                    rf"(?:{_FIGURE})(?P<unit>\s*(?:kr\b|kroner|nok\b))?", re.I)
_BIG = 10_000  # a bound on a project's money is in the tens of thousands at least


def amount_bound(text: str) -> AmountBound | None:
    """The bound the question sets on the amounts it lists, or None (a count, a year, a
    share are no bound: «over 20 prosent», «mer enn 3 kommuner»)."""
    for m in _BOUND.finditer(text):
        nok = _nok(m)
        if nok is None or nok < _BIG and not m["unit"]:
            continue
        return AmountBound(nok, above=bool(m["above"] or m["least"]),
                           inclusive=bool(m["least"] or m["most"]))
    return None


def _nok(m: re.Match[str]) -> int | None:
    if m["half"]:
        return 500_000
    figure = m["figure"]
    scale = (m["scale"] or "").casefold()
    if scale.startswith(("mill", "mnok")):
        return int(float(figure.replace(" ", "").replace("\u00a0", "").replace(",", ".")) * 1e6)
    digits = re.sub(r"[  .,]", "", figure)
    if not digits.isdigit():
        return None
    value = int(digits)
    return value * 1000 if scale in ("k", "000") else value
