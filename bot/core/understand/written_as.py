"""Documents asked for by how they are written: the language («Hvilke dokumenter er skrevet på
nynorsk?», «documents in English») or the kind of file («Which docs are PDFs?», «Word-filene»).
"""

from __future__ import annotations

import re

from indexer.text.language import Language

_LANGUAGES: tuple[tuple[Language, re.Pattern[str]], ...] = (
    ("nn", re.compile(r"\b(?:(?:på|paa|in|i)\s+nynorsk|nynorsk\w*|(?:written\s+)?in\s+nynorsk)\b",
                      re.I)),
    ("nb", re.compile(r"\b(?:(?:på|in)\s+bokmål|bokmål\w*)\b", re.I)),
    ("en", re.compile(r"\b(?:(?:på|in)\s+(?:engelsk|english)|engelskspråklige?)\b", re.I)),
)
# «Hvilke dokumenter …», «Which docs …», «Har vi referat …»: documents are listed, not asked
# about («Må søknaden skrives på nynorsk?» asks a rule)
_DOCUMENT_LIST = re.compile(
    r"\b(?:hvilke|hvilket|kva(?:\s+for)?|which|what|list\w*|finnes|fins|finst|har\s+vi|"
    r"do\s+we\s+have|are\s+there|any|noen|nokon|nokre|alle|all)\b[^?.!]{0,40}?"
    r"\b(?:\w*dokument\w*|docs|documents?|fil(?:er|ene|a|ane)|files|referat\w*|\w*rapport\w*|"
    r"utlysning\w*|utlysing\w*|retningslin\w*|sider|sidene|pages)\b", re.I)
_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pdf", re.compile(r"\bpdf(?:-?(?:er|ar|ene|ane|a|s|fil\w*|dokument\w*))?\b", re.I)),
    ("docx", re.compile(r"\b(?:docx|word(?:-?(?:fil\w*|dokument\w*|files?|documents?))|"
                        r"ms\s+word)\b", re.I)),
)
# «Svar meg på nynorsk», «answer in English»: how the answer is wanted, not what is asked for
_ANSWER_IN = re.compile(r"\b(?:svar\w*|answer|reply|skriv\s+(?:svaret|det))\b[^.?!]{0,20}"
                        r"\b(?:på|in)\s+(?:nynorsk|bokmål|engelsk|english)\b", re.I)


def languages_asked(text: str) -> frozenset[Language]:
    """The languages the documents asked for are written in; none when the question says none."""
    if not _DOCUMENT_LIST.search(text) or _ANSWER_IN.search(text):
        return frozenset()
    return frozenset(lang for lang, pattern in _LANGUAGES if pattern.search(text))


def formats_asked(text: str) -> frozenset[str]:
    """The kinds of file asked for («pdf», «docx»)."""
    if not _DOCUMENT_LIST.search(text) and not re.search(r"\bpdf(?:er|ar|ene|ane|s)\b", text, re.I):
        return frozenset()
    return frozenset(kind for kind, pattern in _FORMATS if pattern.search(text))
