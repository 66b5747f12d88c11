"""Domain vocabulary across English, Nynorsk and Bokmål, for lexical matching.

Dense retrieval bridges languages by meaning; word-level matching (BM25, sentence coverage) needs
to know that "deadline", "søknadsfrist" and "frist" are one idea, and that Nynorsk "fosterheim"
is Bokmål "fosterhjem". This is the child-welfare network's own vocabulary, not a translator.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable

from indexer.store.lexical import tokenize
from indexer.text.places import DATA_DIR

_WORDS = {
    # Nynorsk → Bokmål
    "fosterheim": "fosterhjem", "fosterheimar": "fosterhjem", "fosterheimen": "fosterhjemmet",
    "fosterheimsrettleiaren": "fosterhjemsveileder", "rettleiar": "veileder",
    "rettleiaren": "veileder", "rettleiing": "veiledning", "prosjektleiar": "prosjektleder",
    "tilsette": "ansatte", "tilsett": "ansatt", "vedteke": "vedtak vedtatt", "vart": "ble",
    "kommunane": "kommunene", "kommunar": "kommuner", "styringsgruppa": "styringsgruppen",
    "sluttar": "slutter slutt prosjektperiode", "slutter": "slutt prosjektperiode",
    "stilling": "stilling", "kontordag": "kontordag", "mykje": "mye", "søkje": "søke",
    "halde": "holdt holdes arrangert stad sted", "holdt": "holdes arrangert sted stad",
    "informasjonsmøtet": "informasjonsmøte", "heime": "hjemme",
    "møtet": "møte", "samlinga": "samlingen", "utlysinga": "utlysningen",
    # Bokmål synonyms the documents use interchangeably
    "maksimalt": "inntil", "maks": "inntil",
    # a project's planned activities are what its description lists under «Tiltak»
    **dict.fromkeys(("aktiviteter", "aktivitetene", "aktivitetar", "aktivitetane"), "tiltak"),
    # a report or an application is handed in as the documents say it is sent
    **dict.fromkeys(("levert", "levere", "leveres", "leverast", "innlevert", "innlevering"),
                    "sendes sendast sendt levert leveres"),
    # a change asked as higher or lower is written as a rise or a cut
    "høyere": "økte økt øke øker høgare", "høgare": "høyere økte økt auke",
    "lavere": "reduseres redusert reduksjon lågare", "lågare": "lavere reduseres redusert",
    "totalramme": "ramme", "totalrammen": "ramme", "totalrammene": "ramme",
    "pott": "ramme", "potten": "ramme", "pottene": "ramme",
    "telefonnummer": "telefon", "telefonnummeret": "telefon",
    "leder": "leiar leiaren", "leiar": "leder", "leiaren": "leder", "leier": "leder leiar",
    "ledet": "leder prosjektleder leiar prosjektleiar",
    "ledde": "leder prosjektleder leiar prosjektleiar", "leidde": "leiar prosjektleiar",
    "videreført": "videreføres videreført", "avviklet": "avvikles",
    # whether something went on is decided as much by «avvikles» as by «videreføres»
    **dict.fromkeys(("fortsatte", "fortsetter", "videreføres", "vidareført", "vidareførast"),
                    "fortsette fortsetter videreføres videreført avvikles avviklet"),
    "evaluere": "evaluerer evaluering", "søknadsfristen": "søknadsfrist",
    # «Rekker vi å søke?»: whether there is time is what the deadline says
    "rekker": "frist søknadsfrist", "rekk": "frist søknadsfrist",
    # the county governors (plural: which of them) by every name, and before 2021
    "statsforvaltere": "statsforvaltar fylkesmann", "statsforvalterne": "statsforvaltar fylkesmann",
    "statsforvaltarane": "statsforvalter fylkesmann", "statsforvaltarar": "statsforvalter fylkesmann",
    "fylkesmenn": "fylkesmann", "fylkesmennene": "fylkesmann",
    # a budget table states its total as «Sum» («total budget» below says the same)
    "totalbudsjett": "budsjett sum", "totalbudsjettet": "budsjett sum",
    "totalkostnad": "kostnader sum", "totalkostnaden": "kostnader sum",
    "totalkostnadene": "kostnader sum", "totalbeløp": "sum", "totalbeløpet": "sum",
    # what a project cost is what its accounts show it spent
    **dict.fromkeys(("kostet", "kosta", "koster", "kostar"), "kostnader forbruk regnskap rekneskap"),
    # Bokmål → Nynorsk, for Nynorsk documents asked in Bokmål
    "egenandel": "eigendel eigenandel eigeninnsats egeninnsats", "egenandelen": "eigendel",
    "dekke": "dekkje", "prosjektleder": "prosjektleiar",
    "skole": "skule", "skolen": "skulen", "skoler": "skular", "skolene": "skulane",
    "skule": "skole", "skulen": "skolen", "skular": "skoler", "skulane": "skolene",
    "brukes": "nyttast nytta brukast", "bruke": "nytte nytta", "brukt": "nytta",
    "nyttast": "brukes brukt", "nytte": "bruke",
    "barnevernleder": "barnevernsleder barnevernleiar barnevernsleiar",
    "barnevernsleder": "barnevernleder barnevernleiar barnevernsleiar",
    # «fant de noe ulovlig?» is answered by what the report calls a breach of the law
    **dict.fromkeys(("ulovlig", "ulovleg", "ulovlige", "ulovlege", "lovstridig", "lovstridige"),
                    "lovbrudd lovbrot brudd"),
    # … and so is what it found worth criticising («Fann dei noko kritikkverdig?»)
    **dict.fromkeys(("kritikkverdig", "kritikkverdige", "kritikkverdt"),
                    "lovbrudd lovbrot brudd"),
    "lovbrudd": "lovbrot", "lovbrot": "lovbrudd", "eigendel": "egenandel eigenandel eigeninnsats egeninnsats",
    "eigenandel": "egenandel eigendel eigeninnsats", "eigeninnsats": "egenandel eigendel",
    "egeninnsats": "egenandel eigendel",
    # what an inspection concluded is whether it found a breach of the law («Det er ikkje
    # avdekka lovbrot under tilsynet» under «Statsforvaltaren sin konklusjon»)
    **dict.fromkeys(("konklusjon", "konklusjonen", "konklusjonane", "konklusjonene",
                     "konkluderte", "konkluderer"), "konklusjon lovbrudd lovbrot"),
    # the field's abbreviations, as written in chats and minutes («SF Vestland», «bvtj»,
    # «ik-plikten», «bvl § 2-1»)
    "sf": "statsforvalteren statsforvaltaren", "fm": "fylkesmannen",
    "bvtj": "barneverntjenesten barnevernstjenesten barnevernstenesta",
    "bvl": "barnevernloven barnevernsloven barnevernlova", "ik": "internkontroll",
    # A call that is «open» still takes applications: its deadline says whether it is
    # … and an inspection that is «open» has not been closed («Tilsynet er derfor avslutta»)
    "åpen": "åpen søknadsfrist frist avsluttet avslutta",
    "åpne": "åpne søknadsfrist frist avsluttet avslutta",
    "åpent": "åpent avsluttet avslutta",
    "ope": "søknadsfrist frist avsluttet avslutta",
    "opne": "søknadsfrist frist avsluttet avslutta", "framleis": "fortsatt",
    "avslutta": "avsluttet", "avsluttet": "avslutta",
}


def _english() -> tuple[dict[str, str], dict[str, str]]:
    """English words and phrases a question uses → the Norwegian the documents use
    (`indexer/data/glossary_en.csv`: the field's vocabulary, kept apart from the code)."""
    phrases: dict[str, str] = {}
    words: dict[str, str] = {}
    with (DATA_DIR / "glossary_en.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            english = row["english"].strip().lower()
            table = words if re.fullmatch(r"\w+", english) else phrases
            table[english] = row["norwegian"].strip()
    return phrases, words


# A Norwegian entry by its stem too: «eigendelar», «fosterheimane» find «eigendel», «fosterheim»
_BY_STEM = {stems[0]: norwegian for word, norwegian in _WORDS.items()
            if len(stems := tokenize(word)) == 1}
_PHRASES, _ENGLISH_WORDS = _english()
_WORDS |= _ENGLISH_WORDS
# longest first, whole words, a plural s allowed: «case workers», «learning networks»
_PHRASE = re.compile(r"\b(?P<phrase>" + "|".join(re.escape(p) for p in sorted(
    _PHRASES, key=len, reverse=True)) + r")s?\b")


_WORD = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


def without_possessive(text: str) -> str:
    """«Bufdir's guide» as «Bufdir guide», «State Administrator's» as «State Administrator»."""
    return _POSSESSIVE.sub("", text)


_NYNORSK_KJE = re.compile(r"(?<=[kg])j(?=e)")


def _bokmal_spelling(word: str) -> str:
    """Regular Nynorsk spellings in Bokmål form: søkje → søke, følgje → følge, mykje → myke."""
    return _NYNORSK_KJE.sub("", word)


# Regular Nynorsk spellings and their Bokmål forms, tried on a word the documents may not use
# («høyrt» → «hørt», «undersøkingane» → «undersøkelsene», «tenesta» → «tjenesta», «sendast» →
# «sendes», «kartlagd» → «kartlagt»); a form counts only when the documents use it.
_NYNORSK_FORMS = (
    (re.compile(r"øy"), "ø"),
    (re.compile(r"ing(?:a|ar|ane|en)?$"), "else"),
    (re.compile(r"^ten(?=e)"), "tjen"),
    (re.compile(r"ast$"), "es"),
    (re.compile(r"(?<=[gl])d$"), "t"),
)


# …and the other way, for a Nynorsk document asked in Bokmål («fosterhjem» → «fosterheim»).
# («undersøkelse» → «undersøking» and «tjeneste» → «teneste» were tried: they made Bokmål
# questions about other reports look answered by Nynorsk ones.)
# A «k» or «g» before «e» is written «kj»/«gj» in Nynorsk: «dekker» → «dekkjer», «legge» →
# «leggje», «søker» → «søkjer» (the stemmer cuts the Bokmål form to «dek», too short to match).
_BOKMAL_TO_NYNORSK = ((re.compile(r"hjem"), "heim"), (re.compile(r"(?<=[kg])(er|e)$"), r"j\1"))


def _other_forms(word: str, known: Known) -> set[str]:
    """The stems of the other written form of a word (Bokmål of a Nynorsk word, Nynorsk of a
    Bokmål one) that the documents use."""
    forms = set()
    for pattern, replacement in (*_NYNORSK_FORMS, *_BOKMAL_TO_NYNORSK):
        form = pattern.sub(replacement, word)
        if form != word:
            forms |= {stem for stem in tokenize(form) if known(stem)}
    return forms


def _english_base(word: str) -> str:
    """evaluates → evaluate, answered → answer: enough to look a word up in the glossary."""
    for suffix, replacement in (("ies", "y"), ("es", "e"), ("s", ""), ("ed", ""), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            base = word[: -len(suffix)] + replacement
            if base in _WORDS:
                return base
    return word


def _read(text: str) -> tuple[list[str], list[str]]:
    """The Norwegian of each glossary phrase in `text`, and its other words (lower case,
    «Bufdir's» as «bufdir»)."""
    lowered = without_possessive(text.lower())
    phrases = [_PHRASES[match.group("phrase")] for match in _PHRASE.finditer(lowered)]
    return phrases, _WORD.findall(_PHRASE.sub(" ", lowered))


Known = Callable[[str], bool]  # is this stem in the documents? (`LexicalIndex.known`)


def _norwegian(word: str, known: Known | None = None) -> str:
    """The documents' words for an English or Nynorsk word ("" when the glossary has none).
    Given `known`, an inflected form the documents never use is looked up by its stem."""
    if found := _WORDS.get(word, "") or _WORDS.get(_english_base(word), ""):
        return found
    stems = tokenize(word)
    if known is None or len(stems) != 1 or known(stems[0]):
        return ""
    return _BY_STEM.get(stems[0], "")


def expand(text: str, known: Known | None = None) -> list[set[str]]:
    """One group of equivalent stems per content word of `text` (original first)."""
    phrases, words = _read(text)
    groups: list[set[str]] = []
    for word in words:
        stems = set(tokenize(word))
        if not stems:
            continue
        stems |= set(tokenize(_norwegian(word, known)))
        stems |= set(tokenize(_bokmal_spelling(word)))
        if known is not None:
            stems |= _other_forms(word, known)
        groups.append(stems)
    for phrase in phrases:  # «project manager» → «prosjektleder», and on to «prosjektleiar»
        stems = set(tokenize(phrase))
        stems |= set(tokenize(" ".join(_WORDS.get(w, "") for w in phrase.split())))
        if stems:
            groups.append(stems)
    return groups


def bridged(text: str, known: Known | None = None) -> str:
    """The text with the documents' words for its English and Nynorsk ones added, for a word
    index (BM25) that only finds the words it is given: «foster homes» also finds
    «fosterhjem», and «foster care positions» «fosterhjemsstillinger»."""
    phrases, words = _read(text)
    extra = " ".join(a for a in [*phrases, *(_norwegian(w, known) for w in words),
                                 *_compounds(text)] if a)
    return f"{text} {extra}" if extra else text


def _compounds(text: str) -> list[str]:
    """Norwegian writes as one word what English writes as two: each pair of neighbouring
    glossary words joined, with and without the linking s (a word the documents never use
    finds nothing)."""
    said: list[str] = []
    for match in _PHRASE_OR_WORD.finditer(without_possessive(text.lower())):
        norwegian = _PHRASES[match["phrase"]] if match["phrase"] else _norwegian(match["word"])
        said.append(norwegian.split()[0] if norwegian else "")
    found: list[str] = []
    for first, second in zip(said, said[1:], strict=False):
        if first and second:
            found += [first + second, first + "s" + second]
    return found


_PHRASE_OR_WORD = re.compile(_PHRASE.pattern + r"|(?P<word>\w+)")  # in the order written
