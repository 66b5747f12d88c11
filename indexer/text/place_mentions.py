"""Finding municipality names in free text: whole capitalised words, with support for names
that are also everyday words or surnames (Vik, Time, Bø), and never inside a person's name.

The Gazetteer (indexer.text.places) resolves what this module finds; this module only reads text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Names that are also everyday words or common surnames: they count only with support
# ("Hole kommune", "i Vik", "barnevernleder Time", or listed next to another municipality).
COMMON_WORD_NAMES = frozenset(
    {
        "Alver", "Aure", "Berg", "Bø", "Eid", "Eide", "Fet", "Fjell", "Fjord", "Flå", "Frei",
        "Gol", "Gran", "Grue", "Heim", "Hof", "Hol", "Hole", "Hvaler", "Hå", "Kinn", "Leka",
        "Lier", "Lom", "Lund", "Marker", "Moss", "Nes", "Nome", "Os", "Osen", "Re", "Roan",
        "Råde", "Røst", "Sande", "Sel", "Ski", "Sola", "Stad", "Stange", "Strand", "Stranda",
        "Sula", "Sund", "Tana", "Time", "Tinn", "Vang", "Vega", "Vik", "Ål", "Ås", "Øyer",
    }
)  # fmt: skip
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]\w*")
# Addresses, and a county governor's office («Statsforvalteren i Oslo og Viken»): its place is
# a county, never the municipality of the same name.
_MASK = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b(?:Statsforvalt|Fylkesmann)\w*\s+i\s+"
                   r"[A-ZÆØÅ][\w-]*(?:\s+og\s+[A-ZÆØÅ][\w-]*)?")
_UNIT_AFTER = re.compile(r"[ \t]+(?:kommunen?|kommunes|herad|heradet|herred)\b", re.IGNORECASE)
_UNIT_BEFORE = frozenset(
    {"kommune", "kommunen", "kommunene", "kommunane", "kommuner", "kommunar", "herad"}
    | {"vertskommune", "vertskommunen", "samarbeidskommune", "samarbeidskommunen"}
)
_PLACE_BEFORE = frozenset({"i", "fra", "frå", "til"})
# «Nav Sogndal», «Barnevernet Vik»: an office and its place, not a person's names
_OFFICE_BEFORE = frozenset({"Nav", "Bufetat", "Barnevernet", "Barneverntjenesten",
                            "Barnevernstenesta", "Barnevernstjenesten", "Barneverntenesta"})
_ROLE = re.compile(r"(?:leder|leiar|lederen|leiaren|sjef)$")
_SEPARATOR = re.compile(
    r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:,[ \t]*og|,|og|eller|samt|/|&|-|–|—)?[ \t]*"
)
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;(«\"»]|\n[ \t]*\d{1,3}[.)])[ \t*#>•·–-]*$")
_WINDOW = 120


@dataclass(frozen=True)
class _Hit:
    start: int
    stop: int  # after a genitive s, if any
    name: str  # exactly as in the gazetteer (and in the text)


def accepted_names(
    text: str, first_words: dict[str, list[str]], known: frozenset[str], lenient: bool
) -> list[str]:
    """Gazetteer names found in `text`, in order, each accepted on its own or by a list.

    `first_words` maps a name's first word to the full names starting with it; `known` holds
    every place name (to tell "Ragnhild Ystanes Bø" the person from Bø the municipality).
    """
    masked = _MASK.sub(lambda m: " " * len(m.group()), text)  # keeps offsets
    hits = [h for h in _scan(masked, first_words) if not _in_person_name(masked, h, known)]
    accepted = {h for h in hits if _is_supported(masked, h, lenient)}
    pending = [h for h in hits if h not in accepted]
    grew = True
    while grew:  # lists spread support: "Kvam, Fjell og Os"
        joined = [h for h in pending if any(_listed_together(masked, h, a) for a in accepted)]
        accepted.update(joined)
        pending = [h for h in pending if h not in accepted]
        grew = bool(joined)
    return [h.name for h in hits if h in accepted]


def _scan(text: str, first_words: dict[str, list[str]]) -> list[_Hit]:
    """Capitalised whole-word names; "Sund" never inside "Haugesund" or "Fron" in "Nord-Fron"."""
    hits: list[_Hit] = []
    for token in _TOKEN.finditer(text):
        start, word = token.start(), token.group()
        if (hits and start < hits[-1].stop) or not word[0].isupper():
            continue
        after_hyphen = start > 0 and text[start - 1] == "-"
        if after_hyphen and not (hits and hits[-1].stop == start - 1):
            continue  # "Aust-Agder", "Berg-Hansen": only "Trondheim-Malvik" lists go on
        keys = (word, word[:-1]) if word.endswith("s") else (word,)
        names = sorted({n for k in keys for n in first_words.get(k, ())}, key=len, reverse=True)
        for name in names:
            stop = _name_end(text, start, name)
            if stop is not None:
                hits.append(_Hit(start, stop, name))
                break
    return hits


def _name_end(text: str, start: int, name: str) -> int | None:
    """End of `name` at `start` as a whole word, allowing a genitive s ("Kvams", "Bergens-")."""
    end = start + len(name)
    if not text.startswith(name, start):
        return None
    if not _is_word_char(text[end : end + 1]):
        return end
    genitive = text[end] == "s" and name[-1] not in "sxz"
    return end + 1 if genitive and not _is_word_char(text[end + 1 : end + 2]) else None


def _in_person_name(text: str, hit: _Hit, known: frozenset[str]) -> bool:
    """ "Ragnhild Ystanes Bø", "Ingunn Barmen Tysnes": a place name inside a run of names."""
    if _UNIT_AFTER.match(text, hit.stop):
        return False
    previous = _previous_word(text, hit.start)
    if previous is not None:
        word, word_start = previous
        if (_titlecase(word) and word not in known and word not in _OFFICE_BEFORE
                and not _at_sentence_start(text, word_start)):
            return True
    following = re.match(r"[ \t]+([^\W\d_][\w-]*)", text[hit.stop : hit.stop + _WINDOW])
    return following is not None and _titlecase(following[1]) and following[1] not in known


def _is_supported(text: str, hit: _Hit, lenient: bool) -> bool:
    if hit.name not in COMMON_WORD_NAMES or _UNIT_AFTER.match(text, hit.stop):
        return True
    previous = _previous_word(text, hit.start)
    if previous is not None:
        word = previous[0].casefold()
        if word in _UNIT_BEFORE or word in _PLACE_BEFORE or _ROLE.search(word):
            return True
    return lenient and not _at_sentence_start(text, hit.start)


def _listed_together(text: str, a: _Hit, b: _Hit) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.stop : second.start]
    return bool(gap.strip()) and _SEPARATOR.fullmatch(gap) is not None


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    """The word just before `start`, separated by spaces only, and where it starts."""
    low = max(0, start - _WINDOW)
    match = re.search(r"(\S+)[ \t]+$", text[low:start])
    if match is None or (match.start() == 0 and low > 0):
        return None
    return match.group(1), low + match.start()


def _at_sentence_start(text: str, pos: int) -> bool:
    low = max(0, pos - _WINDOW)
    sentinel = "x" if low > 0 else ""  # a cut window must not look like the text's start
    return _SENTENCE_START.search(sentinel + text[low:pos]) is not None


def _titlecase(word: str) -> bool:
    letters = word.replace("-", "")
    return letters.isalpha() and word[0].isupper() and any(c.islower() for c in word)


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")
