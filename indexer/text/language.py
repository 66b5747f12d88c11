"""Which language a question is in (nb, nn or en), so the answer can be in the same one.

A handful of marker words separates the three well on short questions; ties go to Bokmål,
the default of the product.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["nb", "nn", "en"]

_WORD = re.compile(r"[a-zæøåéèêóòôü]+", re.IGNORECASE)

_ENGLISH = frozenset(
    "the what which who when where how why is are was were did does do of and in to with "
    "from about according many much municipalities municipality meeting minutes project "
    "projects summarise summarize summary please help me write list show give documents "
    "document mention mentions mentioned reports report guidelines has have had there any "
    "this that they their been will can could should would after before".split()
)
_NYNORSK = frozenset(
    "kva kven kvar korleis kor kvifor ikkje eg dei ein eit vart vore frå heile berre "
    "kommunane kommunar prosjekta møtet skal vere vert blei fosterheim fosterheimar "
    "rettleiar rettleiing rettleiaren prosjektleiar sluttar sluttrapporten oppsummer "
    "stad tilsett tilsette saman òg mykje nokon noko difor fylket".split()
)
_NYNORSK_ONLY = frozenset(
    "kva kven kvar korleis kor kvifor ikkje eg dei ein eit vart frå berre kommunar "
    "fosterheim fosterheimar rettleiar rettleiing rettleiaren prosjektleiar sluttar "
    "tilsett tilsette mykje nokon noko stades vedteke skreiv deltakarar leiar leiarar "
    "barnevernleiarar".split()
)
_BOKMAL = frozenset(
    "hva hvem hvor hvordan hvorfor ikke jeg de en et ble fra hele bare kommunene kommuner "
    "prosjektene møtet være blir fosterhjem fosterhjemmet veileder veiledning prosjektleder "
    "slutter noen noe derfor mye".split()
)


def detect_language(text: str) -> Language:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "nb"
    english = sum(w in _ENGLISH for w in words)
    nynorsk = sum(w in _NYNORSK_ONLY for w in words)
    bokmal = sum(w in _BOKMAL for w in words)
    if english >= 2 and english > nynorsk + bokmal:
        return "en"
    if nynorsk > bokmal:
        return "nn"
    return "nb"
