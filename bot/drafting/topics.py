"""What a heading is about: keyword classes shared by draft headings and project documents.

A call's heading «Mål og målgruppe» is about goals and the target group; the dialog's answers,
the rules and the examples of similar projects are matched to a heading through these topics.
"""

from __future__ import annotations

import re

_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I)) for name, pattern in (
        ("summary", r"sammendrag|samandrag|summary"),
        ("goals", r"måloppnåing|måloppnåelse|\bmål\b|\bgoals?\b|results?"),
        ("target", r"målgrupp\w*|target"),
        ("background", r"bakgrunn|behov|background|\bneed"),
        ("measures", r"tiltak|aktivitet\w*|measures?|activit\w*"),
        ("timeline", r"fremdrift\w*|framdrift\w*|tidsplan|periode|timeline|schedule"),
        ("organisation", r"organiser\w*|forankr\w*|organi[sz]ation|anchor\w*"),
        ("partner", r"kompetansemiljø\w*|samarbeid\w*|partner\w*"),
        ("budget", r"budsjett\w*|finansier\w*|regnskap\w*|rekneskap\w*|økonomi|budget|account\w*"
                   r"|financ\w*"),
        ("evaluation", r"evaluer\w*|evaluation"),
        ("experiences", r"erfaring\w*|læring|lessons?|experience\w*"),
        ("continuation", r"videreføring|vidareføring|implementer\w*|continu\w*"),
    )
)
# The dialog's fields that belong under a topic, and the rule kinds that govern it.
FIELDS = {
    "summary": ("theme", "municipalities"), "background": ("theme", "municipalities"),
    "target": ("target_group",), "goals": ("goals",), "measures": ("measures",),
    "timeline": ("period",), "organisation": ("anchoring", "municipalities", "contact"),
    "partner": ("partner",), "budget": ("budget",), "evaluation": (),
    "experiences": ("experiences",), "continuation": ("continuation",),
}
RULES = {
    "organisation": ("min_municipalities", "anchoring", "participants"),
    "partner": ("competence", "competence_exempt"), "timeline": ("max_period",),
    "budget": ("max_amount", "own_share"),
}
ALIASES = {"summary": ("background",)}  # a summary may start from a project's background


def topics(heading: str) -> list[str]:
    return [name for name, pattern in _TOPICS if pattern.search(heading)]
