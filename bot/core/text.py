"""Text as every stage can take it: lone surrogates (a JSON «\\ud800», or bytes that were not
UTF-8 on a command line, which Python keeps as U+DC80–U+DCFF) become U+FFFD, so no encoder,
database or embedder meets a character it cannot write."""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)
