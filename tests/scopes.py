"""A restricted corpus beside the sample one: a network's referat and project plan (readable by
the Lister team only) and a document marked «KONFIDENSIELT» with no access list (nobody).

Every restricted text uses words no public document has (Fjordlys, Kvinesdal-modellen …), so
a reply that holds any of its sentences can only have taken it from there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

LISTER_TEAM = "19:lister-general@thread.tacv2"
LISTER_GROUP = "5b0e8a52-1c3f-4b8e-9f0a-0d6e3c1a7b11"
OTHER_TEAM = "19:setesdal-general@thread.tacv2"
MEMBER = "aad-kari-lister"  # in Lister's group by the group map
OUTSIDER = "aad-ola-utenfor"

GROUP_MAP = {
    "users": {MEMBER: [LISTER_GROUP]},
    "networks": {"nettverk:lister": [LISTER_TEAM, LISTER_GROUP]},
}

REFERAT = """# Referat fra møte i styringsgruppen for læringsnettverket i Lister, 14.03.2024

---
type: referat
dato: 2024-03-14
fylke: Agder
kommuner: Flekkefjord, Kvinesdal, Sirdal
---

**Sted:** Kvinesdal rådhus, kl. 10.00–14.00
**Til stede:** Torunn Lindeland (Flekkefjord kommune, leder av styringsgruppen), Eivind Håland (Kvinesdal kommune), Gunvor Tjørhom (Sirdal kommune)
**Referent:** Gunvor Tjørhom

### Sak 5/2024 Fjordlys-veiledningen

Kvinesdal-modellen for nattlig krisetelefon har gitt færre akuttplasseringer i vinter. Styringsgruppen vurderte å spre modellen til Sirdal.

Vedtak: Styringsgruppen innfører Kvinesdal-modellen i alle tre kommuner fra 1. august 2024, med Fjordlys-veiledningen som felles opplæring.

Oppfølging: Lage opplæringsplan for Fjordlys-veiledningen – ansvar: Eivind Håland, Kvinesdal kommune.

### Sak 6/2024 Lønnstillegg for vaktordningen

Vaktordningen i Lister har kostet 612 000 kr mer enn budsjettert. Flekkefjord foreslo et felles lønnstillegg på 4 300 kr per vakthelg.

Vedtak: Lønnstillegget på 4 300 kr per vakthelg godkjennes ut 2024.

### Neste møte

Neste møte: 12. juni 2024 kl. 10.00 i Sirdal.
"""

PLAN = """# Prosjektbeskrivelse: «Fjordlys» – fosterhjem i nærmiljøet i Flekkefjord og Kvinesdal

---
type: prosjektbeskrivelse
dato: 2024-02-01
fylke: Agder
kommuner: Flekkefjord, Kvinesdal
access: ["19:lister-general@thread.tacv2"]
---

**Søker:** Flekkefjord kommune (vertskommune) på vegne av barneverntjenestene i Flekkefjord og Kvinesdal
**Prosjektleder:** Torunn Lindeland, Flekkefjord kommune
**Prosjektperiode:** 1. mars 2024 – 31. desember 2025

## Bakgrunn

Fjordlys skal rekruttere fosterhjem i nærmiljøet, fordi 9 av 14 barn fra Flekkefjord og Kvinesdal bor i fosterhjem utenfor Lister.

## Mål

Hovedmål: Fjordlys skal gi minst 6 nye fosterhjem i Lister innen utgangen av 2025.

## Budsjett

Finansiering: Det søkes om 380 000 kr i stimuleringsmidler til Fjordlys.
"""

KONFIDENSIELL = """KONFIDENSIELT – unntatt offentlighet, jf. offl. § 13

# Evaluering av barneverntjenesten i Lyngdal, 02.05.2024

---
type: annet
dato: 2024-05-02
---

Gjennomgangen av Lyngdal fant at fristbruddene skyldtes en langvarig sykemelding i Tangvall-teamet.

Tilsynsgruppen anbefaler at Lyngdal innfører ukentlige fristmøter ledet av Randi Tangvall.
"""


def write_restricted(root: Path) -> Path:
    """The restricted documents under `root`: the referat inherits its folder's scope file."""
    lister = root / "lister"
    lister.mkdir(parents=True)
    (lister / ".access.yaml").write_text('access: ["nettverk:lister"]\n', encoding="utf-8")
    (lister / "2024-03-14_referat_styringsgruppe_lister.md").write_text(REFERAT, encoding="utf-8")
    (root / "2024-02-01_prosjektbeskrivelse_lister_fjordlys.md").write_text(PLAN, encoding="utf-8")
    (root / "2024-05-02_evaluering_lyngdal.md").write_text(KONFIDENSIELL, encoding="utf-8")
    return root


def group_map_json() -> str:
    return json.dumps(GROUP_MAP)


_WORD = re.compile(r"\w+")
# Words only the restricted texts hold: names, places and figures
MARKERS = ("fjordlys", "kvinesdal-modellen", "tangvall", "lindeland", "tjørhom", "håland",
           "vakthelg", "612 000", "4 300", "lister", "flekkefjord", "kvinesdal", "sirdal",
           "lyngdal", "fristmøter", "krisetelefon")


def restricted_sentences(min_words: int = 5) -> list[str]:
    """Every sentence of the restricted texts long enough to be told apart, normalised."""
    sentences: list[str] = []
    for text in (REFERAT, PLAN, KONFIDENSIELL):
        body = re.sub(r"(?s)^.*?---.*?---", "", text)
        for part in re.split(r"(?<=[.!?:])\s+|\n+", body):
            words = _WORD.findall(part.lower())
            if len(words) >= min_words:
                sentences.append(" ".join(words))
    return sentences


def leaks(reply: str, question: str = "") -> list[str]:
    """Restricted sentences found in a reply, and marker words it holds that the question did
    not bring (a place the user named may be echoed; nothing else may)."""
    flat = " ".join(_WORD.findall(reply.lower()))
    found = [s for s in restricted_sentences() if s in flat]
    asked = question.lower()
    return found + [m for m in MARKERS
                    if m not in asked and re.search(rf"(?<!\w){re.escape(m)}(?!\w)", reply.lower())]
