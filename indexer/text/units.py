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
_TABLE_ROW = re.compile(r"^\s*\|[^|\n]+(?:\|[^|\n]*)+\|?\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
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
    table: bool = False  # a whole table (a block too)


def unit_key(text: str) -> str:
    """How a unit's vector is found again: by its text, whatever chunk it is in."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def answer_units(text: str) -> list[Unit]:
    units = [*_blocks(text), *_tables(text)]
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        if _table_header(text, sentence.start):
            continue  # «Embete | Antall» says nothing without its rows (the table says it)
        lead_in = _leads_in(text, sentence)
        items, end = _items_after(text, sentences, i) if lead_in else ([], sentence.end)
        if lead_in and not items and (value := _value_after(text, sentence.end)):
            items = [value]  # «Til stede:» with the names on the next line
            end = _end_of_value(text, sentence.end)
        line = line_of(text, sentence.start)
        said = sentence.text.rstrip()
        said += ":" if _LIST_ITEM.match(line) and not said.endswith(":") else ""  # a heading
        joined = sentence.text if not items else (
            said + " " + "; ".join(it.rstrip(".;,") for it in items) + ".")
        units.append(Unit(joined, sentence.start, end, bool(_LABEL.match(line)),
                          bool(_LIST_ITEM.match(line)), len(items), False,
                          _label_before(text, sentence.start)))
    return units


def _leads_in(text: str, sentence: Sentence) -> bool:
    """Ends in a colon; or, a plain line of several words left open (no full stop) with a
    list right below it: «Ved lik kvalitet prioriteres prosjekter som» + «- styrker …»."""
    said = sentence.text.rstrip()
    if said.endswith(":"):
        return True
    line = line_of(text, sentence.start)
    below = text[sentence.end:].lstrip(" \t\n").split("\n", 1)[0]
    return (line.rstrip().endswith(said[-10:]) and bool(_LIST_ITEM.match(below))
            and _open_line(line, below))


def _open_line(text: str, below: str) -> bool:
    """The last line of `text` is left open (several words, no closing stop) above the list
    line `below`: a plain line, or a numbered heading over bullets («4. Hva midlene ikke kan
    brukes til» + «• ordinær drift»), which is no item of that list."""
    line = text.rstrip().rsplit("\n", 1)[-1].strip()
    if _LIST_ITEM.match(line):
        if _marker(line) != "number" or _marker(below) != "bullet":
            return False
        line = _ITEM_MARK.sub("", line)
    return not (line[-1:] in ".!?;:," or len(line.split()) < 3 or line.startswith("#"))


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin:end if end >= 0 else len(text)]


def _blocks(text: str) -> list[Unit]:
    """Each run of two or more list items (of one marker kind) that no lead-in introduces:
    «Hvilke tiltak …?» is answered by the list under its heading, not by one item of it."""
    blocks: list[Unit] = []
    run: list[re.Match[str]] = []
    for line in [*re.finditer(r"[^\n]+", text), None]:
        item = line is not None and bool(_LIST_ITEM.match(line.group()))
        if item and line is not None and (
                not run or _marker(line.group()) == _marker(run[0].group())):
            run.append(line)
            continue
        before = text[:run[0].start()].rstrip() if run else ""
        if len(run) >= 2 and not before.endswith(":") and not _open_line(before, run[0].group()):
            kept = run[:MAX_ITEMS]
            items = [_ITEM_MARK.sub("", m.group()).strip().rstrip(".;,") for m in kept]
            blocks.append(Unit("; ".join(items) + ".", kept[0].start(), kept[-1].end(),
                               False, False, len(items), True))
        run = [line] if item and line is not None else []
    return blocks


def _table_header(text: str, start: int) -> bool:
    """The line is a table's header: a row with the rule line («|---|---|») right below it, or
    the first row of a table without one (a Word table) over a column whose every other row
    holds a figure that it does not («Post | Beløp» over «Sum | 650 000 kr»)."""
    line = line_of(text, start)
    if not _TABLE_ROW.match(line):
        return False
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    below = text[end + 1:].split("\n", 1)[0] if end >= 0 else ""
    if _TABLE_RULE.match(below):
        return True
    above = text[:begin].rstrip("\n").rsplit("\n", 1)[-1] if begin else ""
    if _TABLE_ROW.match(above):
        return False  # not the table's first row
    rows = []
    for row in (text[end + 1:].split("\n") if end >= 0 else []):
        if not _TABLE_ROW.match(row):
            break
        rows.append(_cells(row))
    head = _cells(line)
    return len(rows) >= 2 and any(
        not _DIGIT.search(cell) and all(j < len(row) and _DIGIT.search(row[j]) for row in rows)
        for j, cell in enumerate(head))


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


_DIGIT = re.compile(r"\d")


def _tables(text: str) -> list[Unit]:
    """Each table of two rows or more (its header first), as one unit: «hvilke embeter skal ha
    fire tilsyn?» or «høyest og lavest» is answered by the whole table, not by one of its rows."""
    tables: list[Unit] = []
    run: list[re.Match[str]] = []
    for line in [*re.finditer(r"[^\n]+", text), None]:
        if line is not None and _TABLE_ROW.match(line.group()):
            if not _TABLE_RULE.match(line.group()):
                run.append(line)
            continue
        if len(run) >= 2:
            kept = run[:MAX_ITEMS]
            rows = [" | ".join(_cells(m.group())) for m in kept]
            tables.append(Unit("; ".join(rows) + ".", kept[0].start(), kept[-1].end(),
                               False, False, len(rows), True, table=True))
        run = []
    return tables


def _marker(line: str) -> str:
    return "number" if line.lstrip()[:1].isdigit() else "bullet"


def _items_after(text: str, sentences: list[Sentence], index: int) -> tuple[list[str], int]:
    """The list items that follow a lead-in line («… fire hovedtemaer:»), each once (a PDF may
    repeat lines), and where the last of them ends."""
    items: list[str] = []
    end = sentences[index].end
    marker = ""
    for sentence in sentences[index + 1:]:
        line = line_of(text, sentence.start)
        if not _LIST_ITEM.match(line):
            break
        kind = _marker(line)
        if marker and kind != marker:
            break  # «- kjøp av utstyr …» then «4. Hva midlene ikke kan brukes til»: a new section
        marker = kind
        end = sentence.end
        if sentence.text not in items:
            items.append(sentence.text)
        if len(items) >= MAX_ITEMS:
            break
    return items, end


def _value_after(text: str, end: int) -> str | None:
    """The one plain line after a label that ends in a colon (not a list, not a heading)."""
    rest = text[end:].lstrip(" \t")
    if not rest.startswith("\n"):
        return None
    line = rest.lstrip("\n").split("\n", 1)[0].strip()
    if not line or line.startswith("#") or _LIST_ITEM.match(line) or line.endswith(":"):
        return None
    return line


def _end_of_value(text: str, end: int) -> int:
    """Where the plain line after a label ends."""
    start = text.index("\n", end) + 1
    start += len(text[start:]) - len(text[start:].lstrip("\n"))
    stop = text.find("\n", start)
    return stop if stop >= 0 else len(text)


def _label_before(text: str, start: int) -> str:
    """A label line like «Til stede:» or «Vedtak:» that introduces the sentence's lines."""
    before = text[max(0, start - 400):start].rstrip().splitlines()
    for line in reversed(before[-4:]):
        if line.strip().endswith(":") and len(line.split()) <= 6:
            return line
    return ""
