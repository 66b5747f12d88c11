"""The sentences an answer may be built from: every sentence, label line, table row and list
item of the retrieved chunks, with what stands above it (title, headings, a «Label:» line).

A lead-in that ends in a colon keeps its list items, so choosing it brings the list along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.claims import normalise
from bot.facts.retrieval import Evidence
from indexer.text.sentences import split_sentences

_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+\S")
_ITEM_MARK = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^\s*\**[A-ZÆØÅ][\wæøåÆØÅ /()-]{1,40}\**\s*:\s*\**\s*\S")
_INSTRUCTION = re.compile(r"\b(ignorer|ignore|glem alle|forget all|du er nå|you are now)\b", re.I)
MAX_ITEMS = 10  # list items a lead-in brings along


@dataclass(frozen=True)
class Candidate:
    text: str  # what the answer would say (a lead-in with its items joined)
    evidence: Evidence
    start: int  # span in the chunk
    end: int
    context: str  # title, headings and a label line above it
    is_label: bool  # «Søknadsfrist: 13.11.2019»
    is_item: bool  # a list item
    items: int  # list items a lead-in or a list block brings along (0 otherwise)
    block: bool = False  # a whole list under a heading, as one candidate

    @property
    def key(self) -> tuple[str, int]:
        return (self.evidence.chunk.chunk_id, self.start)


def candidates(pool: list[Evidence]) -> list[Candidate]:
    found: list[Candidate] = []
    for ev in pool:
        found.extend(_blocks(ev))
        text = ev.chunk.text
        sentences = split_sentences(text)
        for i, sentence in enumerate(sentences):
            if not _usable(sentence.text, ev):
                continue
            items = _items_after(text, sentences, i) if sentence.text.rstrip().endswith(":") else []
            joined = sentence.text if not items else (
                sentence.text.rstrip() + " " + "; ".join(it.rstrip(".;") for it in items) + ".")
            line = _line_of(text, sentence.start)
            context = " ".join([ev.meta.title, *ev.chunk.heading_path,
                                _label_before(text, sentence.start)])
            found.append(Candidate(
                text=joined, evidence=ev, start=sentence.start,
                end=sentence.end if not items else _end_of_items(text, sentence.end, len(items)),
                context=context, is_label=bool(_LABEL.match(line)),
                is_item=bool(_LIST_ITEM.match(line)), items=len(items)))
    return found


def _blocks(ev: Evidence) -> list[Candidate]:
    """Each run of two or more list items that no lead-in introduces: «Hvilke tiltak …?» is
    answered by the list under its heading, not by one item of it."""
    text, blocks = ev.chunk.text, []
    lines = list(re.finditer(r"[^\n]+", text))
    run: list[re.Match[str]] = []
    for line in [*lines, None]:
        if line is not None and _LIST_ITEM.match(line.group()):
            run.append(line)
            continue
        before = text[:run[0].start()].rstrip() if run else ""
        if len(run) >= 2 and not before.endswith(":"):
            items = [_ITEM_MARK.sub("", m.group()).strip().rstrip(".;") for m in run[:MAX_ITEMS]]
            heading = ev.chunk.heading_path[-1] if ev.chunk.heading_path else ""
            blocks.append(Candidate(
                text="; ".join(items) + ".", evidence=ev, start=run[0].start(),
                end=run[min(len(run), MAX_ITEMS) - 1].end(),
                context=" ".join([ev.meta.title, *ev.chunk.heading_path, heading]),
                is_label=False, is_item=False, items=len(items), block=True))
        run = []
    return blocks


def _usable(sentence: str, evidence: Evidence) -> bool:
    """Titles and bare headings are context, not answers; injected instructions are neither."""
    if _INSTRUCTION.search(sentence) or len(sentence.split()) < 2:
        return False
    plain = normalise(sentence).rstrip(":")
    if plain == normalise(evidence.meta.title):
        return False
    heading = any(plain == normalise(h).rstrip(":").lstrip("# ")
                  for h in evidence.chunk.heading_path)
    return not (heading and len(plain.split()) <= 10)  # a long heading may state a fact


def _line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin:end if end >= 0 else len(text)]


def _items_after(text: str, sentences: list, index: int) -> list[str]:  # type: ignore[type-arg]
    """The list items that follow a lead-in line («… fire hovedtemaer:»)."""
    items: list[str] = []
    for sentence in sentences[index + 1:]:
        line = _line_of(text, sentence.start)
        if not _LIST_ITEM.match(line):
            break
        if sentence.text not in items:
            items.append(sentence.text)
        if len(items) >= MAX_ITEMS:
            break
    return items


def _end_of_items(text: str, end: int, count: int) -> int:
    lines = text[end:].split("\n")
    consumed = end
    seen = 0
    for line in lines:
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
