"""Sentences that come along with a picked one because they stand right beside it in their
chunk: the reply after a yes/no sentence, what follows from it, the items under a heading
line, and the sentence a «heller ikkje» continues. Alone, the picked sentence says half of
what the source does.
"""

from __future__ import annotations

import re

from bot.core.question import AnswerType
from bot.facts.candidates import TITLE_WORDS, Candidate
from bot.facts.features import QuestionView

_BACK_REFERENCE = re.compile(r"^(?:De|Dei|Det|Dette|Desse|Disse|Han|Hun|Ho|They|It|This|These)\s")
# «Tilsynet er derfor avslutta.»: what follows from the sentence before it
_CONSEQUENCE = re.compile(r"^\W*\w+(?:\s+\w+){0,2}\s+(?:derfor|difor|dermed|therefore)\b", re.I)
REPLY_CHARS = 160


def replies(view: QuestionView, found: list[Candidate], picked: list[Candidate]
            ) -> list[Candidate]:  # fmt: skip
    """A yes/no question is often decided by the sentence right after the one that names its
    words («… har løftet et ønske til Bufdir om å gå bort fra kravet. De har svart at det ikke
    vil bli endret i 2024.»), or says what follows from it («Tilsynet er derfor avslutta.»): a
    short next sentence that refers back comes along. So does, for any question, a list it
    introduces («… en flytting av 2,1 mrd. Dette fordeler seg slik: 1,7 mrd. …; 400 mill. …»)
    or a list under a heading line a PDF kept as text («Tema som prioriteres»)."""
    yes_no = any(AnswerType.YESNO in p.part.answer_types for p in view.parts)
    added: list[Candidate] = []
    for cand in picked:
        after = _adjacent(found, cand, after=True)
        if after is None or after in picked or after in added:
            continue
        replies_to = (_BACK_REFERENCE.match(after.text) or _CONSEQUENCE.match(after.text)) and (
            after.items > 0 or (yes_no and len(after.text) <= REPLY_CHARS))
        headed = after.items > 0 and _heading_line(cand)  # «Tema som prioriteres» heads its list
        if replies_to or headed:
            added.append(after)
    return added + [c for c in _continued(found, picked) if c not in added]


# «Styringstiltaka sikrar heller ikkje at …» goes on from the sentence before it
_GOES_ON = re.compile(r"\b(?:heller ikke|heller ikkje|likeså|likeins|likeledes|neither|nor)\b",
                      re.I)
_GOES_ON_CHARS = 60
# «Dette betyr at alle tenestene er med i eit nettverk»: says what the sentence before means
_MEANS = re.compile(r"^(?:Dette|Det|This|That)\s+(?:betyr|betyder|inneber|innebærer|means|meant)\b",
                    re.I)


def _continued(found: list[Candidate], picked: list[Candidate]) -> list[Candidate]:
    """The sentence a picked one continues («… sikrar ikkje at alle ungdomar får medverke.
    Styringstiltaka sikrar heller ikkje at …») or says the meaning of («Det er fem regionale
    nettverk. Dette betyr at …»): without it the answer says half of what the source does."""
    added: list[Candidate] = []
    for cand in picked:
        if not (_GOES_ON.search(cand.text[:_GOES_ON_CHARS]) or _MEANS.match(cand.text)):
            continue
        before = _adjacent(found, cand)
        if before is not None and before not in picked and before not in added:
            added.append(before)
    return added


def _adjacent(found: list[Candidate], cand: Candidate, after: bool = False) -> Candidate | None:
    """The sentence of the same chunk right before `cand` (or right after it)."""
    chunk = cand.evidence.chunk.chunk_id
    return next((n for n in found if n.evidence.chunk.chunk_id == chunk and (
        cand.end <= n.start <= cand.end + 2 if after else n.end <= cand.start <= n.end + 2)),
        None)


def _heading_line(cand: Candidate) -> bool:
    """A short line with no sentence end that is not a label: a heading a PDF kept as text
    (`candidates` sees the markdown and numbered ones, which are no candidates at all)."""
    text = cand.text.strip()
    return not cand.is_label and not cand.items and len(text.split()) <= TITLE_WORDS \
        and not text.endswith((".", "!", "?", ":", ";"))
