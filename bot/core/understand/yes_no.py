"""Does a question (part) ask yes or no? Norwegian and English put the verb first
(«Må kommunene betale egenandel?», «Held dei fram med vakttelefonen?», «Did they keep it?»).
"""

from __future__ import annotations

import re

# The verbs questions open with most often, English auxiliaries included.
_OPENING_VERB = re.compile(
    r"^\s*(?:og\s+|and\s+)?(må|kan|skal|er|var|har|hadde|fikk|fekk|nådde|ble|vart|blir|blei|"
    r"finnes|fins|gjelder|stemmer|bør|krever|kreves|kunne|skulle|måtte|ville|vil|burde|klarte|"
    r"klarer|brukte|bruker|fortsetter|held fram|starter|startar|rekker|rekk|trådte|tredde|"
    r"videreføres|vidareførast|dekker|dekkjer|omfatter|inneholder|inneheld|betaler|betalte|"
    r"gir|gav|ga|is|are|was|were|did|does|do|can|could|must|has|have|had|"
    r"should|will|would|may)\b", re.I)
# Any other verb form before its subject: «Fortsatte Haugesund …», «Heldt dei fram …»,
# «Lyktes prosjektet …». The first word has a verb's ending (or is a common strong past
# form) and the next is a pronoun, a name or a noun in its definite form.
_INVERTED = re.compile(
    r"^\s*(?:og\s+)?(?:\w+(?:te|de|dde|et|a|er|ar|es|ast)|held|heldt|holdt|fant|fann|gikk|gjekk|"
    r"kom|tok|gjorde|lot|let|sto|stod|vedtok|deltok|kjem|kommer|går)\s+"
    r"(?:de|dei|den|det|han|hun|ho|vi|dere|man|ein|en|noen|nokon|nokre|alle|"
    r"[A-ZÆØÅ]\w*|\w{3,}(?:et|en|ene|a|ane|inga|ingen))\b")
# The question words of an open question, Bokmål, Nynorsk and English: one anywhere in a part
# makes a verb before its subject no yes/no question after all.
QUESTION_WORD = (r"hvem|hva|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|når|kven|kva|kvar|"
                 r"korleis|kvifor|kor|ka|kem|who|what|when|where|how|which|why")  # ka, kem: dialect
ASKING = re.compile(rf"\b(?:{QUESTION_WORD})\b", re.I)


# «Tilsynet var i mai 2023, sant?», «… – stemmer det?», «It ended in 2022, right?»: a claim
# with a tag after it asks whether the claim holds.
_TAG = re.compile(
    r"(?:^|[,–—-]\s*|\s)(?:(?:ikke|ikkje)\s+)?(?:sant|stemmer\s+(?:det|dette)|"
    r"(?:er|var)\s+(?:det|dette)\s+(?:riktig|rett|korrekt|sant)(?:\s+\w+)?|"
    r"(?:right|correct|true)|(?:is|was)\s+(?:that|this|it)\s+(?:right|correct|true)|"
    r"(?:isn't|wasn't|aren't|didn't)\s+(?:it|they|he|she)|eller\s+(?:hva|kva))\s*\?\s*$", re.I)


# «Stemmer det at …?», «Er det riktig at …?», «Is it true that …?»: the claim comes after
_CLAIM_LEAD = re.compile(
    r"\b(?:stemmer det at|er det (?:riktig|rett|korrekt|sant) at|is it (?:true|correct|right) "
    r"that|am i right that|har jeg rett i at|har eg rett i at)\b", re.I)


def claims(part: str) -> bool:
    """Whether the part states something and asks whether it holds («Fristen var 15. april
    2024, ikke sant?»): an answer for another year corrects it rather than refusing."""
    asked = part if part.rstrip().endswith("?") else part.rstrip() + "?"  # a part lost its «?»
    return bool(_TAG.search(asked) or _CLAIM_LEAD.search(part))


def asks_yes_no(part: str) -> bool:
    """Whether the part opens with its verb, as a yes/no question does, or tags a claim."""
    if _OPENING_VERB.match(part):
        return True
    tag = _TAG.search(part)
    if tag and (tag.group().lstrip()[:1] in ",–—-" or not ASKING.search(part[:tag.start()])):
        return True
    opening = part.lstrip()
    inverted = _INVERTED.match(opening[:1].lower() + opening[1:])
    return bool(inverted) and part.rstrip().endswith("?") and not ASKING.search(part)


_NUMBER_WORD = (r"\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|two|three|four|five|six|seven|"
                r"eight|nine|ten")
# «… to eller tre år?», «Var det Kvam eller Voss …?», «… Bergen or Voss?»
_EITHER = re.compile(rf"\b(?P<a>{_NUMBER_WORD}|[A-ZÆØÅ][\w-]+)\s+(?:eller|or)\s+"
                     rf"(?P<b>{_NUMBER_WORD}|[A-ZÆØÅ][\w-]+)(?:\s+(?P<noun>[^\W\d]{{2,}}))?", re.I)


def alternatives(part: str) -> tuple[str, ...]:
    """The choices a yes/no question offers («Ble perioden to eller tre år?»: «to år», «tre
    år»): the answer must say which holds. Numbers share the noun after them; names stand alone."""
    if not asks_yes_no(part):
        return ()
    match = _EITHER.search(part)
    if match is None:
        return ()
    a, b, noun = match["a"], match["b"], match["noun"]
    numbers = re.fullmatch(_NUMBER_WORD, a, re.I) and re.fullmatch(_NUMBER_WORD, b, re.I)
    if numbers and noun:
        return (f"{a} {noun}", f"{b} {noun}")
    names = a[:1].isupper() and b[:1].isupper() and not numbers
    return (a, b) if names else ()
