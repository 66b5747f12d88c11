"""The offline default answerer: pick, order and lightly join sentences from the evidence.

It can only say what a source says. A question is cut into clauses ("Kven er prosjektleiar …,
og når sluttar prosjektet?"); for each clause the sentences of the retrieved chunks are scored by
the clause's words they (or their headings) contain, their closeness in meaning, and whether they
hold the kind of fact asked for. The main clause must be truly answered — its focus word present,
its answer type present, the names it asks about in the same chunk — or the whole answer becomes
an honest refusal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.core.claims import normalise
from bot.core.context import Question
from bot.facts.answer_types import checked_types, has_type
from bot.facts.retrieval import Evidence
from indexer.embeddings import VectorEmbeddings
from indexer.store.lexical import LexicalIndex, tokenize
from indexer.text.glossary import expand
from indexer.text.sentences import split_sentences

MAX_SENTENCES = 4
MIN_COVERAGE = 0.45  # of the main clause's own words, weighted by rarity
_RULE_TYPES = frozenset({"retningslinje", "utlysning", "invitasjon"})
CANDIDATE_CHUNKS = 8
_SKIP = frozenset(tokenize(
    "hva hvem hvor hvilke hvilken hvilket når hvordan hvorfor kva kven kvar kor korleis what who "
    "where which when how why according gi oppsummer fortell dato datoen date many much mye "
    "mange mykje stor kommune kommunen kommunene kommunar kommunane læringsnettverk "
    "læringsnettverket nettverket barnevern barnevernet ifølge står sto skal var er ble vart "
    "har hatt fikk få skjer gjelder gjøre år sa sagt sier said say says is was were did does the of in to for with from about and og i om"
))
_WHICH = re.compile(r"^\s*(og\s+|and\s+)?(hvilke\w*|kva for|kva slags|which|what kind)\b", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+(.+)$", re.M)
_NEGATION = re.compile(r"\b(ikke|ikkje|not|never|aldri)\b", re.I)
_RULE = re.compile(r"\b(må|skal|krav\w*|regl\w*|kan .{0,30}brukes|must|rules?|allowed)\b", re.I)
_INSTRUCTION = re.compile(r"\b(ignorer|ignore|glem alle|forget all|du er nå|you are now)\b", re.I)


@dataclass(frozen=True)
class ComposedSentence:
    """One answer sentence with the evidence it rests on and the text it quotes from each."""

    text: str
    evidence: tuple[Evidence, ...]
    snippets: tuple[str, ...]


@dataclass(frozen=True)
class Composition:
    sentences: list[ComposedSentence]
    refused: bool
    reason: str = ""


@dataclass(frozen=True)
class Candidate:
    text: str
    evidence: Evidence
    stems: frozenset[str]
    context: frozenset[str]  # stems of the title and headings above the sentence
    closeness: float  # to the whole question
    vector: np.ndarray
    start: int  # offset in the chunk, to keep neighbours together
    end: int


@dataclass
class Clause:
    text: str
    groups: list[tuple[set[str], float]]  # equivalent stems, weight
    own: list[tuple[set[str], float]]
    focus: list[set[str]]  # the clause's head word (what it asks about): must be answered
    types: list[str]
    rule: bool = False  # asks what must/may be done: guidelines and calls know best
    vector: np.ndarray | None = None  # the clause alone, embedded as a query
    words: frozenset[str] = frozenset()  # its word forms as written, for exact-phrasing ties
    negated: bool = False  # "hva kan midlene IKKE brukes til" must not get what they can


Aliases = Callable[[str], set[str]]


class ExtractiveComposer:
    def __init__(self, embeddings: VectorEmbeddings, lexical: LexicalIndex,
                 aliases: Aliases | None = None) -> None:
        self.embeddings = embeddings
        self.lexical = lexical
        self.aliases = aliases or (lambda name: {name})  # e.g. Øygarden → {Fjell, Sund, …}
        self._sentence_vectors: dict[str, np.ndarray] = {}

    def compose(self, question: Question, evidence: list[Evidence]) -> Composition:
        text = question.standalone
        anchors = list(question.names)
        names = [self.aliases(a) | {a} for a in anchors]
        pool = [e for e in evidence[:CANDIDATE_CHUNKS] if _anchors_present(names, e)]
        if not pool:
            return Composition([], True, "spørsmålets navn finnes ikke i kildene")
        candidates = self._candidates(text, pool)
        if not candidates:
            return Composition([], True, "ingen setninger")
        clauses = self._clauses(question, anchors)
        top = max(e.score for e in pool)
        picked: list[tuple[Candidate, float]] = []
        for index, clause in enumerate(clauses):
            others = clauses[:index] + clauses[index + 1:]
            choice = _best(clause, candidates, picked, top, strict=index == 0,
                           english=question.language == "en", others=others)
            if choice is None and index == 0:
                return Composition([], True, "kildene svarer ikke på spørsmålet")
            if choice is not None and choice[0] not in [c for c, _ in picked]:
                picked.append(choice)
        picked = _add_following(picked[0], candidates, picked)
        picked = _add_supporting(clauses[0], candidates, picked, top)
        picked.sort(key=lambda p: (p[0].evidence.chunk.doc_id, p[0].evidence.chunk.position,
                                   p[0].evidence.chunk.text.find(p[0].text)))
        return Composition(
            [ComposedSentence(c.text, (c.evidence,), (c.text,)) for c, _ in picked], False
        )

    def _clauses(self, question: Question, anchors: list[str]) -> list[Clause]:
        text, language = question.standalone, question.language
        parts = [p.text for p in question.parts] or [text]
        kinds = {p.text: p for p in question.parts}
        whole = self._groups(text, language)
        anchor_stems = set(tokenize(" ".join(anchors)))
        rule = bool(_RULE.search(text))
        vectors = self.embeddings.embed_queries(parts) if len(parts) > 1 else [None]
        clauses = []
        for part, vector in zip(parts, vectors, strict=True):
            own = self._groups(part, language)
            own_stems = set().union(*(g for g, _ in own)) if own else set()
            shared = [(g, w * 0.1) for g, w in whole if not g & own_stems]
            heads = [(g, w) for g, w in own if not g & anchor_stems]
            # "Hvilke tiltak ble videreført?": the noun after "hvilke" is the kind of answer,
            # not a word the answer contains; the question's point is the next word.
            skip_category = bool(_WHICH.match(part)) and len(heads) > 1
            focus = [heads[1 if skip_category else 0][0]] if heads else []
            named = [(g, w) for g, w in own if not g & anchor_stems]  # anchors are checked apart
            asked = kinds.get(part)
            clauses.append(Clause(part, own + shared, named, focus,
                                  checked_types(asked.answer_types) if asked else [], rule,
                                  vector, _surface(_without_names(part)),
                                  asked.negated if asked else False))
        return clauses

    def _groups(self, text: str, language: str) -> list[tuple[set[str], float]]:
        """Weighted word groups; English words the corpus never uses carry no evidence either
        way (a Norwegian word the corpus lacks does: it names something we do not have)."""
        groups = []
        for group in expand(text):
            if group & _SKIP:
                continue  # a question word or a generic one, in any of its spellings
            if language == "en":
                group = {s for s in group if self.lexical.known(s)}
            if group:
                weight = max(self.lexical.idf(s) for s in group)
                if not any(self.lexical.known(s) for s in group):
                    # a word the corpus never uses: a name would be an anchor, so this is
                    # phrasing ("kvalitetsprosjektet"); it must not outweigh the real words
                    weight = 1.0
                groups.append((group, weight))
        return groups

    def _candidates(self, question: str, pool: list[Evidence]) -> list[Candidate]:
        raw: list[tuple[str, Evidence, int, int]] = []
        for ev in pool:
            for sentence in split_sentences(ev.chunk.text):
                if _usable(sentence.text, ev):
                    raw.append((sentence.text, ev, sentence.start, sentence.end))
            block = _list_block(ev)
            if block is not None:
                raw.append((block, ev, -1, len(ev.chunk.text)))  # start -1 marks a list block
        if not raw:
            return []
        query = self.embeddings.embed_queries([question])[0]
        vectors = self._vectors([r[0] for r in raw])
        return [
            Candidate(s, ev, frozenset(tokenize(s if start >= 0 else
                                                   (ev.chunk.heading_path or [""])[-1])),
                      frozenset(tokenize(" ".join([ev.meta.title, *ev.chunk.heading_path,
                                                   _label_before(ev.chunk.text, start)]))),
                      float(vector @ query), vector, start, end)
            for (s, ev, start, end), vector in zip(raw, vectors, strict=True)
        ]

    def _vectors(self, sentences: list[str]) -> list[np.ndarray]:
        missing = [s for s in dict.fromkeys(sentences) if s not in self._sentence_vectors]
        if missing:
            vectors = self.embeddings.embed_passages(missing)
            self._sentence_vectors.update(zip(missing, vectors, strict=True))
        return [self._sentence_vectors[s] for s in sentences]


def _best(clause: Clause, candidates: list[Candidate], picked: list[tuple[Candidate, float]],
          top: float, strict: bool, english: bool = False, others: list[Clause] | None = None,
          ) -> tuple[Candidate, float] | None:
    """The clause's best sentence; `strict` (the main clause) demands a real answer."""
    chunks = {c.evidence.chunk.chunk_id for c, _ in picked}
    best: tuple[Candidate, float] | None = None
    for cand in candidates:
        if cand.start < 0 and clause.types:
            continue  # a whole list answers "which things", not "when" or "how much"
        fits = all(has_type(cand.text, t) for t in clause.types) if clause.types else True
        focused = not clause.focus or any(_matches(g, cand.stems | cand.context)
                                          for g in clause.focus)
        vouched = focused or (english and _close(cand))
        covered = (_coverage(clause.own, cand.stems | cand.context) >= MIN_COVERAGE
                   if clause.own else _close(cand))  # nothing to match word by word
        if strict and not (fits and vouched and covered):
            continue
        if not strict and not (fits if clause.types else focused):
            continue
        own_score = _score(clause, cand, top)
        # a sentence that answers another clause much better is that clause's answer
        rival = max((_score(o, cand, top) for o in others or []), default=0.0)
        score = own_score - 0.5 * max(0.0, rival - own_score) + 0.2 * fits + 0.1 * focused
        score += 0.1 if cand.evidence.chunk.chunk_id in chunks else 0.0
        if best is None or score > best[1]:
            best = (cand, score)
    if best is None:
        return None
    if not strict and picked and best[1] < 0.5 * picked[0][1]:
        return None
    return best


def _close(cand: Candidate) -> bool:
    """Meaning alone can vouch for a sentence only when it is very close to the question."""
    return cand.closeness >= 0.86


def _score(clause: Clause, cand: Candidate, top: float) -> float:
    own = _coverage(clause.groups, cand.stems)
    full = _coverage(clause.groups, cand.stems | cand.context)
    closeness = cand.closeness
    if clause.vector is not None:
        closeness = (closeness + float(cand.vector @ clause.vector)) / 2
    dense = max(closeness - 0.75, 0.0) / 0.15
    prior = cand.evidence.score / top if top else 0.0
    rule = 0.1 if clause.rule and cand.evidence.meta.doc_type.value in _RULE_TYPES else 0.0
    exact = len(clause.words & _surface(cand.text)) / len(clause.words) if clause.words else 0.0
    negation = 0.0
    if clause.negated:
        context = " ".join([cand.text, *cand.evidence.chunk.heading_path])
        negation = 0.15 if _NEGATION.search(context) else -0.15
    return (0.45 * full + 0.25 * own + 0.4 * dense + 0.1 * prior + rule + 0.1 * exact
            + negation)


def _without_names(text: str) -> str:
    """Names are checked as anchors; exact-phrasing credit is for the rest of the words."""
    return re.sub(r"«[^»]*»|\b[A-ZÆØÅ]\w*", " ", text)


def _surface(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4)


def _add_supporting(clause: Clause, candidates: list[Candidate],
                    picked: list[tuple[Candidate, float]], top: float
                    ) -> list[tuple[Candidate, float]]:
    """Add a sentence when it covers question words the picked ones miss (max 4 in all)."""
    covered = set().union(*(c.stems for c, _ in picked))
    best_score = max(s for _, s in picked)
    ranked = sorted(((c, _score(clause, c, top)) for c in candidates), key=lambda x: -x[1])
    for cand, score in ranked:
        if len(picked) >= MAX_SENTENCES or score < 0.8 * best_score:
            break
        if cand in [c for c, _ in picked]:
            continue
        new = [g for g, _ in clause.groups if _matches(g, cand.stems) and not _matches(g, covered)]
        if new and (not clause.types or any(has_type(cand.text, t) for t in clause.types)):
            picked.append((cand, score))
            covered |= cand.stems
    return picked


def _add_following(primary: tuple[Candidate, float], candidates: list[Candidate],
                   picked: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Keep what belongs to the main answer: the rest of its paragraph (one sentence) and, for
    a decision in minutes, the follow-up line that says who does it and by when."""
    first, score = primary
    same_chunk = [c for c in candidates if c.evidence.chunk.chunk_id == first.evidence.chunk.chunk_id
                  and c.start > first.start]
    text = first.evidence.chunk.text
    extra = []
    following = min(same_chunk, key=lambda c: c.start, default=None)
    if following is not None and "\n\n" not in text[first.end:following.start]:
        extra.append(following)
    if first.text.lower().startswith("vedtak"):
        follow_up = next((c for c in sorted(same_chunk, key=lambda c: c.start)
                          if c.text.lower().startswith(("oppfølging", "oppfølgjing"))), None)
        if follow_up is not None:
            extra.append(follow_up)
    chosen = [c for c, _ in picked]
    for cand in extra:
        if cand not in chosen and len(picked) < MAX_SENTENCES:
            picked.append((cand, score * 0.9))
            chosen.append(cand)
    return picked


def _anchors_present(anchors: list[set[str]], evidence: Evidence) -> bool:
    """Every name the question asks about (or one of its aliases) is in this chunk, its
    headings or its document's title: a document-wide municipality list is not enough."""
    meta = evidence.meta  # counties and networks hold for a whole document; places do not
    haystack = normalise(" ".join([evidence.chunk.text, meta.title, *evidence.chunk.heading_path,
                                   meta.county or "", meta.current_county or "",
                                   meta.network or ""]))
    stems = set(tokenize(haystack))
    return all(any(_name_in(name, haystack, stems) for name in names) for names in anchors)


def _name_in(name: str, haystack: str, stems: set[str]) -> bool:
    if normalise(name) in haystack:
        return True
    name_stems = tokenize(name)
    return bool(name_stems) and all(s in stems for s in name_stems)


def _list_block(evidence: Evidence) -> str | None:
    """A heading's list as one answer ("Hva midlene ikke kan brukes til" → its items)."""
    items = [m.group(1).strip() for m in _LIST_ITEM.finditer(evidence.chunk.text)]
    if len(items) < 2 or not evidence.chunk.heading_path or len(items) > 12:
        return None
    return "; ".join(item.rstrip(".;") for item in items) + "."


def _label_before(text: str, start: int) -> str:
    """A label line like "Til stede:" or "Vedtak:" that introduces the sentence's lines."""
    before = text[max(0, start - 400):start].rstrip().splitlines()
    for line in reversed(before[-4:]):
        if line.strip().endswith(":") and len(line.split()) <= 6:
            return line
    return ""


def _usable(sentence: str, evidence: Evidence) -> bool:
    """Titles and bare headings are context, not answers; injected instructions are neither."""
    if _INSTRUCTION.search(sentence) or len(sentence.split()) < 3:
        return False
    plain = normalise(sentence).rstrip(":")
    if plain == normalise(evidence.meta.title):
        return False
    heading = any(plain == normalise(h).rstrip(":") for h in evidence.chunk.heading_path)
    return not (heading and len(plain.split()) <= 10)  # a long heading may state a fact


def _matches(group: set[str], stems: set[str] | frozenset[str]) -> bool:
    """Exact stem, an inflection the stemmer missed, or a compound: 'rekruttering' in
    'rekrutteringsplan', 'rettleiar' in 'fosterheimsrettleiar' (Norwegian heads come last)."""
    for g in group:
        if g in stems:
            return True
        if len(g) < 4:
            continue
        for s in stems:
            if len(s) >= 4 and g.startswith(s) and len(g) - len(s) <= 2:
                return True  # the stemmer cut one form harder ("ansvar" → "ansv")
            if len(s) >= 6 and (s.startswith(g) or s.endswith(g)):
                return True
    return False


def _coverage(groups: list[tuple[set[str], float]], stems: set[str] | frozenset[str]) -> float:
    total = sum(w for _, w in groups)
    if not total:
        return 0.0
    return sum(w for g, w in groups if _matches(g, stems)) / total
