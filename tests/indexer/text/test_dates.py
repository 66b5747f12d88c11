import datetime as dt

import pytest

from indexer.text.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.01.2024", dt.date(2024, 1, 31)),
        ("7.6.2018", dt.date(2018, 6, 7)),
        ("13.september 2018", dt.date(2018, 9, 13)),
        ("13. september 2018", dt.date(2018, 9, 13)),
        ("7. september 2022", dt.date(2022, 9, 7)),
        ("1. november 2018", dt.date(2018, 11, 1)),
        ("2019-03-15", dt.date(2019, 3, 15)),
        ("31 January 2024", dt.date(2024, 1, 31)),
        ("January 31, 2024", dt.date(2024, 1, 31)),
        ("31.03.22", dt.date(2022, 3, 31)),
        ("12. mai 2020", dt.date(2020, 5, 12)),
        ("30. juni 2024", dt.date(2024, 6, 30)),
        ("1. sept. 2020", dt.date(2020, 9, 1)),
        ("3. okt 2021", dt.date(2021, 10, 3)),
        ("20. Februar 2025", dt.date(2025, 2, 20)),
        ("24/10-19", dt.date(2019, 10, 24)),
        ("17/9-2019", dt.date(2019, 9, 17)),
        ("24/10/2019", dt.date(2019, 10, 24)),
    ],
)
def test_each_written_form_gives_the_date(text, expected):
    sentence = f"Møtet ble holdt {text} i Bergen."
    matches = find_dates(sentence)
    assert [m.date for m in matches] == [expected]
    assert sentence[matches[0].start : matches[0].end] == matches[0].text == text


@pytest.mark.parametrize(
    "text",
    [
        "i perioden 2017-2024",
        "kompetansestrategien 2018–2024",
        "kl. 10.00–13.00",
        "sak 10/22",
        "versjon 1.2.3.4",
        "31.02.2024",
        "telefon: 55 57 22 33",
        "innen 1. mai",
        "Sak 10/22",
        "i mai 2018",
    ],
)
def test_years_times_and_impossible_dates_are_not_dates(text):
    assert find_dates(text) == []


def test_all_dates_are_found_in_reading_order():
    text = "Prosjektperiode: 1. april 2019 – 31. desember 2020. Sluttrapport innen 01.03.2021."
    assert [m.date for m in find_dates(text)] == [
        dt.date(2019, 4, 1),
        dt.date(2020, 12, 31),
        dt.date(2021, 3, 1),
    ]


def test_day_and_month_need_a_year_from_the_caller():
    text = "Vi tar sikte på 15.november, og neste møte er 3. mars 2023."
    assert [m.date for m in find_dates(text)] == [dt.date(2023, 3, 3)]
    with_year = find_dates(text, default_year=2022)
    assert [m.date for m in with_year] == [dt.date(2022, 11, 15), dt.date(2023, 3, 3)]


def test_parse_date_reads_the_date_in_a_question():
    assert parse_date("Oppsummer referatet fra 31.01.2024") == dt.date(2024, 1, 31)
    assert parse_date("What happened at the meeting on January 31, 2024?") == dt.date(2024, 1, 31)
    assert parse_date("Kva skjedde på samlinga 13. september 2018?") == dt.date(2018, 9, 13)


def test_parse_date_without_a_date_is_none():
    assert parse_date("Hvilke kommuner har hatt fosterhjemsprosjekter?") is None
    assert parse_date("") is None
