"""Word-level evidence: which content words of a question a sentence covers, weighted by rarity.

Compound-aware (Norwegian heads come last: «rekruttering» in «rekrutteringsplan»), with the
domain glossary bridging English and Nynorsk to the Bokmål the documents mostly use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer.store.lexical import LexicalIndex, tokenize
from indexer.text.glossary import expand

Groups = list[tuple[set[str], float]]  # equivalent stems, weight
# Question words, words every document of this corpus uses, and the knowledge base itself
# («… i kunnskapsbasen»): no evidence either way.
SKIP = frozenset(tokenize(
    "hva hvem hvor hvilke hvilken hvilket når hvordan hvorfor kva kven kvar kor korleis what who "
    "where which when how why according gi oppsummer fortell dato datoen date many much mye "
    "mange mykje stor kommune kommunen kommunene kommunar kommunane læringsnettverk "
    "læringsnettverket nettverket barnevern barnevernet ifølge står sto skal var er ble vart "
    "har hatt fikk få skjer gjelder gjøre går gikk gått år sa sagt sier said say says is was were did does the "
    "sette setje satte sette set "
    "selv sjølv sjølve themselves "
    "riktig korrekt sant correct true "  # «…, er det riktig?»
    "forrige førre høst høsten haust hausten våren vinteren sommeren "  # «sendte ut forrige høst»
    "of in to for with from about and og i om kunnskapsbasen kunnskapsbase basen knowledge"
))
# English function words: as stems they can meet Norwegian words («still» → «stil», «are»).
# Rules that ask whether a sentence says the question's words leave them out; the fitted
# sentence model keeps the features it was fitted with.
ENGLISH_FUNCTION = frozenset(tokenize(
    "are am be been being still any there their they them this that these those it its an a "
    "has have had do can could should would will may might must not no yes all some more most "
    "other such only so than too very just also now yet ever"))
_SURFACE = re.compile(r"\w+")
# «Er fristen fortsatt 1. mars?»: the adverb asks about the time, not a topic; the verb
# («Fortsatte de med vakttelefonen?») shares its stem and is kept
_STILL = re.compile(r"\b(?:fortsatt|framleis|fremdeles|still)\b", re.I)


def content_groups(text: str, lexical: LexicalIndex, english: bool = False) -> Groups:
    """Weighted word groups; English words the corpus never uses carry no evidence either way
    (a Norwegian word the corpus lacks does: it names something we do not have)."""
    groups: Groups = []
    for group in expand(_STILL.sub(" ", text), lexical.known):
        if group & SKIP:
            continue
        if english:
            group = {s for s in group if lexical.known(s)}
        if group:
            weight = max(lexical.idf(s) for s in group)
            if not any(lexical.known(s) for s in group):
                weight = 1.0  # phrasing the corpus never uses must not outweigh real words
            groups.append((group, weight))
    return groups


def matches(group: set[str], stems: set[str] | frozenset[str]) -> bool:
    """Exact stem, an inflection the stemmer missed, or a compound."""
    for g in group:
        if g in stems:
            return True
        if len(g) < 4:
            continue
        for s in stems:
            if len(s) >= 4 and g.startswith(s) and len(g) - len(s) <= 2:
                return True  # the stemmer cut one form harder ("ansvar" → "ansv")
            if len(s) >= 6 and (s.startswith(g) or s.endswith(g)):
                return True
            if abs(len(s) - len(g)) == 1 and linked(g, s):
                return True
    return False


def linked(a: str, b: str) -> bool:
    """One compound with and without the linking s: «barnevernsreform» and «barnevernreform»,
    «barnevernstjeneste» and «barneverntjeneste» (both spellings are in use)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[i] == "s" and longer[:i] + longer[i + 1:] == shorter
               for i in range(4, len(longer) - 3))


def modifier_said(group: set[str], stems: set[str] | frozenset[str]) -> bool:
    """«ettervernsprosjektet» asked of a report on «ettervern»: the question's compound, whose
    first half (six letters or more, a head of four or more after it) the sentence says."""
    return any(len(s) >= 6 and g.startswith(s) and len(g) - len(s) >= 4
               for g in group for s in stems)


def coverage(groups: Groups, stems: set[str] | frozenset[str],
             said: Callable[[set[str], set[str] | frozenset[str]], bool] = matches) -> float:
    """The share of the groups' weight the stems say (`said`: how a group counts as said)."""
    total = sum(w for _, w in groups)
    if not total:
        return 0.0
    return sum(w for g, w in groups if said(g, stems)) / total


def surface(text: str) -> frozenset[str]:
    """Word forms of four letters or more, as written: exact phrasing."""
    return frozenset(w for w in _SURFACE.findall(text.lower()) if len(w) >= 4)
