"""The units an answer can be built from, read from one chunk's text: every sentence, label
line, table row and list item; a lead-in that ends in a colon together with its list items; and
each run of list items that no lead-in introduces, as one block.

Pure text, no I/O: the indexer embeds these units once, the read side scores them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from indexer.text.sentences import Sentence, split_sentences

_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+\S")
_ITEM_MARK = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\s*\**[A-ZÆØÅ][\wæøåÆØÅ /()-]{1,40}\**\s*:\s*\**\s*\S")
MAX_ITEMS = 10  # list items a lead-in or block brings along


@dataclass(frozen=True)
class Unit:
    text: str  # what an answer would say (a lead-in with its items joined)
    start: int  # span in the chunk text
    end: int
    is_label: bool  # «Søknadsfrist: 13.11.2019»
    is_item: bool  # one list item
    items: int = 0  # list items a lead-in or a block brings along
    block: bool = False  # a whole list, as one unit
    label_before: str = ""  # a «Til stede:»-style line above it


def unit_key(text: str) -> str:
    """How a unit's vector is found again: by its text, whatever chunk it is in."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def answer_units(text: str) -> list[Unit]:
    units = _blocks(text)
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        items = _items_after(text, sentences, i) if sentence.text.rstrip().endswith(":") else []
        joined = sentence.text if not items else (
            sentence.text.rstrip() + " " + "; ".join(it.rstrip(".;") for it in items) + ".")
        line = line_of(text, sentence.start)
        end = sentence.end if not items else _end_of_items(text, sentence.end, len(items))
        units.append(Unit(joined, sentence.start, end, bool(_LABEL.match(line)),
                          bool(_LIST_ITEM.match(line)), len(items), False,
                          _label_before(text, sentence.start)))
    return units


def line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin:end if end >= 0 else len(text)]


def _blocks(text: str) -> list[Unit]:
    """Each run of two or more list items that no lead-in introduces: «Hvilke tiltak …?» is
    answered by the list under its heading, not by one item of it."""
    blocks: list[Unit] = []
    run: list[re.Match[str]] = []
    for line in [*re.finditer(r"[^\n]+", text), None]:
        if line is not None and _LIST_ITEM.match(line.group()):
            run.append(line)
            continue
        before = text[:run[0].start()].rstrip() if run else ""
        if len(run) >= 2 and not before.endswith(":"):
            kept = run[:MAX_ITEMS]
            items = [_ITEM_MARK.sub("", m.group()).strip().rstrip(".;") for m in kept]
            blocks.append(Unit("; ".join(items) + ".", kept[0].start(), kept[-1].end(),
                               False, False, len(items), True))
        run = []
    return blocks


def _items_after(text: str, sentences: list[Sentence], index: int) -> list[str]:
    """The list items that follow a lead-in line («… fire hovedtemaer:»)."""
    items: list[str] = []
    for sentence in sentences[index + 1:]:
        if not _LIST_ITEM.match(line_of(text, sentence.start)):
            break
        if sentence.text not in items:
            items.append(sentence.text)
        if len(items) >= MAX_ITEMS:
            break
    return items


def _end_of_items(text: str, end: int, count: int) -> int:
    consumed, seen = end, 0
    for line in text[end:].split("\n"):
        consumed += len(line) + 1
        if _LIST_ITEM.match(line):
            seen += 1
            if seen == count:
                break
    return min(consumed, len(text))


def _label_before(text: str, start: int) -> str:
    """A label line like «Til stede:» or «Vedtak:» that introduces the sentence's lines."""
    before = text[max(0, start - 400):start].rstrip().splitlines()
    for line in reversed(before[-4:]):
        if line.strip().endswith(":") and len(line.split()) <= 6:
            return line
    return ""
