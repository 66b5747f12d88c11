"""Which meeting a question means: «referatet fra 31.01.2024», «REKOM september 2022»,
«siste møte i ressursgruppa», «styringsgruppemøtet i Vestland i 2020».
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.question_values import AgendaPick, MeetingRef
from bot.core.understand.time import period_match
from indexer.store.lexical import tokenize
from indexer.text.dates import MONTH_NUMBERS, find_dates
from indexer.text.patterns import words

_COMMAND = re.compile(r"^\s*/\w+\b", re.I)
_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
_YEARS = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s*(?:[–-]|og|and|til|to|eller|or)\s*"
                    r"(?P<b>(?:19|20)\d\d)\b", re.I)
_EVERY = words("møtene", "møta", "samlingene", "samlingane", "referatene", "referata",
               "alle møter", "alle møte", "meetings", "all (?:the )?minutes", "every meeting")
# «har frist i desember 2026», «due by 1 March»: an action item's deadline, not the meeting's date
_DEADLINE = re.compile(
    rf"\b(?:frist(?:en)?|fristar|frister|innen|innan|deadlines?|due(?: by)?)\s+(?:er\s+|is\s+)?"
    rf"(?:i\s+|in\s+|den\s+|on\s+|by\s+)?(?:(?:\d{{1,2}}\.?\s*)?(?:{_MONTH})\.?(?:\s+(?:19|20)\d\d)?|"
    r"(?:19|20)\d\d\b)"
    r"|\b(?:frist(?:en)?|innen|innan|due(?: by)?|by)\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}", re.I)
_FULL_MONTH = "|".join(sorted((m for m in MONTH_NUMBERS if len(m) > 3 or m in {"mai", "may"}),
                              key=len, reverse=True))
# «møtet 10. februar», «on 10 February»: a day without a year (find_dates needs the year)
_DAY_MONTH = re.compile(rf"\b(?P<d>[0-3]?\d)\.?\s+(?P<m>{_FULL_MONTH})\b(?!\.?,?\s*(?:19|20)\d\d)",
                        re.I)
_MONTH_ALONE = re.compile(rf"\b(?:i|in|fra|frå|from|på|on)\s+(?P<m>{_FULL_MONTH})\b", re.I)
# the network meetings in general, «på nettverksmøtene»: the meetings, all of them
_NETWORK_MEETINGS = (r"network (?:meetings|gatherings|seminars)|"
                     r"nettverks(?:møt(?:ene|er|a)|samling(?:ene|ane|er|ar))")
# The meeting's kind in English, read as the Norwegian word its title has.
_KINDS = tuple((re.compile(rf"\b{en}\b", re.I), nb) for en, nb in (
    (r"steering (?:group|committee)s?", "styringsgruppe"), (r"resource groups?", "ressursgruppe"),
    (_NETWORK_MEETINGS, "møtene"),
    (r"network (?:meeting|gathering|seminar)", "nettverkssamling"),
    (r"learning networks?", "læringsnettverk"), (r"working groups?", "arbeidsgruppe"),
    (r"co-?operation forums?", "samarbeidsforum"), (r"gatherings?", "samling")))
# «the network meetings and steering group meetings»: every meeting, whatever its kind
_ALL_NETWORK_MEETINGS = re.compile(rf"\b(?:{_NETWORK_MEETINGS})\b", re.I)
_KIND_STEMS = tuple(tokenize(" ".join(kind for _, kind in _KINDS if kind != "møtene")))
_LATEST = re.compile(r"\b(siste|sist|forrige|førre|last|latest|most recent|nyeste|nyaste)\b",
                     re.I)
# Words that say "a meeting" or "summarise" rather than which one.
NOISE_WORDS = frozenset(tokenize(
    "oppsummer oppsummering oppsummere referat referatet referater referata møte møtet møter "
    "samling samlingen samlinga minutes meeting meetings summarise summarize summary samanfatt "
    "sammenfatt sammendrag samandrag vedtak vedtaka vedtakene oppfølgingspunkter oppfølgingspunkt "
    "oppfølging neste decisions decision action actions items item next the of from with and "
    "please give me kort gi lag eit ein en et a an in at on to for dei det siste sist forrige "
    "last latest nyeste hva kva what who hvem kven ble vart was were bestemt vedtatt vedteke "
    "besluttet decided deltok attended til stede "
    # who was there, and as what
    "hvilke hvilken kva for which whom deltakere deltakarar deltakarane participants attendees "
    "participated present stades tilstede var er med møtte deltek deltar referent møteleder "
    "møteleiar ordstyrer chair chaired forfall fråfall frafall absent apologies meldte ledet "
    "leia barnevernledere barnevernleder barnevernsledere barnevernleiarar barnevernleiar "
    "child welfare leaders leader managers municipalities municipality kommuner kommunar kommune "
    "statsforvalteren statsforvaltaren fylkesmannen county governor "
    # what was decided
    "bestemte vedtok beslutta beslutning beslutninger avgjort konkludert konklusjon konklusjonar "
    "enige einige decide agreed concluded tatt fattet gjort gjorde did made which "
    # how much of it: «for å rekruttere fleire tilsette»
    "flere fleire more "
    # when
    "fjor år vår våren høst høsten haust hausten sommer sommeren sommar vinter vinteren siden "
    "sidan since etter after før before year this spring summer autumn fall winter "
    # which meetings: all of them
    "vi har hatt vært vore alle all every each hver kvart de dei ulike ulika forskjellige "
    "different various våre vår our "
    # who wrote them, and what to show of each: «navn, hvilket møte og hvem de jobber for»
    "skrevet skrev skreiv skrive ført førte wrote written kept navn namn name names hvilket "
    "jobber jobbar works work vil ha want "
    # whose attendance: «har Valle deltatt på», «were attended by», «var RKBU representert»
    "deltatt delteke møtt attend by representert represented noen nokon any take taken took part "
    # a person's role there: «Hvilke rådgivere fra Statsforvalteren …», «which advisors»
    "rådgiver rådgivere rådgiverne rådgjevar rådgjevarar rådgjevarane seniorrådgiver "
    "seniorrådgivere seniorrådgjevar advisor advisors adviser advisers "
    # what to do with the answer: «only …, and say which meeting»
    "only bare berre say tell show vis si "
    # how the answer should look, and what of it: «bullet points please», «hvem har ansvaret»
    "most recent we have bullet points point please punktliste kulepunkt oppfølgingsoppgaver "
    "oppgaver oppgavene tasks ansvar ansvaret ansvarleg ansvarlig responsible frist fristen "
    "deadline deadlines how many much has had does do is are any anyone noen nokon"
)) | {"oppsummer", "med", "frå", "fra", "the", "of", "and", "with", "from", "in", "i", "på"}


def meeting_ref(text: str, today: dt.date | None = None) -> MeetingRef:
    """The date, month, year, period, latest-flag and name words a request names."""
    rest = _DEADLINE.sub(" ", _COMMAND.sub(" ", text))
    all_kinds = bool(_ALL_NETWORK_MEETINGS.search(rest))
    for pattern, word in _KINDS:
        rest = pattern.sub(word, rest)
    dates = find_dates(rest)
    for match in reversed(dates):
        rest = rest[: match.start] + " " + rest[match.end :]
    month = None
    if not dates and (m := _MONTH_YEAR.search(rest)):
        month = (int(m["y"]), MONTH_NUMBERS[m["m"].lower()])
        rest = rest[: m.start()] + " " + rest[m.end() :]
    span = None
    if found := period_match(rest, today or dt.date.today()):
        span = found[0]
        rest = rest[: found[1]] + " " + rest[found[2] :]
    elif not dates and month is None and (years := _YEARS.search(rest)):  # «2020 og 2021»
        first, last = sorted(int(y) for y in years.group("a", "b"))
        span = (dt.date(first, 1, 1), dt.date(last, 12, 31))
        rest = rest[: years.start()] + " " + rest[years.end() :]
    year = None
    if not dates and month is None and span is None and (m := _YEAR.search(rest)):
        year = int(m["y"])
        rest = rest[: m.start()] + " " + rest[m.end() :]
        if today is not None and year > today.year:
            year = None  # «… a joint application for 2027»: no meeting held yet has minutes
    day = None
    if not dates and month is None and (m := _DAY_MONTH.search(rest)) and 1 <= int(m["d"]) <= 31:
        day = (MONTH_NUMBERS[m["m"].lower()], int(m["d"]))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    alone = None
    if not dates and month is None and day is None and (m := _MONTH_ALONE.search(rest)):
        alone = MONTH_NUMBERS[m["m"].lower()]
        rest = rest[: m.start()] + " " + rest[m.end() :]
    words = tuple(w for w in dict.fromkeys(tokenize(rest))
                  if w not in NOISE_WORDS and not w.isdigit()
                  and not (all_kinds and w.startswith(_KIND_STEMS)))
    return MeetingRef(date=dates[0].date if dates else None, month=month, year=year,
                      words=words, latest=bool(_LATEST.search(rest)), period=span,
                      every=bool(_EVERY.search(rest)), month_of_year=alone, day_of_year=day)


# «Er det noen møter eller samlinger som står for tur?», «Which meetings are coming up?», «For
# each set of minutes, what was the next planned meeting?»: the next meeting of every referat
_MEETINGS = words("møter", "møta", "møtene", "samlinger", "samlingar", "samlingane",
                  "samlingene", "meetings", "gatherings")
_AHEAD = words("står for tur", "står for døra", "kommende", "kommande", "framover", "fremover",
               "planlagt", "planlagte", "planlagde", "coming up", "upcoming", "ahead",
               "scheduled", "planned", "fram i tid", "frem i tid", "in the future",
               # «Hvilke av de neste møtene er allerede passert?»: the same list, read the other way
               "passert", "passerte", "already passed", "have passed", "has passed")
# «Har noen av nettverkene et møte som ligger fram i tid?»: one meeting of each network
_NETWORKS = words("nettverkene", "nettverka", "networks", "styringsgruppene", "styringsgruppane",
                  "steering groups")
_A_MEETING = words(r"møte[nt]?", r"samling(?:a|en)?", "meeting", "gathering")
_NEXT = words("neste", "next")
_EACH_REFERAT = words("hvert referat", "kvart referat", "alle referatene", "alle referata",
                      "each set of minutes", "every set of minutes", "all the minutes",
                      "each of the minutes", "for each referat")


def asks_meetings_ahead(text: str) -> bool:
    """The meetings planned next, across the minutes, not one meeting («Når er neste møte i
    Setesdal?» is one network's, a fact)."""
    return bool((_MEETINGS.search(text) and _AHEAD.search(text))
                or (_NETWORKS.search(text) and _A_MEETING.search(text)
                    and (_AHEAD.search(text) or _NEXT.search(text)))
                or (_NEXT.search(text) and _EACH_REFERAT.search(text)))


# «Hva ble avtalt på fellessamlingen i 2025?», «What was decided at the meeting?»: what happened
# at a meeting, asked in the past tense
_PAST = re.compile(r"\b(?:ble|blei|vart|hadde|fikk|fekk|gjorde|avtalte|bestemte|vedtok|"
                   r"vedtog|was|were|did|had|got|agreed|decided)\b", re.I)
_A_GATHERING = re.compile(
    r"\b\w*(?:samling|møte|meeting|gathering|seminar|konferanse|conference)\w*", re.I)


def asks_meeting_held(text: str) -> bool:
    """What happened at a meeting, asked of it as past («Hva ble avtalt på samlingen …?»)."""
    return bool(_PAST.search(text) and _A_GATHERING.search(text))


# «Kva datoar har læringsnettverket hatt samlingar?», «alle samlingsdatoene», «Hvilke møter fant
# sted i 2019?», «List all meetings in 2022»: the dates of many meetings, not one meeting's
_DATES_OF_MEETINGS = re.compile(
    r"\b(?:møte|samlings?|nettverkssamlings?)dato(?:er|ar|ene|ane)\b", re.I)
_DATES = words("datoer", "datoar", "datoene", "datoane", "dates", "når", "when", "fant sted",
               "fann stad", "took place", "were held", "was held", "har hatt", "have had",
               "has had", "hatt", "holdt", "halde", "haldne", "gjennomført", "gjennomførte",
               "arrangert", "lagt inn", "lagt opp til", "satt opp", "sett opp", "tidslinje",
               "timeline", "kalender", "calendar", "møteplan", "møteplanen")
_ALL_MEETINGS = words("alle møter", "alle møta", "alle møtene", "alle samlinger",
                      "alle samlingar", "alle samlingene", "alle samlingane", "all meetings",
                      "all the meetings", "all gatherings", "every meeting")
_OF_MINUTES = words("referat", "referatet", "referater", "referata", "referatene", "møtereferat",
                    "møtereferater", "møtereferata", "møtereferatene", "minutes")


def asks_calendar(text: str) -> bool:
    """Many meetings and their dates, not the minutes as documents («Hvilke møtereferater har vi
    fra 2022?») and not only those ahead (`asks_meetings_ahead`)."""
    if _OF_MINUTES.search(text) or asks_meetings_ahead(text):
        return False
    return bool(_DATES_OF_MEETINGS.search(text) or _ALL_MEETINGS.search(text)
                or (_MEETINGS.search(text) and _DATES.search(text)))


_ORDINALS = {"første": 1, "fyrste": 1, "first": 1, "andre": 2, "second": 2, "tredje": 3,
             "third": 3, "fjerde": 4, "fourth": 4, "femte": 5, "fifth": 5, "sjette": 6,
             "sixth": 6, "siste": -1, "last": -1, "final": -1}
_ITEM = r"(?:sak(?:en|a|snummer)?|punkt(?:et)?|(?:agenda\s+)?item|agenda\s+point|point)"
_ORDINAL_ITEM = re.compile(rf"\b(?P<o>{'|'.join(_ORDINALS)})\s+(?:\w+\s+)?{_ITEM}\b", re.I)
_NUMBERED_ITEM = re.compile(rf"\b{_ITEM}\s+(?:nr\.?\s*|nummer\s+|number\s+|no\.?\s*)?"
                            r"(?P<n>\d{1,3}(?:\s*/\s*(?:19|20)?\d\d)?)\b", re.I)
# what makes «sak» an agenda item rather than a case: the meeting or its minutes named
_OF_A_MEETING = words(r"møte\w*", r"samling\w*", r"referat\w*", r"\w*møtet", r"dagsorden\w*",
                      r"saksliste\w*", r"saklist\w*", "lista", "meeting", "minutes", "agenda", "gathering",
                      r"styringsgrupp\w*", r"ressursgrupp\w*", "møttes", "møttest")


# «Hvor mange saker var på møtet?», «Kva sakar stod på saklista?», «What was on the agenda?»:
# the whole agenda (a «sak med …» is a case, not an item)
_EVERY_ITEM = re.compile(
    r"\b(?:(?:hvor|kor) mange|hvilke|kva(?: for(?: nokre)?)?|how many|which|what)\s+"
    r"(?:saker|sakar|saksnummer|punkt(?:er)?|agendapunkt\w*|items|agenda items|points|"
    r"agenda points)\b(?!\s+(?:med|om|der|som|hvor|kor|with|about|where|that))|"
    r"\b(?:what|which)\s+(?:\w+\s+)?(?:was|were)\s+on\s+the\s+agenda\b|"
    r"\b(?:hva|kva)\s+(?:sto|stod|var)\s+på\s+(?:saklista|sakslista|dagsordenen|agendaen)\b",
    re.I)


def asks_whole_agenda(text: str) -> bool:
    """«Hvor mange saker var på lista?», «What was on the agenda?» (a part of a question)."""
    return bool(_EVERY_ITEM.search(text))


def agenda_pick(text: str, of_minutes: bool = False) -> AgendaPick | None:
    """«Hva var første sak på møtet i november?», «Hva handlet sak 23/2026 om?», «What was the
    last item on the agenda?»: one agenda item of a meeting, by its place or number. A Sak is a
    meeting's where the question names a meeting, asks what one decided (`of_minutes`), or
    numbers it by its year as minutes do («sak 23/2026»)."""
    numbered = _NUMBERED_ITEM.search(text)
    if not (of_minutes or _OF_A_MEETING.search(text) or numbered and "/" in numbered["n"]):
        return None
    if numbered is not None:
        return AgendaPick(number=re.sub(r"\s+", "", numbered["n"]))
    if (ordinal := _ORDINAL_ITEM.search(text)) is not None:
        return AgendaPick(position=_ORDINALS[ordinal["o"].casefold()])
    if _EVERY_ITEM.search(text):
        return AgendaPick(every=True)
    return None


def without_agenda(text: str) -> str:
    """The text without the agenda item it asks («første sak på lista»): what is left names
    the meeting."""
    for pattern in (_NUMBERED_ITEM, _ORDINAL_ITEM, _EVERY_ITEM):
        text = pattern.sub(" ", text)
    return re.sub(r"\b(?:på|i|on|in)\s+(?:lista|saklista|sakslista|dagsordenen|the\s+agenda)\b",
                  " ", text, flags=re.I)


# «Når var siste møte i ressursgruppa?», «Når møttes styringsgruppa sist?», «When did the
# network last meet?»: the date of the newest meeting the minutes record
_WHEN = words("når", "naar", "kva tid", "kor tid", "when", "what date", "hvilken dato",
              "kva dato", "which date")
_MET = words(r"møte[nt]?", r"samling(?:a|en)?", "møttes", "møttest", "samla", "samlet",
             "samlast", "meeting", "gathering", "met", "meet", "gathered")


def asks_last_meeting(text: str) -> bool:
    """When the newest meeting of a group was, as the minutes record it; not «neste møte»
    alone, nor a last meeting's decisions («Hva ble bestemt på siste møte?»)."""
    when = _WHEN.search(text)
    if when is None or not _MET.search(text):
        return False
    clause = text[when.start():]
    last, upcoming = _LATEST.search(clause), _NEXT.search(clause)
    return last is not None and (upcoming is None or last.start() < upcoming.start())
