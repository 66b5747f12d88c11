"""Persons asked about. One the knowledge base never mentions cannot be answered about, and a
role asked («Hvem leder …?») is answered only by a sentence naming the person in that role.

«Hva sa Kjell Ingolf Ropstad på møtet?»: when no chunk holds the surname, every sentence the
composer could pick is about someone else, however close its topic. Capitalised words that name
a body or a law («Child Welfare Act», «Stiftelsen Dam») are no person.
"""

from __future__ import annotations

import re

from bot.core.question import Question
from bot.facts.candidates import Candidate
from bot.facts.words import matches
from indexer.store.lexical import LexicalIndex, tokenize
from indexer.text.glossary import expand, without_possessive
from indexer.text.people import person_spans

_BODIES = frozenset(
    "act acts law lov loven governor administrator administration county council ministry "
    "department directorate office agency board foundation centre center services service "
    "welfare child children protection institute university college committee association "
    "stiftelsen statsforvalteren fylkesmannen direktoratet departementet kommune kommunen "
    "fylkeskommune fylkeskommunen senter senteret høgskolen universitetet forum nettverket "
    "barnevernet barneverntjenesten barnevernstenesta".split())
HEADING_LINE = 40  # characters a line above a sentence may have and still be its heading
ROLE_NEAR = 40  # characters between a role word and the name of the person holding it
_WORD = re.compile(r"\w+")
# «kontaktperson», «ressurspersonen», «contact person»: the role is said by its first part
_PERSON_SUFFIX = re.compile(r"\s*person(?:en|ar|er|ane|ene)?$", re.I)


def unknown_person(question: Question, lexical: LexicalIndex) -> str | None:
    """The first full name asked about whose surname no document uses, or None."""
    for name in question.persons:
        words = name.split()
        if any(_names_body(w) for w in words):
            continue
        stems = tokenize(words[-1])
        if stems and not any(lexical.known(s) for s in stems):
            return name
    return None


def names_one_of(text: str, persons: tuple[str, ...]) -> bool:
    """The text names one of the persons, by surname at least («… ved Bente Cecilie Foss»,
    «Foss orienterte»)."""
    return any(re.search(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", text, re.I)
               for name in persons)


def _names_body(word: str) -> bool:
    """«Administrators», «State Administrator's» name a body as «Administrator» does."""
    bare = without_possessive(word.casefold())
    return bare in _BODIES or bare.removesuffix("s") in _BODIES


def names_role(role: str, cand: Candidate) -> bool:
    """The sentence names a person as the role asked for (in any language the glossary
    bridges: «project manager» is «prosjektleder»): under a heading or label naming it, or
    beside the role word — «barnevernlederne i Lillesand … ansvar: Tone Eikeland» names
    Kristiansand's coordinator, not Lillesand's leader."""
    groups = expand(role)
    people = person_spans(cand.text)
    if not people:
        return False
    above = f"{cand.context}\n{_line_above(cand)}"
    if all(_says_role(group, above) for group in groups):
        return True
    short = _PERSON_SUFFIX.sub("", role)  # «kontaktperson» under the heading «Kontakt»
    if short != role and len(short) >= 4 and all(
            _says_role(group, above) for group in expand(short)):
        return True
    role_words = [m.span() for m in _WORD.finditer(cand.text)
                  if any(_says_role(group, m.group()) for group in groups)]
    return any(abs(a - c) <= ROLE_NEAR or abs(b - d) <= ROLE_NEAR
               for a, b in role_words for c, d in people)


def _line_above(cand: Candidate) -> str:
    """A short line of its own right above the sentence, a heading a PDF lost its mark on
    («Kontakt⏎Seniorrådgiver Trine Sletten Olsen …»); empty when the line above is a sentence."""
    before = cand.evidence.chunk.text[:cand.start].rstrip()
    line = before.rsplit("\n", 1)[-1].strip()
    return line if line and len(line) <= HEADING_LINE and not line.endswith((".", ":", ";")) else ""


def _says_role(group: set[str], text: str) -> bool:
    """The text names the role, also as a compound's last part («leder» in «Prosjektleder»,
    whose stem the stemmer may cut shorter: «prosjektleiar» → «prosjektlei»)."""
    stems = frozenset(tokenize(text))
    return matches(group, stems) or any(
        len(s) >= cut + 3 and s.endswith(g[:cut])
        for g in group for cut in range(max(3, len(g) - 2), len(g) + 1) for s in stems)
