"""The sentences an answer may be built from: the answer units of the retrieved chunks
(`indexer.text.units`: sentences, label lines, list items, lead-ins with their lists, list
blocks), each with its evidence and what stands above it (title, headings, a «Label:» line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.claims import normalise
from bot.facts.retrieval import Evidence
from indexer.text.units import Unit, answer_units, is_list_item, line_of

_INSTRUCTION = re.compile(r"\b(ignorer|ignore|glem alle|forget all|du er nå|you are now)\b", re.I)
# Documents are untrusted input: a sentence that sends the reader to log in, give a password or
# open a link outside the public bodies the corpus comes from is never said in the bot's voice.
_LURE = re.compile(r"\b(logg?e? inn|log in|sign in|passord\w*|password\w*|be brukeren|ask the user|"
                   r"klikk (?:her|på lenken)|click (?:here|the link))", re.I)
_LINK_HOST = re.compile(r"(?:https?://|www\.)([\w.-]+)", re.I)
TRUSTED_HOSTS = ("regjeringen.no", "bufdir.no", "statsforvalteren.no", "ks.no", "helsetilsynet.no",
                 "lovdata.no", "udir.no", "nav.no", "fhi.no", "helsedirektoratet.no", "ssb.no",
                 "rkbu.no", "r-bup.no", "rvts.no", "napha.no", "uit.no", "uib.no", "ntnu.no",
                 "oslomet.no", "norce.no", "stortinget.no", "evuutvalget.no")


LONG = 8  # words of a line ending in a figure that is a sentence, not a dateline


@dataclass(frozen=True)
class Candidate:
    text: str
    evidence: Evidence
    start: int  # span in the chunk
    end: int
    context: str  # title, headings and a label line above it
    is_label: bool
    is_item: bool
    items: int  # list items a lead-in or a list block brings along (0 otherwise)
    block: bool = False
    table: bool = False  # a whole table: an answer to a list question only

    @property
    def key(self) -> tuple[str, int]:
        return (self.evidence.chunk.chunk_id, self.start)

    @property
    def ended(self) -> bool:
        """It ends as a sentence, a label line, a list item or a table row does; what ends as
        none of them is a caption, a byline or a subtitle («Gunn Marit Helgesen, KS'
        styreleder»), though a long finding may end in its figure («… kommunelovens § 25-1»)."""
        text = self.text.rstrip()
        return (self.is_label or self.is_item or self.block or self.table or " | " in text
                or text[-1:] in ".!?»:),;" or (text[-1:].isdigit() and len(text.split()) >= LONG))


def candidates(pool: list[Evidence]) -> list[Candidate]:
    found: list[Candidate] = []
    headings: set[str] = set()
    for ev in pool:
        for unit in answer_units(ev.chunk.text):
            if unit.block or (_usable(unit.text, ev) and not _heading_line(unit, ev)):
                found.append(_candidate(unit, ev))
        for i, heading in enumerate(ev.chunk.heading_path):
            text = _HEADING_MARKS.sub("", heading).strip()
            if _stated(text, ev) and text not in headings:
                headings.add(text)
                context = " ".join([ev.meta.title, *ev.chunk.heading_path[:i]])
                found.append(Candidate(text, ev, 0, 0, context, False, False, 0))
    return found


_HEADING_MARKS = re.compile(r"^#+\s*|\*\*|__")
STATED_WORDS = 10  # a heading longer than this states a fact («… frem mot søknadsfristen den 1. …»)


def _stated(heading: str, ev: Evidence) -> bool:
    """A long heading above the chunk that states a fact and that the chunk's own text does
    not repeat: «Kommunene arbeider videre … frem mot søknadsfristen den 1. november 2018:»
    stands over the chunks below it, not in them."""
    return (len(heading.split()) > STATED_WORDS and normalise(heading) not in
            normalise(ev.chunk.text) and _usable(heading, ev))


def _heading_line(unit: Unit, ev: Evidence) -> bool:
    """«# 4. Metode for tilsynet» inside a chunk names a section below it, as does a short
    numbered line standing alone between prose («5. Egenandel» in a PDF); only a long heading
    states a fact, and «## Konklusjon:» brings the line below it along."""
    text = ev.chunk.text
    line = line_of(text, unit.start).strip()
    if unit.items:
        return False
    if line.startswith("#"):
        return len(line.split()) <= STATED_WORDS
    if not _NUMBERED_TITLE.match(line) or len(line.split()) > TITLE_WORDS:
        return False
    before = text[:text.rfind("\n", 0, unit.start) + 1].rstrip("\n").rsplit("\n", 1)[-1]
    after = text[unit.end:].lstrip("\n").split("\n", 1)[0]
    return not (is_list_item(before) or is_list_item(after))  # not one item of a short list


_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ][^.!?;:]*$")
TITLE_WORDS = 6


def section_title_above(text: str, start: int) -> str:
    """The numbered section title a PDF kept as a line of text («5. Egenandel») over the
    sentence: its heading, as a '#' line is a Markdown file's; none past a '#' line, which the
    chunk's heading path already holds."""
    for line in reversed(text[:text.rfind("\n", 0, start) + 1].splitlines()):
        line = line.strip()
        if line.startswith("#"):
            return ""
        if _NUMBERED_TITLE.match(line) and len(line.split()) <= TITLE_WORDS:
            return line
    return ""


def _candidate(unit: Unit, ev: Evidence) -> Candidate:
    heading = [ev.chunk.heading_path[-1]] if unit.block and ev.chunk.heading_path else []
    context = " ".join([ev.meta.title, *ev.chunk.heading_path, *heading,
                        section_title_above(ev.chunk.text, unit.start), unit.label_before])
    return Candidate(unit.text, ev, unit.start, unit.end, context, unit.is_label, unit.is_item,
                     unit.items, unit.block, unit.table)


def caption(cand: Candidate) -> bool:
    """A short line of words that ends as no sentence does and states no figure: a byline
    («Gunn Marit Helgesen, KS' styreleder») or a numbered section title («5. Egenandel»);
    «Søknadsfrist 15. april 2023» states its date and is no caption."""
    text = _NUMBERED.sub("", cand.text)  # «5. Egenandel», a section's title in a PDF
    if cand.ended or _DIGIT.search(text) or len(text.split()) > STATED_WORDS:
        return False
    if "," not in text and text == cand.text:
        return False  # «Tema som prioriteres»: a title over what follows names what it holds
    below = cand.evidence.chunk.text[cand.end:].lstrip("\n").split("\n", 1)[0]
    return not is_list_item(below)  # «Tema som prioriteres» over its list is its lead-in


_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")


def relayable(sentence: str) -> bool:
    """May the bot say this sentence as an answer? Not a lure (log in, password, «be
    brukeren»), not a link to a host outside the public bodies' domains."""
    if _LURE.search(sentence):
        return False
    hosts = [h.lower().removeprefix("www.").rstrip(".") for h in _LINK_HOST.findall(sentence)]
    return all(any(h == t or h.endswith("." + t) for t in TRUSTED_HOSTS) for h in hosts)


def _usable(sentence: str, evidence: Evidence) -> bool:
    """Titles and bare headings are context, not answers; injected instructions are neither."""
    if _INSTRUCTION.search(sentence) or not relayable(sentence) or len(sentence.split()) < 2:
        return False
    plain = normalise(sentence).rstrip(":")
    title = normalise(evidence.meta.title)
    if plain == title or (len(plain) > 20 and title.startswith(plain)):
        return False  # the title, or the heading that repeats it
    heading = any(plain == normalise(h).rstrip(":").lstrip("# ")
                  for h in evidence.chunk.heading_path)
    return not (heading and len(plain.split()) <= STATED_WORDS)  # a long heading may state a fact


# «Statsforvalteren i Trøndelag, 10. januar 2022», «Narvik, 20. juni 2023»: who or where and
# when a document was signed, on a line of its own
_DATELINE = re.compile(r"^(?P<who>[^\W\d][\w .–-]{1,80}),\s*\d{1,2}\.\s*[^\W\d]+\.?\s+\d{4}\.?$")
_NAME_JOINS = frozenset("i og for på fra frå".split())


def is_dateline(text: str) -> bool:
    """A name (capitalised words, «i», «og») and a date; «Møtet ble holdt i Bergen, 12. februar
    2019.» is a sentence."""
    match = _DATELINE.match(text.strip())
    return bool(match) and all(w[0].isupper() or w in _NAME_JOINS
                               for w in match["who"].split())
