"""The one fold the readers match headers and variable codes with follows pyjanitor's ``clean_names``."""

from __future__ import annotations

import janitor  # noqa: F401  (registers DataFrame.clean_names)
import pandas as pd
import pytest

from pipeline.read import temporary_protection_table as tp
from pipeline.read.common import MEANINGS, fold
from pipeline.read.local_files import KINDS

# headers as people and Statistics Finland write them: real ones from the recorded tables and the
# municipalities' files, with the spellings a coordinator types
HEADERS = [
    "Kunta",
    "KUNTA",
    " kuntakoodi ",
    "Kunta-koodi",
    "kunta_code",
    "Kunnan koodi",
    "Kotikunnan nimi",
    "Municipality of residence",
    "Päivämäärä",
    "Lukumäärä",
    "Henkilöä",
    "Hemkommun",
    "Anmärkning:",
    "År",
    "Månad",
    "osuus_pct",
    "Asiakastyytyväisyys",
    "Työpaikan alue",
    "Ikä",
    "timeperiod_y",
    "Alue_23_20260101",
    "Kieli",
    "reference date",
    "nimi/fi",
    "kunta, koodi",
    "Lkm.",
    "O'Brien’s",
    "user@domain",
    "Kunta\u00a0koodi",
]


def clean_names(text: str) -> str:
    return pd.DataFrame(columns=pd.Index([text], dtype=object)).clean_names(strip_underscores=True).columns[0]


@pytest.mark.parametrize("text", HEADERS)
def test_fold_is_clean_names(text):
    assert fold(text) == clean_names(text)


def test_every_name_the_readers_accept_is_already_folded():
    # a set member written unfolded ("kunta code") could never match a folded header
    names = set().union(
        tp.MUNICIPALITY_HEADERS, tp.DATE_HEADERS, tp.YEAR_HEADERS, tp.COUNT_HEADERS, tp.NOTE_HEADERS, tp.TOTALS
    )
    names |= {c.fi for kind in KINDS.values() for c in kind.columns} | {
        synonym for s in MEANINGS.values() for synonym in s
    }
    assert {n for n in names if clean_names(n) != n} == set()


def test_a_trailing_note_in_brackets_and_a_line_break_do_not_matter():
    # the two rules added to clean_names': a unit after the name, a header cell wrapped over two lines
    assert fold("Määrä (henkilöä)") == "maara"
    assert fold("Kunnan\nkoodi") == fold("Kunnan\tkoodi") == "kunnan_koodi"
    assert clean_names("Määrä (henkilöä)") == "maara_henkiloa"


def test_a_header_is_matched_whatever_its_case_accents_and_separators():
    layout = tp._layout(["KUNTA-KOODI", "Päivämäärä", "Lukumäärä (henkilöä)", "Huomautus:"])
    assert layout is not None and layout["form"] == "long"
    assert (layout["municipality"], layout["date"], layout["count"], layout["note"]) == ([0], 1, 2, 3)
