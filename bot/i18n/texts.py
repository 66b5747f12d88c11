"""Every sentence the core says in its own voice, in Bokmål, Nynorsk and English."""

from __future__ import annotations

from bot.core.models import Language

_TEXTS: dict[str, dict[Language, str]] = {
    "refusal": {
        "nb": "Jeg finner ikke svar på dette i kunnskapsbasen.",
        "nn": "Eg finn ikkje svar på dette i kunnskapsbasen.",
        "en": "I can't find this in the knowledge base.",
    },
    "nearest": {
        "nb": "Nærmeste dokumenter:",
        "nn": "Dei næraste dokumenta:",
        "en": "Closest documents:",
    },
    "no_documents": {
        "nb": "Kunnskapsbasen er tom. Kjør «laeringsbot index» først.",
        "nn": "Kunnskapsbasen er tom. Køyr «laeringsbot index» først.",
        "en": "The knowledge base is empty. Run “laeringsbot index” first.",
    },
    "english_frame": {
        "nb": "",
        "nn": "",
        "en": "From the knowledge base (quoted in Norwegian):",
    },
    "empty_question": {
        "nb": "Skriv et spørsmål, for eksempel «Hvilke kommuner har hatt prosjekter om fosterhjem?».",
        "nn": "Skriv eit spørsmål, til dømes «Kva kommunar har hatt fosterheimsprosjekt?».",
        "en": "Please ask a question, for example “Which municipalities have had foster care "
              "projects?”.",
    },
    "too_long": {
        "nb": "Spørsmålet er for langt ({length} tegn, maks {limit}). Korte det ned og prøv igjen.",
        "nn": "Spørsmålet er for langt ({length} teikn, maks {limit}). Kort det ned og prøv igjen.",
        "en": "The question is too long ({length} characters, max {limit}). Please shorten it.",
    },
    "injection": {
        "nb": "Jeg svarer bare ut fra dokumentene i kunnskapsbasen, og kan ikke se bort fra dem.",
        "nn": "Eg svarar berre ut frå dokumenta i kunnskapsbasen, og kan ikkje sjå bort frå dei.",
        "en": "I only answer from the documents in the knowledge base and cannot ignore them.",
    },
    "help": {
        "nb": (
            "Jeg svarer på spørsmål om læringsnettverkene i barnevernet, med kilder.\n"
            "- Still et spørsmål: «Når er neste samling i Hordaland?»\n"
            "- /prosjekter [tema] – fullstendig liste over prosjekter og kommuner\n"
            "- /oppsummer [dato eller møte] – vedtak, oppfølging og neste møte fra et referat\n"
            "- /utkast – hjelp til å skrive en prosjektplan etter utlysningen\n"
            "- /kilder – dokumentene i kunnskapsbasen"
        ),
        "nn": (
            "Eg svarar på spørsmål om læringsnettverka i barnevernet, med kjelder.\n"
            "- Spør: «Når er neste samling i Hordaland?»\n"
            "- /prosjekter [tema] – full liste over prosjekt og kommunar\n"
            "- /oppsummer [dato eller møte] – vedtak, oppfølging og neste møte frå eit referat\n"
            "- /utkast – hjelp til å skrive ein prosjektplan etter utlysinga\n"
            "- /kilder – dokumenta i kunnskapsbasen"
        ),
        "en": (
            "I answer questions about the child-welfare learning networks, with sources.\n"
            "- Ask: “When is the next network meeting in Hordaland?”\n"
            "- /prosjekter [theme] – complete list of projects and municipalities\n"
            "- /oppsummer [date or meeting] – decisions, actions and next meeting from minutes\n"
            "- /utkast – help drafting a project plan for a call\n"
            "- /kilder – the documents in the knowledge base"
        ),
    },
    "sources_intro": {
        "nb": "Kunnskapsbasen har {count} dokumenter (sist oppdatert {updated}):",
        "nn": "Kunnskapsbasen har {count} dokument (sist oppdatert {updated}):",
        "en": "The knowledge base holds {count} documents (last updated {updated}):",
    },
}


def say(key: str, language: Language, **values: object) -> str:
    return _TEXTS[key][language].format(**values)
