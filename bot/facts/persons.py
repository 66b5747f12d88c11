"""A person the knowledge base never mentions cannot be answered about.

«Hva sa Kjell Ingolf Ropstad på møtet?»: when no chunk holds the surname, every sentence the
composer could pick is about someone else, however close its topic. Capitalised words that name
a body or a law («Child Welfare Act», «Stiftelsen Dam») are no person.
"""

from __future__ import annotations

from bot.core.question import Question
from indexer.store.lexical import LexicalIndex, tokenize

_BODIES = frozenset(
    "act acts law lov loven governor administrator administration county council ministry "
    "department directorate office agency board foundation centre center services service "
    "welfare child children protection institute university college committee association "
    "stiftelsen statsforvalteren fylkesmannen direktoratet departementet kommune kommunen "
    "fylkeskommune fylkeskommunen senter senteret høgskolen universitetet forum nettverket "
    "barnevernet barneverntjenesten barnevernstenesta".split())


def unknown_person(question: Question, lexical: LexicalIndex) -> str | None:
    """The first full name asked about whose surname no document uses, or None."""
    for name in question.persons:
        words = name.split()
        if any(w.casefold() in _BODIES for w in words):
            continue
        stems = tokenize(words[-1])
        if stems and not any(lexical.known(s) for s in stems):
            return name
    return None
