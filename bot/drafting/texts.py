"""What the drafting assistant says, in Bokmål, Nynorsk and English.

Section headings that come from a call or guideline are quoted as the document writes them; only
the assistant's own words (questions, labels, fallback headings) are translated here.
"""

from __future__ import annotations

from typing import Literal

from bot.core.models import Language

DraftKind = Literal["plan", "report"]

# The order in which the dialog asks; a field the opening request already answered is skipped.
FIELDS: dict[DraftKind, tuple[str, ...]] = {
    "plan": ("municipalities", "theme", "target_group", "goals", "measures", "partner",
             "anchoring", "period", "budget", "contact"),
    "report": ("municipalities", "theme", "period", "goals", "measures", "budget",
               "experiences", "continuation", "contact"),
}

_QUESTIONS: dict[str, dict[Language, str]] = {
    "municipalities": {
        "nb": "Hvilke kommuner er med, og hvem er vertskommune?",
        "nn": "Kva kommunar er med, og kven er vertskommune?",
        "en": "Which municipalities take part, and which one is the host?",
    },
    "theme": {
        "nb": "Hva er temaet for prosjektet (for eksempel fosterhjem, høykonflikt, ettervern)?",
        "nn": "Kva er temaet for prosjektet (til dømes fosterheim, høgkonflikt, ettervern)?",
        "en": "What is the project's theme (for example foster care, high conflict, aftercare)?",
    },
    "target_group": {
        "nb": "Hvem er målgruppen for prosjektet?",
        "nn": "Kven er målgruppa for prosjektet?",
        "en": "Who is the project's target group?",
    },
    "goals": {
        "nb": "Hva er hovedmålet og delmålene?",
        "nn": "Kva er hovudmålet og delmåla?",
        "en": "What are the main goal and the sub-goals?",
    },
    "measures": {
        "nb": "Hvilke tiltak og aktiviteter planlegger dere?",
        "nn": "Kva tiltak og aktivitetar planlegg de?",
        "en": "Which measures and activities do you plan?",
    },
    "partner": {
        "nb": "Hvilket kompetansemiljø samarbeider dere med (for eksempel RKBU, RVTS, UiS)?",
        "nn": "Kva kompetansemiljø samarbeider de med (til dømes RKBU, RVTS, UiS)?",
        "en": "Which competence environment do you work with (for example RKBU, RVTS, UiS)?",
    },
    "anchoring": {
        "nb": "Hvordan er prosjektet organisert og forankret (barnevernsleder, kommunedirektør)?",
        "nn": "Korleis er prosjektet organisert og forankra (barnevernsleiar, kommunedirektør)?",
        "en": "How is the project organised and anchored in management (child welfare "
              "leader, chief municipal executive)?",
    },
    "period": {
        "nb": "Hva er prosjektperioden (fra og til)?",
        "nn": "Kva er prosjektperioden (frå og til)?",
        "en": "What is the project period (from and to)?",
    },
    "budget": {
        "nb": "Hva er budsjettet: samlet kostnad, beløpet dere søker om og egenandelen?",
        "nn": "Kva er budsjettet: samla kostnad, beløpet de søkjer om og eigendelen?",
        "en": "What is the budget: total cost, the amount you apply for and your own share?",
    },
    "contact": {
        "nb": "Hvem er kontaktperson (navn og rolle)?",
        "nn": "Kven er kontaktperson (namn og rolle)?",
        "en": "Who is the contact person (name and role)?",
    },
    "experiences": {
        "nb": "Hvilke erfaringer har dere gjort, og hva har dere lært?",
        "nn": "Kva erfaringar har de gjort, og kva har de lært?",
        "en": "What have you experienced and learned?",
    },
    "continuation": {
        "nb": "Hvordan skal arbeidet videreføres og implementeres etter prosjektet?",
        "nn": "Korleis skal arbeidet førast vidare og implementerast etter prosjektet?",
        "en": "How will the work be continued and implemented after the project?",
    },
}

_REPORT_QUESTIONS: dict[str, dict[Language, str]] = {
    "goals": {
        "nb": "Hvilke mål hadde prosjektet, og hvor langt nådde dere?",
        "nn": "Kva mål hadde prosjektet, og kor langt nådde de?",
        "en": "What were the project's goals, and how far did you get?",
    },
    "measures": {
        "nb": "Hvilke tiltak ble gjennomført?",
        "nn": "Kva tiltak vart gjennomførte?",
        "en": "Which measures were carried out?",
    },
    "budget": {
        "nb": "Hva viser regnskapet: samlet forbruk, tildelte midler og egenandel?",
        "nn": "Kva viser rekneskapen: samla forbruk, tildelte midlar og eigendel?",
        "en": "What do the accounts show: total spending, funds granted and own share?",
    },
}

_LABELS: dict[str, dict[Language, str]] = {
    "title_plan": {"nb": "Utkast til prosjektplan", "nn": "Utkast til prosjektplan",
                   "en": "Draft project plan"},
    "title_report": {"nb": "Utkast til sluttrapport", "nn": "Utkast til sluttrapport",
                     "en": "Draft final report"},
    "step": {"nb": "spørsmål {i} av {n}", "nn": "spørsmål {i} av {n}",
             "en": "question {i} of {n}"},
    "final": {"nb": "ferdig", "nn": "ferdig", "en": "finished"},
    "follows": {"nb": "Utkastet følger {what}.", "nn": "Utkastet følgjer {what}.",
                "en": "The draft follows {what}."},
    "no_call": {
        "nb": "Jeg fant ingen utlysning eller retningslinje for fylket i kunnskapsbasen, så "
              "utkastet bruker en standard disposisjon.",
        "nn": "Eg fann inga utlysing eller retningslinje for fylket i kunnskapsbasen, så "
              "utkastet brukar ein standard disposisjon.",
        "en": "I found no call or guideline for the county in the knowledge base, so the draft "
              "uses a standard outline.",
    },
    "standard_outline": {
        "nb": "Kildene krever ingen bestemt disposisjon, så utkastet bruker en standard "
              "disposisjon. Kravene er hentet fra {what}.",
        "nn": "Kjeldene krev ingen bestemt disposisjon, så utkastet brukar ein standard "
              "disposisjon. Krava er henta frå {what}.",
        "en": "The sources require no particular outline, so the draft uses a standard one. "
              "The requirements come from {what}.",
    },
    "known": {"nb": "Dette vet jeg allerede", "nn": "Dette veit eg alt",
              "en": "What I already know"},
    "checklist": {"nb": "Sjekkliste mot kriteriene", "nn": "Sjekkliste mot kriteria",
                  "en": "Checklist against the criteria"},
    "similar": {"nb": "Lignende prosjekter", "nn": "Liknande prosjekt", "en": "Similar projects"},
    "sources": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "next": {"nb": "Neste spørsmål", "nn": "Neste spørsmål", "en": "Next question"},
    "missing": {"nb": "mangler", "nn": "manglar", "en": "missing"},
    "met": {"nb": "oppfylt", "nn": "oppfylt", "en": "met"},
    "conflict": {"nb": "i strid med kravet", "nn": "i strid med kravet", "en": "in conflict"},
    "commands": {
        "nb": "Svar fritt, eller skriv «hopp over», «tilbake», «ferdig» eller «avbryt».",
        "nn": "Svar fritt, eller skriv «hopp over», «tilbake», «ferdig» eller «avbryt».",
        "en": "Answer freely, or type “skip”, “back”, “done” or “cancel”.",
    },
    "noted": {"nb": "Notert: {field}.", "nn": "Notert: {field}.", "en": "Noted: {field}."},
    "skipped": {"nb": "Hoppet over: {field}.", "nn": "Hoppa over: {field}.",
                "en": "Skipped: {field}."},
    "back": {"nb": "Vi går tilbake til: {field}.", "nn": "Vi går tilbake til: {field}.",
             "en": "Going back to: {field}."},
    "back_empty": {"nb": "Det er ingenting å gå tilbake til.",
                   "nn": "Det er ingenting å gå tilbake til.",
                   "en": "There is nothing to go back to."},
    "resume": {"nb": "Vi fortsetter utkastet.", "nn": "Vi held fram med utkastet.",
               "en": "Let's continue the draft."},
    "progress": {"nb": "Fylt ut {done} av {total} deler.", "nn": "Fylt ut {done} av {total} delar.",
                 "en": "{done} of {total} sections filled in."},
    "cancelled": {"nb": "Utkastet er avbrutt. Skriv /utkast for å begynne på nytt.",
                  "nn": "Utkastet er avbrote. Skriv /utkast for å byrje på nytt.",
                  "en": "The draft was cancelled. Type /utkast to start again."},
    "finished": {
        "nb": "Utkastet er klart som Word-dokument. Fyll inn det som er merket «mangler».",
        "nn": "Utkastet er klart som Word-dokument. Fyll inn det som er merka «manglar».",
        "en": "The draft is ready as a Word document. Fill in what is marked “missing”.",
    },
    "guidance": {"nb": "Krav", "nn": "Krav", "en": "Requirement"},
    "example": {"nb": "Eksempel", "nn": "Døme", "en": "Example"},
    "from_description": {"nb": "Fra prosjektbeskrivelsen", "nn": "Frå prosjektskildringa",
                         "en": "From the project description"},
    "rule_hint": {"nb": "Husk", "nn": "Hugs", "en": "Remember"},
}

FIELD_NAMES: dict[str, dict[Language, str]] = {
    "municipalities": {"nb": "kommuner", "nn": "kommunar", "en": "municipalities"},
    "theme": {"nb": "tema", "nn": "tema", "en": "theme"},
    "target_group": {"nb": "målgruppe", "nn": "målgruppe", "en": "target group"},
    "goals": {"nb": "mål", "nn": "mål", "en": "goals"},
    "measures": {"nb": "tiltak", "nn": "tiltak", "en": "measures"},
    "partner": {"nb": "kompetansemiljø", "nn": "kompetansemiljø", "en": "competence partner"},
    "anchoring": {"nb": "organisering og forankring", "nn": "organisering og forankring",
                  "en": "organisation and anchoring"},
    "period": {"nb": "prosjektperiode", "nn": "prosjektperiode", "en": "project period"},
    "budget": {"nb": "budsjett", "nn": "budsjett", "en": "budget"},
    "contact": {"nb": "kontaktperson", "nn": "kontaktperson", "en": "contact person"},
    "experiences": {"nb": "erfaringer", "nn": "erfaringar", "en": "experiences"},
    "continuation": {"nb": "videreføring", "nn": "vidareføring", "en": "continuation"},
    "name": {"nb": "prosjektnavn", "nn": "prosjektnamn", "en": "project name"},
}


def question(field: str, kind: DraftKind, language: Language) -> str:
    table = _REPORT_QUESTIONS if kind == "report" and field in _REPORT_QUESTIONS else _QUESTIONS
    return table[field][language]


def label(key: str, language: Language, **values: object) -> str:
    return _LABELS[key][language].format(**values)


def field_name(field: str, language: Language) -> str:
    return FIELD_NAMES[field][language]


def title(kind: DraftKind, language: Language) -> str:
    return label(f"title_{kind}", language)
