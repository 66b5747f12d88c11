"""Typos read as the corpus words they almost are: «fosterhejm» → «fosterhjem».

Only words the corpus does not know are touched, and only towards a word it does know that is
one edit away (two for long words), starts with the same letter and is not rarer than the
alternatives. A word that is real Bokmål or English (wordfreq's lists), a name, or a common
Nynorsk word is never "corrected", however rare it is in the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"[a-zæøåéü]+", re.I)
MIN_LENGTH = 5
# Nynorsk forms wordfreq's Bokmål list lacks and a small corpus may never use.
_NYNORSK = frozenset(
    "korleis kvifor kjem vedteke vedtekne vart vorte kven kvar kva nokon noko nokre ikkje "
    "eigen eige eigne fekk gjekk heile berre desse dette mykje sjølv sjølve kommunane "
    "kommunar skulle kunne hadde tenesta tenestene tenester barnevernstenesta rettleiar "
    "rettleiing leiar leiarar samling samlinga møtet dokumentet spørsmål svaret".split()
)
# Words questions ask with, whatever the corpus says: a typo of one («totlat») is read as it.
_ASKING = frozenset(
    "totalt samlet samla summen oversikt kronologisk hvilke hvilken hvilket hvor mange mykje "
    "finnes prosjekter prosjektene kommuner kommunene deltakere deltok vedtak vedtatt bestemt "
    "oppfølgingspunkter sluttrapporter utlysninger retningslinjer referater søknadsfrist "
    "søknadsfristen sluttrapportene utlysningene retningslinjene referatene prosjektbeskrivelser "
    "prosjektbeskrivelsene prosjektskildringar prosjektskildringane sluttrapportar "
    "tilsynsrapporter tilsynsrapportene oppsummer oppsummere oppsummering oppsummert "
    "sammendrag sammendraget samandrag summary summarise summarize".split())
# Short words typed without æ, ø, å («nar er neste møte?»): too short for the edit-distance
# reading, and never anything else in a question.
_ASCII = {"nar": "når", "naar": "når", "paa": "på", "maa": "må", "naa": "nå", "faa": "få"}
_REAL = 0.5  # wordfreq's Zipf scale: above this a word is in use
_LONG = 8  # a compound-looking word this long one letter from a frequent corpus word is a typo
_FREQUENT = 5  # … of a word the corpus uses at least this often
_LONG_NAME = 12  # a capitalised word this long is a compound name, whose typo can be read
_COMMON_PART = 3.0  # a part of a compound must be a common word (Zipf ≥ 3: once per 1M words)


class Speller:
    """Corrections against a vocabulary of surface words with their corpus frequencies."""

    def __init__(self, counts: Counter[str], protected: Iterable[str] = ()) -> None:
        self._counts = counts + Counter({w: 2 for w in _ASKING if counts[w] < 2})
        self._words = [w for w in self._counts if len(w) >= MIN_LENGTH - 1]
        self._protected = {w.casefold() for w in protected} | _NYNORSK
        self._plain: dict[str, str] = {}  # «sokte» → «søkte»: a corpus word typed without æøå
        lettered = [w for w in self._counts if _LETTERS.search(w)]
        for w in sorted(lettered, key=lambda w: -self._counts[w]):  # the most used wins a tie
            for plain in without_letters(w):
                self._plain.setdefault(plain, w)

    @classmethod
    def from_texts(cls, texts: Iterable[str], protected: Iterable[str] = ()) -> Speller:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w.casefold() for w in _WORD.findall(text))
        return cls(counts, protected)

    def knows(self, word: str) -> bool:
        return word.casefold() in self._counts

    def correct(self, word: str) -> str | None:
        """The corpus word `word` is a typo of, or None."""
        key = word.casefold()
        if len(key) < MIN_LENGTH or key in self._counts or key in self._protected:
            return None
        # a long capitalised compound names something: its spelling is the documents', not
        # the dictionary's
        named = word[0].isupper() and len(word) >= _LONG_NAME
        asking = _closest(key, _ASKING)
        if asking is not None and not named and not _is_real_word(key, _COMMON_PART) and not (
                _inflected(key, asking)):
            return asking  # «oppsumering»: a rare spelling a letter from a word questions ask with
        if (not named and _is_real_word(key)) or self._is_variant(key):
            return None
        plain = self._plain.get(key)
        if plain is not None and not _LETTERS.search(key):
            return plain  # not «sokte» → «sikte», one edit too: æ, ø and å were not typed
        swapped = self._swapped(key)
        if swapped is not None and not _inflected(key, swapped):
            return swapped  # not «barnevernlederen» → «barnevernlederne»: both are words
        if asking is not None and (asking.startswith(key) or _nynorsk_form(key, asking)
                                   or _longer_form(key, asking)):
            return None  # «prosjektskildringa»: the singular of «prosjektskildringar»;
            # «søknadsfristene»: the plural of «søknadsfristen» — no typos
        if asking is not None:
            return asking  # «utlysniger», «prosjektbeskrivelsne»: what questions ask with
        usable = self._near(key, 1 if len(key) <= 7 else 2)
        if self._is_compound(key):
            # «egenadel» reads as «egen» + «adel», but one letter from a word the corpus uses
            # again and again it is that word, missing a letter; a long capitalised one names
            # something, and the documents naming it twice is enough
            often = 2 if named else _FREQUENT
            usable = [(w, d) for w, d in usable if d == 1 and len(key) >= _LONG
                      and self._counts[w] >= often]
        if not usable:
            return None
        return min(usable, key=lambda pair: (pair[1], -self._counts[pair[0]]))[0]

    def _near(self, key: str, limit: int) -> list[tuple[str, int]]:
        """Corpus words a few edits away; none when one of them is `key` in another inflection
        («statsforvaltere» beside «statsforvalteren»): then `key` is a word, not a typo of a
        third one («statsforvaltaren»)."""
        found = process.extract(key, self._words, scorer=OSA.distance, score_cutoff=limit,
                                limit=8)
        near = [(w, int(d)) for w, d, _ in found if w[0] == key[0] and self._counts[w] >= 2]
        if any(_inflected(key, w) for w, _ in near):
            return []
        return near

    def _swapped(self, word: str) -> str | None:
        """«søknadsfirst»: two neighbouring letters swapped in a word the corpus uses often is
        a typo, though «søknads» + «first» would pass for a compound."""
        found = [w for i in range(len(word) - 1)
                 if (w := word[:i] + word[i + 1] + word[i] + word[i + 2:]) != word
                 and self._counts[w] >= 2]
        return max(found, key=lambda w: self._counts[w]) if found else None

    def _is_variant(self, word: str) -> bool:
        """«søkjer» is the Nynorsk spelling of a known word («søker»), not a typo of another."""
        shared = _variant(word)
        return shared != word and (self._counts[shared] > 0 or _is_real_word(shared))

    def _is_compound(self, word: str) -> bool:
        """«fosterhjemsprosjekt»: two known words (with a linking s or e) are no typo."""
        for i in range(4, len(word) - 3):
            head, tail = word[:i], word[i:]
            if not self._common(tail):
                continue
            for stem in (head, head[:-1] if head.endswith(("s", "e")) else None):
                if stem and len(stem) >= 4 and self._common(stem):
                    return True
        return False

    def _common(self, part: str) -> bool:
        return self._counts[part] >= 2 or _is_real_word(part, _COMMON_PART)

    def corrections(self, text: str) -> list[tuple[str, str]]:
        """(written, read) for every word of `text` read as another; capitalised words (names)
        are left alone, save long ones: a compound name («Kristiansandregionen») one letter
        from one the documents use is that name."""
        found: list[tuple[str, str]] = []
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].isupper() and match.start() > 0 and len(word) < _LONG_NAME:
                continue
            read = _ASCII.get(word.casefold()) or self.correct(word)
            if read is not None and (word, read) not in found:
                found.append((word, _same_case(word, read)))
        return found


_LETTERS = re.compile("[æøå]")
_PLAIN = {"æ": ("a", "ae"), "ø": ("o", "oe"), "å": ("a", "aa")}


def without_letters(word: str) -> set[str]:
    """The ways `word` is typed on a keyboard without æ, ø and å (one way per word)."""
    return {"".join(_PLAIN[c][way] if c in _PLAIN else c for c in word) for way in (0, 1)}


def _closest(key: str, words: Iterable[str]) -> str | None:
    """The one word of `words` a single edit from `key`, if exactly one is."""
    near = [w for w in words if w[0] == key[0] and OSA.distance(key, w, score_cutoff=1) <= 1]
    return near[0] if len(near) == 1 else None


def _inflected(word: str, known: str) -> bool:
    return (known.startswith(word) or word.startswith(known) or _nynorsk_form(word, known)
            or _other_ending(word, known))


def _longer_form(word: str, known: str) -> bool:
    """«søknadsfristene» is `known` («søknadsfristen») with an ending added: another form."""
    return word.startswith(known) and word[len(known):] in _ENDINGS


def _nynorsk_form(word: str, known: str) -> bool:
    """«prosjekta», «kommunane», «møta»: a Nynorsk plural of a word the corpus has in another
    form («prosjektet»), an inflection and no typo."""
    for ending in ("ane", "ar", "a"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 5 and known.startswith(stem):
            return True
    return False


_ENDINGS = frozenset(["", *"e en et er ene a ar ane ne n t r s es ens ets ers".split()])


def _other_ending(word: str, known: str) -> bool:
    """«barnevernledere» beside «barnevernlederne», «tilsynene» beside «tilsynet»: the same word
    in another inflection (Bokmål or Nynorsk), where both differ only by an ending."""
    for ending in _ENDINGS:
        stem = word[: len(word) - len(ending)]
        if word.endswith(ending) and known.startswith(stem) and known[len(stem):] in _ENDINGS:
            return True
    return False


def _is_real_word(word: str, limit: float = 0.5) -> bool:
    from wordfreq import zipf_frequency  # loads its lists on first use (~0.2 s)

    return zipf_frequency(word, "nb") > limit or zipf_frequency(word, "en") > limit


_SOFTENED = re.compile(r"(?<=[kg])j")
# Nynorsk «-leg, -lege, -legt» is Bokmål «-lig, -lige, -lig» (ansvarleg, ansvarlig)
_NYNORSK_LIG = re.compile(r"leg(e?)t?$")


def _variant(word: str) -> str:
    """The spelling Bokmål and Nynorsk share: kj/gj before a vowel is k/g (søkjer, søker);
    the adjective ending «-leg» is «-lig» (ansvarleg, ansvarlig)."""
    return _NYNORSK_LIG.sub(r"lig\1", _SOFTENED.sub("", word))


def apply(text: str, corrections: list[tuple[str, str]]) -> str:
    for written, read in corrections:
        text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", read, text)
    return text


def _same_case(written: str, read: str) -> str:
    return read[0].upper() + read[1:] if written[0].isupper() else read
