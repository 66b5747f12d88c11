"""What a list question is about when it names no theme we know: «prosjekter om rusomsorg»,
«rusprosjekter». The list route answers «Mente du …?» with the `nearest` themes instead of an
unfiltered list; a «ja» to a single suggestion asks the list of that theme.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bot.core.understand.places import LEFT_OUT_WORDS
from indexer.text.themes import THEMES, Theme, themes_in

# what names a subject («prosjekter om», «reports on», «handlar om») and the word before it
_SUBJECT_HEADS = (r"prosjekt\w*", "projects?", r"sluttrapport\w*", r"rapport\w*", "reports?",
                  r"dokument\w*", "documents?", r"referat\w*", "minutes", "handl(?:er|ar|a|et)",
                  "dreier seg", "dreidde seg", "is", "are", "was", "were")
_ABOUT = ("om", "on", "about", "innen", "innan", "within", "med tema", "knytt(?:et)? til",
          "related to")


def _subject(most_words: int) -> re.Pattern[str]:
    """«prosjekter om X», «reports on X»: X, up to `most_words` words."""
    return re.compile(rf"\b(?:{'|'.join(_SUBJECT_HEADS)})\s+(?:{'|'.join(_ABOUT)})\s+"
                      rf"(?P<topic>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){{0,{most_words - 1}}})",
                      re.I)


_SUBJECT = _subject(4)
# «prosjekter for ungdom som flytter ut …»: who a project is for, when a clause describes them
_FOR_SUBJECT = re.compile(
    r"\bprosjekt\w*\s+for\s+(?P<topic>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})", re.I)
# «rusprosjekter», «rusprosjekta»; not «gullprosjektet», which names one project
_COMPOUND = re.compile(r"\b(?P<topic>[^\W\d_]{3,}?)s?-?prosjekt(?:er|ene|a|ane)?\b", re.I)
_STOP = re.compile(
    r"\s+(?:i|på|fra|frå|før|etter|siden|sidan|som|med|for|og|eller|in|at|from|before|after|"
    r"since|with|and|or|that|which|finnes|fins|finst|har|hadde|hatt|er|var|vært|vore|blitt|"
    r"kan|ble|vart|is|are|was|were|have|has|had|exist\w*|do|does|did|can)\b.*$", re.I)
# «barn som står midt i …», «children who …»: a generic word that a clause goes on to describe
# … also after an infinitive («å hjelpe ungdom som blir voksne», «to help young people who …»)
_DESCRIBED = re.compile(r"(?:(?:å|to)\s+[^\W\d_][\w-]*\s+)?[^\W\d_][\w-]*\s+"
                        r"(?:som|der|who|that|whose)\s+\w+", re.I)
_CLOSE = 0.72  # similarity of a written word and a theme term that makes a suggestion
_SHOWN = 3
# Words every project here is about, or that name no subject at all.
_GENERIC = frozenset("""
    barn barna barnet children child barnevern barnevernet barneverntjenesten barnevernstenesta
    barneverntenesta barnevernstjenesten child-welfare welfare kommune kommuner kommunar kommunane
    kommunene municipality municipalities læringsnettverk læringsnettverket nettverk nettverket
    network networks stimuleringsmidler stimuleringsmidlar midler midlar penger pengar funding
    utvikling utviklings development samarbeid samarbeids cooperation prosjekt prosjekter project
    projects året år dette det dei dem de disse desse them those these this that it all alle
    hva kva what which the a an noe noko something felles fylkes lærings pilot forsknings
    interkommunale interkommunalt hoved hovud del nye andre other gamle utvikle
""".split())


def unknown_theme(text: str, known_names: frozenset[str]) -> str | None:
    """The subject a list question names when no theme matched it, else None."""
    for match in (*_SUBJECT.finditer(text), *_COMPOUND.finditer(text),
                  *_FOR_SUBJECT.finditer(text)):
        if match.re is _FOR_SUBJECT and not described(match.group("topic")):
            continue  # «prosjekter for 2024», «prosjektene for Vestland»: no subject
        topic = _STOP.sub("", match.group("topic")).strip(" -")
        words = topic.split()
        if words and words[0] not in known_names and described(text[match.start("topic"):]):
            # «prosjekter om barn som står midt i vanskelige skilsmisser»: to the sentence's end
            return re.split(r"[?.!;]|,\s*(?:og|and|men|but)\b", text[match.start("topic"):],
                            maxsplit=1)[0].strip()
        if not words or words[0].casefold() in _GENERIC or words[0] in known_names:
            continue
        if match.re is _COMPOUND and words[0][0].isupper():
            continue  # «Haugesunds-prosjektet», «Gull-prosjekter»: a name, not a subject
        return topic
    return None


_PHRASE = _subject(6)  # the two halves of a compound may stand on either side of «og», «til»
# … so the phrase ends only where a clause of its own begins («… som finnes?»)
_STOP_AT_END = re.compile(r"\s+(?:som|that|which|finnes|fins|har|hadde|is|are|was|were)\b.*$",
                          re.I)
_LINKS = ("s", "e")  # «barn-e-samtaler», «kvalitet-s-system»
_PART = 3  # the shortest half of a split compound («rus»)


def compound_theme(text: str) -> tuple[str, str] | None:
    """A theme the subject phrase says in separate words: «veiledning og støtte til foreldre»
    is «foreldrestøtte» (and «foreldreveiledning»), «samtaler med barn» «barnesamtaler». Returns
    the theme key and the phrase, or None. Only read where no theme word matched, so a phrase
    that merely holds the two halves does not turn every question into a theme list."""
    for match in _PHRASE.finditer(text):
        phrase = _STOP_AT_END.sub("", match.group("topic"))
        written = [w.casefold() for w in re.findall(r"\w+", phrase)]
        for theme in THEMES:
            if any(_split_in(term, written) for term in theme.terms if term.isalpha()):
                return theme.key, phrase
    return None


def _split_in(term: str, written: list[str]) -> bool:
    """Both halves of the compound term begin two different words of the phrase."""
    for cut in range(_PART, len(term) - _PART + 1):
        head, tail = term[:cut], term[cut:]
        heads = {head} | {head[:-1] for link in _LINKS if head.endswith(link) and
                          len(head) > _PART}
        for i, word in enumerate(written):
            if any(word.startswith(h) for h in heads) and any(
                    other.startswith(tail) for j, other in enumerate(written) if j != i):
                return True
    return False


def described(topic: str) -> bool:
    """The subject is a word a clause goes on to describe («barn som står midt i …», «ungdom
    som flytter ut …»): no theme is spelled like it, its words say what it is about."""
    return bool(_DESCRIBED.match(topic))


def nearest(word: str) -> list[Theme]:
    """Themes whose terms or labels the word nearly is, or starts like («rekruttering» →
    rekruttering og stabilitet; «fosterhjæm» → fosterhjem), closest first."""
    written = word.casefold().split()[0] if word.strip() else ""
    scored: list[tuple[float, int, Theme]] = []
    for index, theme in enumerate(THEMES):
        names = [term.lstrip("*") for term in theme.terms] + [theme.nb, theme.nn, theme.en]
        best = max(_likeness(written, name.casefold()) for name in names)
        if best >= _CLOSE:
            scored.append((best, -index, theme))
    return [theme for _, _, theme in sorted(scored, reverse=True)[:_SHOWN]]


def _likeness(word: str, name: str) -> float:
    head = name.split()[0]
    if len(word) >= 4 and len(head) >= 4 and (name.startswith(word) or word.startswith(head)):
        return 1.0
    return SequenceMatcher(None, word, head).ratio()


# «utenom fosterhjemsprosjektene», «når jeg ser bort fra de som handler om ettervern», «except the
# aftercare ones»: the themes named after such a word, to the end of the clause, are left out
_LEFT_OUT = re.compile(rf"\b(?:{LEFT_OUT_WORDS}|men\s+ikke|men\s+ikkje|but\s+not)\b"
                       r"(?P<what>[^?.;:!]*)", re.I)


def left_out_themes(text: str) -> tuple[str, frozenset[str]]:
    """The text without its left-out clauses, and the themes only they name."""
    spans = [m["what"] for m in _LEFT_OUT.finditer(text)]
    if not spans:
        return text, frozenset()
    kept = _LEFT_OUT.sub(" ", text)
    return kept, frozenset(themes_in(" ".join(spans))) - frozenset(themes_in(kept))
