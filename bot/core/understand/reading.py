"""Read one text into a `Question`: language, intent, places (with their history), years and
dates, document types, themes, meeting references, parts and answer types. The text is the
whole question already: `understand` has completed a follow-up and chosen what to read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from bot.core.models import ChatTurn
from bot.core.question import Intent, ListAsk, Part, Question, Tally
from bot.core.question_values import Correction
from bot.core.understand import (
    across,
    amounts,
    attendee,
    decisions,
    doc_types,
    follow_up,
    frames,
    history,
    intent,
    kinds,
    leaders,
    meeting,
    names,
    parts,
    person,
    places,
    project_lists,
    roles,
    tally,
    time,
    timeline,
    topic,
    written_as,
    yes_no,
)
from indexer.models import DocType
from indexer.text.language import detect_language
from indexer.text.places import Gazetteer
from indexer.text.spelling import Speller, apply
from indexer.text.themes import label as theme_label
from indexer.text.themes import themes_in

# read from meeting minutes: a follow-up asking one of these asks about the same meeting
MINUTES = frozenset({Intent.DECISIONS, Intent.PARTICIPANTS})
_FRAMED = frozenset({Intent.FACT, Intent.PROJECTS, Intent.DOCUMENTS})  # may ask county frames
_TALLIED = _FRAMED  # may ask a list counted group by group
# the documents a project's amounts are read from: a bound on them asks for the projects
_PROJECT_DOCUMENTS = frozenset({DocType.PROSJEKTBESKRIVELSE, DocType.SLUTTRAPPORT})


@dataclass(frozen=True)
class Kit:
    """What understanding needs besides the text: place history, the corpus' words, today."""

    gazetteer: Gazetteer
    speller: Speller | None = None
    today: dt.date | None = None


def read(text: str, turns: tuple[ChatTurn, ...], kit: Kit, complete: bool) -> Question:
    today = kit.today or dt.date.today()
    language = detect_language(text)
    whole, completed = follow_up.standalone(text, turns) if complete else (text, False)
    fixes = kit.speller.corrections(whole) if kit.speller and not intent.command(text) else []
    whole = parts.without_instructions(apply(whole, fixes))
    themed, excluded_themes = topic.left_out_themes(whole)  # «utenom ettervernsprosjektene»
    themes = frozenset(themes_in(themed))
    kind = intent.classify(whole, bool(themes or excluded_themes))
    unquoted, skipped = places.left_out(places.capitalised(_unquoted(whole), kit.gazetteer))
    towns = places.municipalities(unquoted, kit.gazetteer)
    counties = places.counties(unquoted, kit.gazetteer)
    excluded = places.municipalities(skipped, kit.gazetteer) + places.counties(
        skipped, kit.gazetteer) if skipped else ()
    held = intent.asks_holdings(unquoted)
    if kind == Intent.FACT and held and (towns or counties) and not places.beyond(
            held, towns + counties):
        kind = Intent.DOCUMENTS  # «Hva har vi fra Agder?»
    priced = kind == Intent.FACT and bool(towns) and amounts.only_amounts(whole)
    kind = Intent.PROJECTS if priced else kind  # «Hvor mye fikk Haugesund og Karmøy tildelt?»
    merged = kind in {Intent.FACT, Intent.PROJECTS} and not towns and intent.asks_merged(whole)
    kind = Intent.PROJECTS if merged else kind
    by_time = timeline.time_ranks(whole) if kind in {Intent.FACT, Intent.PROJECTS} else ()
    kind = Intent.PROJECTS if by_time else kind  # «Hvilket prosjekt startet først?»
    length = timeline.lasting(whole) if kind in {Intent.FACT, Intent.PROJECTS} else None
    kind = Intent.PROJECTS if length else kind  # «Hvilke prosjekter varte lenger enn to år?»
    overlapping = kind in {Intent.FACT, Intent.PROJECTS} and timeline.alongside(whole)
    kind = Intent.PROJECTS if overlapping else kind  # «… pågikk samtidig med Kvam-prosjektet?»
    quiet = doc_types.quiet_since(whole)  # «Hvilke nettverk har ikke referat nyere enn 2022?»
    each_network = doc_types.latest_each_network(whole) or quiet is not None
    kind = Intent.DOCUMENTS if each_network else kind  # «siste møte i hvert nettverk»
    met = kind in {Intent.FACT, Intent.PROJECTS} and doc_types.groups_met(whole)
    kind = Intent.DOCUMENTS if met else kind  # «Hvilke nettverk hadde møter i 2023?»
    # «Hvem er prosjektlederne?», «Hvilke prosjekter ledes av en fagleder?»: the projects' rows
    led = kind in {Intent.FACT, Intent.PROJECTS} and leaders.asks_leaders(whole)
    kind = Intent.PROJECTS if led else kind
    # «Hvilke dokumenter er skrevet på nynorsk?», «Which docs are PDFs?»: the documents' rows
    written_in, file_formats = written_as.languages_asked(whole), written_as.formats_asked(whole)
    if (written_in or file_formats) and kind in {Intent.FACT, Intent.PROJECTS}:
        kind = Intent.DOCUMENTS
    counted = tally.tally(whole) if kind in _TALLIED else tally.Counted()
    grouped = counted.by
    people = grouped == Tally.PERSON  # «Hvilke personer går igjen?»: the documents name them
    if (counted.of_documents or people) and kind in {Intent.FACT, Intent.PROJECTS}:
        kind = Intent.DOCUMENTS  # «Hvilke kommuner er nevnt i mer enn ett dokument?»
    if grouped is not None and kind == Intent.FACT:  # «Hvilket tema har flest sluttrapporter?»
        kind = Intent.DOCUMENTS if grouped != Tally.THEME and doc_types.doc_types(
            whole) else Intent.PROJECTS  # a theme is a project's: counted over the projects
    if completed and (own := intent.classify(apply(text, fixes), bool(themes))) in MINUTES:
        kind = own  # «og hva ble bestemt der?»: the words added for context ask nothing
    actor, topic_words = decisions.actor_and_topic(whole) if kind == Intent.DECISIONS else ("", "")
    if kind == Intent.PARTICIPANTS and meeting.asks_whole_agenda(whole) and not any(
            roles.asks_participants(p.text) and not meeting.asks_whole_agenda(p.text)
            for p in parts.split_parts(whole)):
        kind = Intent.FACT  # «Hvor mange saker var på møtet?» counts items, not people
    agenda = meeting.agenda_pick(whole, kind == Intent.DECISIONS) if kind in {
        Intent.FACT, Intent.DECISIONS, Intent.SUMMARY} else None  # «første sak på møtet»
    last_met = kind == Intent.FACT and meeting.asks_last_meeting(whole)  # «Når var siste møte?»
    minutes_like = kind in {Intent.DECISIONS, Intent.PARTICIPANTS} or agenda is not None or (
        last_met) or (
        kind == Intent.SUMMARY and intent.is_minutes_summary(whole))
    listed = kind in {Intent.PROJECTS, Intent.DOCUMENTS}
    who, rest = attendee.attendee(whole, kit.gazetteer) if kind == Intent.PARTICIPANTS else (
        None, whole)
    lacked: frozenset[DocType] = doc_types.lacking(whole) if listed and not (
        project_lists.asks_counties_without(whole)) else frozenset()  # … counties left
    lacked = lacked if lacked <= _PROJECT_DOCUMENTS else frozenset()
    stated_bound = amounts.amount_bound(whole)
    if kind == Intent.DOCUMENTS and (stated_bound or lacked or amounts.ranks_amounts(whole)) and (
            named := doc_types.doc_types(whole)) and named <= _PROJECT_DOCUMENTS:
        kind = Intent.PROJECTS  # «Hvilke prosjektbeskrivelser søker om mer enn 500 000 kr / mest?»
    asked = (ListAsk.AMOUNTS if priced else project_lists.list_ask(whole, bool(themes))
             or ListAsk.PROJECTS) if kind == Intent.PROJECTS else None
    bound = stated_bound if asked in {ListAsk.PROJECTS, ListAsk.AMOUNTS} else None
    asked = ListAsk.AMOUNTS if bound else asked  # «prosjekter som fikk over 500 000 kr»
    framed = whole
    if kind in {Intent.FACT, Intent.DOCUMENTS}:
        whole = parts.without_form(whole)  # classified with it: «oversikt over prosjektene»
    split = tuple(replace(part, outcome=intent.asks_outcome(part.text),
                          money=amounts.part_asks_sum(part.text, part.answer_types),
                          person=person.asks_person(part.text),
                          municipalities=kinds.asks_municipalities(part.text),
                          years=time.year_span(part.text, today),
                          narrowing=bool(i) and parts.narrows(part.text),
                          alternatives=yes_no.alternatives(part.text))
                  for i, part in enumerate(parts.split_parts(whole)))
    if asked == ListAsk.COUNT_PROJECTS and any(amounts.amount_kinds(p.text) for p in split[1:]):
        asked = ListAsk.AMOUNTS  # «Hvor mange … er det, og hva søkte de om?»: rows with sums
    years = {Intent.DOCUMENTS: time.document_years, Intent.PROJECTS: time.project_years}.get(
        kind, time.year_span)(whole, today)
    mentioned_years = names.mentioned_years(whole) if kind == Intent.DOCUMENTS else ()
    if mentioned_years or quiet is not None:  # «… nemner kompetansekrava frå 2031»: no
        years = None  # document is from 2031; «nyere enn 2022» is the networks' newest
    types = doc_types.doc_types(" ".join(p.text for p in split if not p.narrowing)
                                if kind == Intent.PROJECTS else whole)
    types = types | {DocType.REFERAT} if each_network or met else types
    types = types - lacked
    every_type = len(types) > 1 and doc_types.both_named(whole)
    unknown = _unknown_theme(unquoted, kit.gazetteer) if listed and not (
        themes or excluded_themes) and not (
        priced or amounts.one_project_amount(whole)) else None  # «prosjektet om X»: a name
    if unknown and (said := topic.compound_theme(unquoted)):  # «støtte til foreldre»
        themes, unknown = frozenset({said[0]}), None
        fixes = [*fixes, (said[1], theme_label(said[0], language))]
    left = {n for p in excluded for n in (p.name, *p.current_names, *p.former_names)}
    named = tuple(n for n in names.names(whole) if n not in left)  # «utenom Karmøy»: not about it
    left_years = time.left_out_years(whole)  # «… bortsett frå dei som kom i 2022»
    persons, quoted = names.person_names(whole, kit.gazetteer.is_place), names.quoted(whole)
    county_frames = kind in _FRAMED and frames.asks_frames(whole, places.distinct(counties))
    return Question(
        text=text,
        language=language,
        intent=kind,
        standalone=whole,
        today=today,
        history=turns,
        command=intent.command(text),
        parts=split,
        municipalities=towns,
        excluded_places=excluded,
        excluded_years=left_years,
        excluded_themes=excluded_themes,
        scene=parts.preamble(whole),
        counties=counties,
        years=years,
        years_tied=time.years_tied(whole),
        years_relative=years is not None and not time.ANY_YEAR.search(whole),
        where_said=names.asks_where_said(whole),
        claims=kind == Intent.FACT and any(yes_no.claims(p.text) for p in split),
        asks_issuer=names.asks_issuer(whole),
        when_decided=decisions.asks_when_decided(whole),
        oldest_first=time.oldest_first(whole),
        ongoing=time.ongoing(whole),
        per_year=time.per_year(whole),
        counties_without=project_lists.asks_counties_without(whole),
        tally=grouped,
        tally_extreme=counted.extreme,  # type: ignore[arg-type]
        tally_at_least=counted.at_least,
        latest_each_network=each_network,
        quiet_after=quiet,
        document_extreme=doc_types.extreme_document(whole) if kind == Intent.FACT else "",
        dates=time.dates_in(whole),
        doc_types=types,
        lacking_doc_types=lacked,
        leaders_asked=kind == Intent.PROJECTS and led,
        led_by=leaders.led_by(whole) if kind == Intent.PROJECTS and led else None,
        document_languages=written_in if kind == Intent.DOCUMENTS else frozenset(),
        document_formats=file_formats if kind == Intent.DOCUMENTS else frozenset(),
        places_mentioned=kind == Intent.DOCUMENTS and bool(towns or counties)
        and names.asks_mentions(whole),
        every_doc_type=every_type,
        doc_types_named=doc_types.named_doc_types(whole),
        doc_types_cited=doc_types.cited_doc_types(whole),
        outcome=intent.asks_outcome(whole),
        decided=decisions.asks_decided(whole),
        projects_named=project_lists.names_projects(text),
        themes=themes,
        unknown_theme=unknown,
        list_ask=asked,
        merged_numbers=kit.gazetteer.merged_numbers() if merged else frozenset(),
        place_history=kind == Intent.FACT and bool(towns) and history.asks_history(whole),
        history_asked=kind == Intent.FACT and bool(towns) and history.history_asked(whole),
        amount_kinds=amounts.amount_kinds(whole) if listed else frozenset(),
        municipal_money=bool(amounts.MUNICIPAL_MONEY.search(whole)),
        ranked=asked == ListAsk.AMOUNTS and bool(amounts.EXTREME.search(whole)
                                                 or amounts.ORDERED.search(whole)),
        averaged=asked == ListAsk.AMOUNTS and bool(project_lists.MEAN.search(whole)),
        amount_bound=bound,
        time_ranks=by_time,
        lasting=length,
        alongside=overlapping,
        web_page=kind == Intent.SUMMARY and doc_types.names_web_page(whole),
        meeting=meeting.meeting_ref(meeting.without_agenda(rest) if agenda else rest, today)
        if minutes_like else None,
        meetings_ahead=meeting.asks_meetings_ahead(whole),
        agenda=agenda,
        last_meeting=last_met,
        meeting_held=meeting.asks_meeting_held(whole),
        meeting_calendar=kind in (Intent.FACT, Intent.PROJECTS) and meeting.asks_calendar(whole),
        due_year=decisions.due_year(whole) if kind == Intent.DECISIONS else None,
        open_items=kind == Intent.DECISIONS and decisions.asks_open_only(whole),
        time=time.time_focus(whole),
        names=named,
        regions=places.regions(whole, named, kit.gazetteer, unlike=(*persons, quoted or "")),
        quoted=quoted,
        project_named=names.project_named(whole),
        difference=amounts.difference_asked(whole) if kind in {Intent.FACT, Intent.PROJECTS}
        else None,
        persons=persons,
        mentions=(*names.mentioned(whole, named, kit.gazetteer.is_place), *mentioned_years)
        if kind == Intent.DOCUMENTS else (),
        topic=topic_words,
        actor=actor,
        assignee=decisions.assignee(whole) if kind == Intent.DECISIONS else "",
        roles=roles.roles_asked(whole) if kind == Intent.PARTICIPANTS else frozenset(),
        attendee=who,
        meetings_asked=who is not None and attendee.meetings_asked(whole),
        meeting_also=_meeting_also(kind, split),
        corrections=tuple(Correction(w, r) for w, r in [*fixes, *places.region_readings(unquoted)]),
        follow_up=completed,
        # the frames table answers across counties itself, the people's tally who is where
        across=not county_frames and not people and (
            across.asks_each(framed, kind, types, split, len(towns) + len(counties),
                             filtered=bool(themes or excluded_themes or unknown or towns
                                           or counties or excluded or named
                                           or years or left_years or merged or every_type
                                           or lacked or led)
                             or asked not in (ListAsk.PROJECTS, ListAsk.MUNICIPALITIES))
            or (kind == Intent.FACT and places.distinct(counties) > 1  # «… i Viken og Agder?»
                and not places.joint(whole, counties))),
        per_county=across.per_county(framed),
        each_project=project_lists.asked_of_each_project(split, asked),  # asked: a project list
        frames=county_frames,
    )


def _meeting_also(kind: Intent, split: tuple[Part, ...]) -> Intent | None:
    """«Hvem var med på møtet, og hvem fikk hvilke oppgaver?», «Who attended …, and what was
    decided?»: a part asking the meeting's other table."""
    if len(split) < 2:
        return None
    if kind == Intent.DECISIONS and any(roles.asks_participants(p.text)
                                        and not decisions.who_does_what(p.text) for p in split):
        return Intent.PARTICIPANTS
    if kind == Intent.PARTICIPANTS and any(intent.asks_decisions(p.text) for p in split):
        return Intent.DECISIONS
    return None


def _unknown_theme(text: str, gazetteer: Gazetteer) -> str | None:
    return topic.unknown_theme(text, gazetteer.municipality_names | gazetteer.county_names)


def _unquoted(text: str) -> str:
    return re.sub(r"«[^»]{2,80}»|\"[^\"]{2,80}\"", " ", text)
