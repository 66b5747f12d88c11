"""Answer units: where a lead-in with its list, or a label with its value, ends in the text."""

from __future__ import annotations

from indexer.text.units import answer_units

TEXT = ("For 2026 prioriteres disse temaene:\n• kompetanse,\n• ettervern,\n• ettervern,\n"
        "• samisk språk.\nKriterier\nTil stede:\nKari Nordmann, Ola Nordmann\n\nNeste sak")


def _unit(start: str):  # type: ignore[no-untyped-def]
    return next(u for u in answer_units(TEXT) if u.text.startswith(start))


def test_a_lead_in_brings_each_item_once_and_ends_with_its_last_line() -> None:
    unit = _unit("For 2026")
    assert unit.items == 3
    assert TEXT[unit.start:unit.end].endswith("• samisk språk.")


def test_a_label_with_its_value_on_the_next_line_ends_with_that_line() -> None:
    unit = _unit("Til stede:")
    assert unit.text == "Til stede: Kari Nordmann, Ola Nordmann."
    assert TEXT[unit.start:unit.end] == "Til stede:\nKari Nordmann, Ola Nordmann"


def test_an_open_line_with_a_list_right_below_leads_it_in() -> None:
    text = ("Ved lik kvalitet prioriteres prosjekter som\n\n- styrker barns medvirkning,\n"
            "- omfatter små kommuner.\n## Beløp\nTittel\n- a b\nDet er fire.\n- c d")
    units = {u.text: u for u in answer_units(text)}
    assert "Ved lik kvalitet prioriteres prosjekter som styrker barns medvirkning; omfatter " \
           "små kommuner." in units
    assert units["Tittel"].items == 0  # one word is a heading, not a lead-in
    assert units["Det er fire."].items == 0  # a full stop closes the sentence


def test_a_list_ends_where_its_marker_changes() -> None:
    text = ("Midlene kan brukes til:\n- prosjektledelse,\n- reiser.\n"
            "4. Hva midlene ikke kan brukes til\n- ordinær drift.")
    lead = next(u for u in answer_units(text) if u.text.startswith("Midlene"))
    assert lead.text == "Midlene kan brukes til: prosjektledelse; reiser."


def test_a_run_of_items_without_a_lead_in_is_one_block_per_marker_kind() -> None:
    text = ("Tiltak\n- ordinær drift,\n- kjøp av utstyr,\n1. Egenandel\n2. Kompetansemiljø\n"
            "Kommunene dekker 20 prosent.")
    blocks = [u.text for u in answer_units(text) if u.block]
    assert blocks == ["ordinær drift; kjøp av utstyr.", "Egenandel; Kompetansemiljø."]


def test_a_numbered_heading_left_open_leads_in_the_bullets_below_it() -> None:
    text = ("3. Hva midlene kan brukes til\nFagdager.\n4. Hva midlene ikke kan brukes til\n"
            "- ordinær drift,\n- kjøp av utstyr,\n5. Egenandel\nKommunene dekker 20 prosent.")
    units = answer_units(text)
    heading = next(u for u in units if u.text.startswith("4."))
    assert heading.text == "4. Hva midlene ikke kan brukes til: ordinær drift; kjøp av utstyr."
    assert not [u for u in units if u.block]  # the heading introduces them: no second copy
    assert next(u for u in units if u.text.startswith("3.")).items == 0  # no list below it


def test_a_numbered_lead_in_ending_in_a_colon_keeps_one_colon() -> None:
    lead = next(u for u in answer_units("1. Midlene kan brukes til:\n- reiser,\n- kurs.\n")
                if u.items)
    assert lead.text == "1. Midlene kan brukes til: reiser; kurs."


def test_a_table_is_one_unit_with_its_header_and_each_row_stays_a_unit() -> None:
    text = ("## Budsjett\n\n| Post | Beløp |\n|---|---|\n| Prosjektleder | 380 000 kr |\n"
            "| Sum | 650 000 kr |\n\nDet søkes om 500 000 kr. Kostnad a | b.")
    units = answer_units(text)
    tables = [u for u in units if u.table]
    assert [u.text for u in tables] == ["Post | Beløp; Prosjektleder | 380 000 kr; Sum | 650 000 kr."]
    assert tables[0].block and tables[0].items == 3
    assert "Sum | 650 000 kr" in [u.text for u in units]  # a row still answers alone
    assert not any(u.table for u in units if "Kostnad" in u.text)  # a bar in prose is no table


def test_a_table_header_alone_is_no_unit() -> None:
    text = "| Embete | Antall |\n|---|---|\n| Statsforvalteren i Agder | 3 |\n| Statsforvalteren i Rogaland | 4 |"
    texts = [u.text for u in answer_units(text)]
    assert "Embete | Antall" not in texts
    assert "Statsforvalteren i Agder | 3" in texts
    assert texts[0].startswith("Embete | Antall; ")  # the table keeps it


def test_a_word_tables_first_row_over_a_column_of_figures_is_its_header() -> None:
    """A Word table has no rule line under its header: «Post | Beløp» over amounts is one all
    the same, while a table of labels and values has none."""
    budget = ("## Budsjett\n\n| Post | Beløp |\n| Prosjektleder | 380 000 kr |\n"
              "| Reise | 50 000 kr |\n| Sum | 650 000 kr |\n\nDet søkes om 500 000 kr.")
    texts = [u.text for u in answer_units(budget)]
    assert "| Post | Beløp |" not in texts and "Post | Beløp" not in texts
    assert any(t.startswith("Post | Beløp; Prosjektleder | 380 000 kr") for t in texts)
    labels = ("| Prosjektnavn | Se meg |\n| Søkt beløp | 500 000 kr |\n"
              "| Prosjektleder | Kari Nordmann |")
    assert any("Prosjektnavn" in t and "Søkt" not in t for t in answer_units_texts(labels))


def answer_units_texts(text: str) -> list[str]:
    return [u.text for u in answer_units(text)]
