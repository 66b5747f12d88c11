"""Find decisions and action items in one agenda item, by the words minutes use for them.

Labelled blocks come first ("Vedtak: …", "Konklusjon:" on its own line followed by a paragraph,
"Oppfølging: … – ansvar: Name, Org"); then sentences that report a decision in prose
("… godkjennes", "ble enige om", "Fristen blir 1. februar") or set a deadline ("innen 15. mars").
Everything is returned as character spans, so the caller can cite exactly what was used.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from indexer.minutes.text import ItemSpan, Line, MinutesDoc, clean, text_lines
from indexer.text.dates import find_dates

_LABEL = re.compile(
    r"^[\s*_#>·•-]*(?P<label>vedtak|vedteke|vedtatt|konklusjon\w*|beslutning|avgjerd|"
    r"avgjørelse|decision|conclusion|oppfølging\w*|oppfølgjing\w*|aksjon\w*|action\w*|tiltak)"
    r"\s*(?:\*\*|__)?\s*[:.]\s*(?:\*\*|__)?(?P<rest>.*)$",
    re.I,
)
_ACTION_LABELS = ("oppfølg", "aksjon", "action", "tiltak")
_BULLET = re.compile(r"^\s*(?:[-·•*]|\d{1,2}[.)]|[a-z][.)])\s+")
_DECIDED = re.compile(
    r"\b(godkjennes|godkjent|godkjend[et]?|ble enige|vart einige|var enige|er enige|"
    r"enighet om|einigheit om|ble vedtatt|vart vedteke|vedtok|besluttet|besluttes|bestemte|"
    r"ble bestemt|vart bestemt|ble avtalt|vart avtalt|konkluderte|decided|agreed)\b",
    re.I,
)
_BECOMES = re.compile(r"\b(blir|vert)\b", re.I)
_DEADLINE_WORD = re.compile(
    r"\b(innen|innan|senest|seinast|før|by|within|frist\w*)\b[^.;:!?]{0,30}$", re.I
)
_RESPONSIBLE = re.compile(
    r"\s*[–—-]?\s*\(?\b(?:ansvar|ansvarlig|ansvarleg|responsible)\s*:\s*(?P<who>[^)]+?)\)?\s*\.?$",
    re.I,
)
_RESPONSIBLE_SENTENCE = re.compile(
    r"^(?i:ansvarl)\w*\s+(?:for\s+(?P<what>.+?)\s+)?(?:er|blir|vert)\s+(?P<who>[A-ZÆØÅ].+?)\.?$"
)


class Span(NamedTuple):
    start: int
    end: int

    def text(self, doc: MinutesDoc) -> str:
        return clean(doc.text[self.start : self.end])


class ActionSpan(NamedTuple):
    span: Span
    what: str
    who: str | None
    when: dt.date | None


class ItemFacts(NamedTuple):
    decisions: list[Span]
    actions: list[ActionSpan]
    used: set[int]  # starts of the sentences these came from, kept out of the summary
    labelled: bool = False  # a «Vedtak:» or «Oppfølging:» block, as minutes write them


def item_facts(doc: MinutesDoc, item: ItemSpan, year: int | None) -> ItemFacts:
    decisions: list[Span] = []
    actions: list[ActionSpan] = []
    used: set[int] = set()
    blocks = _labelled_blocks(doc, item)
    for kind, span in blocks:
        used.update(s.start for s in doc.sentences_in(span.start - 60, span.end)
                    if s.end > span.start)
        if kind == "action":
            actions.append(_action(span, span.text(doc), year))
        else:
            decisions.append(span)
    responsible: ActionSpan | None = None
    for sentence in doc.body(item):
        if sentence.start in used:
            continue
        span = Span(sentence.start, sentence.end)
        if m := _RESPONSIBLE_SENTENCE.match(sentence.text):
            what = re.sub(r"^å\s+", "", m["what"] or clean(sentence.text))
            responsible = ActionSpan(span, what[:1].upper() + what[1:], m["who"], None)
            used.add(sentence.start)
        elif _is_decision(sentence.text) and not _repeats(sentence.text, decisions, doc):
            decisions.append(span)
            used.add(sentence.start)
        elif (when := deadline(sentence.text, year)) is not None:
            actions.append(ActionSpan(span, clean(sentence.text), None, when))
            used.add(sentence.start)
    if responsible and actions:  # "Ansvarlig for … er X" names who does the item's tasks
        actions = [a if a.who else a._replace(who=responsible.who) for a in actions]
    elif responsible:
        actions.append(responsible)
    decisions.sort(key=lambda span: span.start)
    actions.sort(key=lambda action: action.span.start)
    return ItemFacts(decisions, actions, used, bool(blocks))


def deadline(text: str, year: int | None) -> dt.date | None:
    """The date a task is due: the one after "innen"/"innan"/"frist"."""
    for match in find_dates(text, default_year=year):
        if _DEADLINE_WORD.search(text[max(0, match.start - 50) : match.start]):
            return match.date
    return None


def _is_decision(text: str) -> bool:
    if _DECIDED.search(text):
        return True
    return bool(_BECOMES.search(text) and find_dates(text))


def _repeats(text: str, decisions: list[Span], doc: MinutesDoc) -> bool:
    """A prose sentence that only restates a labelled decision ("… ble godkjent")."""
    words = set(re.findall(r"\w+", text.lower()))
    for span in decisions:
        other = set(re.findall(r"\w+", span.text(doc).lower()))
        small, large = sorted((words, other), key=len)
        if small and len(small & large) / len(small) >= 0.8:
            return True
    return False


def _action(span: Span, text: str, year: int | None) -> ActionSpan:
    who = None
    what = text
    if m := _RESPONSIBLE.search(text):
        who = m["who"].strip(" .")
        what = text[: m.start()].strip(" –—-.")
    when = deadline(what, year)
    if when is None:
        dates = find_dates(what, default_year=year)
        when = dates[0].date if len(dates) == 1 else None
    return ActionSpan(span, what, who, when)


def _labelled_blocks(doc: MinutesDoc, item: ItemSpan) -> list[tuple[str, Span]]:
    lines = text_lines(doc.text, item.body_start, item.end)
    blocks: list[tuple[str, Span]] = []
    i = 0
    while i < len(lines):
        start, _end, content = lines[i]
        m = _LABEL.match(content)
        if not m:
            i += 1
            continue
        kind = "action" if m["label"].lower().startswith(_ACTION_LABELS) else "decision"
        parts: list[Span] = []
        rest = m["rest"].strip(" \t–—-:*_")
        if rest:
            offset = start + content.index(rest, m.start("rest"))
            parts.append(Span(offset, offset + len(rest)))
        j = i + 1
        while not parts and j < len(lines) and not lines[j][2].strip():
            j += 1
        inline = bool(rest)
        while j < len(lines) and _continues(lines[j][2], inline):
            ls, le, text = lines[j]
            lead = len(text) - len(text.lstrip())
            parts.append(Span(ls + lead, le))
            j += 1
        blocks.extend((kind, span) for span in _merge(parts, lines, i + 1, j))
        i = max(j, i + 1)
    return blocks


def _continues(line: str, inline: bool) -> bool:
    """After "Vedtak:" alone on a line the paragraph below is the decision; after
    "Vedtak: text" only bullets and wrapped (lower-case) lines still belong to it."""
    content = line.strip()
    if not content or _LABEL.match(line):
        return False
    return not inline or bool(_BULLET.match(line)) or content[0].islower()


def _merge(parts: list[Span], lines: list[Line], first: int, last: int) -> list[Span]:
    """One block, or one per line when the lines under the label are bullets."""
    if not parts:
        return []
    body = [line for line in lines[first:last] if line[2].strip()]
    if len(body) > 1 and all(_BULLET.match(line[2]) for line in body):
        return parts
    return [Span(parts[0].start, parts[-1].end)]
