"""Domain vocabulary across English, Nynorsk and Bokmål, for lexical matching.

Dense retrieval bridges languages by meaning; word-level matching (BM25, sentence coverage) needs
to know that "deadline", "søknadsfrist" and "frist" are one idea, and that Nynorsk "fosterheim"
is Bokmål "fosterhjem". This is the child-welfare network's own vocabulary, not a translator.
"""

from __future__ import annotations

import re

from indexer.store.lexical import tokenize

_PHRASES = {
    "stimulus funds": "stimuleringsmidler", "stimulus funding": "stimuleringsmidler",
    "foster home": "fosterhjem", "foster homes": "fosterhjem", "foster care": "fosterhjem",
    "foster parents": "fosterforeldre", "project manager": "prosjektleder",
    "project leader": "prosjektleder", "final report": "sluttrapport",
    "project description": "prosjektbeskrivelse", "next meeting": "neste møte",
    "resource group": "ressursgruppe", "steering group": "styringsgruppe",
    "county governor": "statsforvalteren fylkesmannen", "learning network": "læringsnettverk",
    "competence centres": "kompetansemiljø", "competence centre": "kompetansemiljø",
    "parent groups": "foreldregrupper", "high conflict": "høykonflikt",
    "own share": "egenandel", "total budget": "budsjett sum", "applied for": "søkes søkt",
    "took over": "overtar", "took part": "deltok",
}
_WORDS = {
    # English → Bokmål
    "deadline": "søknadsfrist frist", "budget": "budsjett", "minutes": "referat",
    "meeting": "møte", "decision": "vedtak", "decisions": "vedtak", "decided": "vedtak",
    "municipality": "kommune", "municipalities": "kommuner kommunene", "parents": "foreldre",
    "aftercare": "ettervern", "guidelines": "retningslinjer", "call": "utlysning",
    "requirement": "krav", "collaborate": "samarbeid", "collaboration": "samarbeid",
    "funding": "midler stimuleringsmidler", "granted": "tildelt", "received": "fikk tildelt",
    "evaluate": "evaluere", "evaluation": "evaluering", "period": "prosjektperiode",
    "represented": "til stede tilstede", "institutions": "kompetansemiljø",
    "goals": "mål", "measures": "tiltak", "answer": "svart", "answered": "svart",
    "drop": "bort", "changed": "endret", "children": "barn", "child": "barn",
    "welfare": "barnevern", "project": "prosjekt", "projects": "prosjekter",
    "university": "universitet universitetet høgskole høgskulen", "evaluates": "evaluerer",
    "phone": "telefon", "telephone": "telefon", "email": "e-post", "leads": "leder leiar",
    "amount": "beløp", "share": "andel prosent egenandel", "costs": "kostnader",
    "cost": "kostnad", "cover": "dekke", "responsible": "ansvar ansvarlig",
    "responsibility": "ansvar", "maximum": "inntil maksimalt", "families": "familier",
    "next": "neste", "meet": "møte møtes", "attended": "til stede deltok", "report": "rapport",
    "inspection": "tilsyn", "county": "fylke", "network": "nettverk", "goal": "mål",
    "target": "mål", "apply": "søke", "applicants": "søkere", "participants": "deltakere",
    "leader": "leder", "contact": "kontakt kontaktperson",
    "age": "alder år", "ages": "alder år", "aged": "år", "youth": "ungdom unge",
    "young": "unge ungdom", "adolescents": "ungdom unge", "teenagers": "ungdom unge",
    # Nynorsk → Bokmål
    "fosterheim": "fosterhjem", "fosterheimar": "fosterhjem", "fosterheimen": "fosterhjemmet",
    "fosterheimsrettleiaren": "fosterhjemsveileder", "rettleiar": "veileder",
    "rettleiaren": "veileder", "rettleiing": "veiledning", "prosjektleiar": "prosjektleder",
    "tilsette": "ansatte", "tilsett": "ansatt", "vedteke": "vedtak vedtatt", "vart": "ble",
    "kommunane": "kommunene", "kommunar": "kommuner", "styringsgruppa": "styringsgruppen",
    "sluttar": "slutter slutt prosjektperiode", "slutter": "slutt prosjektperiode", "stilling": "stilling", "kontordag": "kontordag",
    "mykje": "mye", "søkje": "søke", "halde": "holdt holdes arrangert stad sted", "holdt": "holdes arrangert sted stad",
    "held": "holdt arrangert sted stad", "informasjonsmøtet": "informasjonsmøte", "heime": "hjemme",
    "møtet": "møte", "samlinga": "samlingen", "utlysinga": "utlysningen",
    # Bokmål synonyms the documents use interchangeably
    "maksimalt": "inntil", "telefonnummer": "telefon", "telefonnummeret": "telefon",
    "leder": "leiar leiaren", "leiar": "leder", "leiaren": "leder", "leier": "leder leiar",
    "ledet": "leder prosjektleder leiar prosjektleiar",
    "ledde": "leder prosjektleder leiar prosjektleiar", "leidde": "leiar prosjektleiar", "videreført": "videreføres videreført", "avviklet": "avvikles",
    "evaluere": "evaluerer evaluering", "søknadsfristen": "søknadsfrist",
    # Bokmål → Nynorsk, for Nynorsk documents asked in Bokmål
    "egenandel": "eigendel eigenandel eigeninnsats egeninnsats", "egenandelen": "eigendel",
    "dekke": "dekkje", "prosjektleder": "prosjektleiar",
    "barnevernleder": "barnevernsleder barnevernleiar barnevernsleiar",
    "barnevernsleder": "barnevernleder barnevernleiar barnevernsleiar",
    "lovbrudd": "lovbrot", "lovbrot": "lovbrudd", "eigendel": "egenandel",
    # A call that is «open» still takes applications: its deadline says whether it is
    # … and an inspection that is «open» has not been closed («Tilsynet er derfor avslutta»)
    "åpen": "åpen søknadsfrist frist avsluttet avslutta",
    "åpne": "åpne søknadsfrist frist avsluttet avslutta",
    "åpent": "åpent avsluttet avslutta",
    "open": "søknadsfrist frist avsluttet avslutta", "ope": "søknadsfrist frist avsluttet avslutta",
    "opne": "søknadsfrist frist avsluttet avslutta", "framleis": "fortsatt",
    "breach": "lovbrudd lovbrot brudd", "breaches": "lovbrudd lovbrot brudd",
    "violation": "lovbrudd lovbrot brudd", "violations": "lovbrudd lovbrot brudd",
    "infringement": "lovbrudd lovbrot", "infringements": "lovbrudd lovbrot",
    "closed": "avsluttet avslutta lukket", "avslutta": "avsluttet", "avsluttet": "avslutta",
}
_WORD = re.compile(r"\w+", re.UNICODE)


_NYNORSK_KJE = re.compile(r"(?<=[kg])j(?=e)")


def _bokmal_spelling(word: str) -> str:
    """Regular Nynorsk spellings in Bokmål form: søkje → søke, følgje → følge, mykje → myke."""
    return _NYNORSK_KJE.sub("", word)


def _english_base(word: str) -> str:
    """evaluates → evaluate, answered → answer: enough to look a word up in the glossary."""
    for suffix, replacement in (("ies", "y"), ("es", "e"), ("s", ""), ("ed", ""), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            base = word[: -len(suffix)] + replacement
            if base in _WORDS:
                return base
    return word


def expand(text: str) -> list[set[str]]:
    """One group of equivalent stems per content word of `text` (original first)."""
    lowered = text.lower()
    extra: list[str] = []
    for phrase, norwegian in _PHRASES.items():
        if phrase in lowered:
            extra.append(norwegian)
            lowered = lowered.replace(phrase, " ")
    groups: list[set[str]] = []
    for word in _WORD.findall(lowered):
        stems = set(tokenize(word))
        if not stems:
            continue
        stems |= set(tokenize(_WORDS.get(word, "") or _WORDS.get(_english_base(word), "")))
        stems |= set(tokenize(_bokmal_spelling(word)))
        groups.append(stems)
    for phrase in extra:  # «project manager» → «prosjektleder», and on to «prosjektleiar»
        stems = set(tokenize(phrase))
        stems |= set(tokenize(" ".join(_WORDS.get(w, "") for w in phrase.split())))
        if stems:
            groups.append(stems)
    return groups
