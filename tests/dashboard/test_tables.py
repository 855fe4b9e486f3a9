"""``components.table``: a table of words whose every cell is shown as written (AppTest, synthetic cells)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.dashboard.pages import tables

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
from dashboard import components
components.table(pd.DataFrame({{"Lähde": [{cell!r}, None], "Arvo": ["5,5 %", float("nan")]}}), widths=[70, 30])
"""


def test_a_cell_from_a_file_is_shown_as_text_and_a_missing_one_as_a_dash():
    from pipeline import paths

    cell = "![x](https://evil.example/p.png) [Kirjaudu](https://evil.example/login) <b>lihava</b> <img src=x>"
    at = AppTest.from_string(SCRIPT.format(root=str(paths.ROOT), cell=cell), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    [body] = [e.proto.body for e in at.get("html")]
    assert "<b>" not in body and "<img" not in body and "<a " not in body  # escaped: never a tag
    [frame] = tables(at)
    assert list(frame.columns) == ["Lähde", "Arvo"]
    assert frame.to_numpy().tolist() == [[cell, "5,5 %"], ["–", "–"]]  # as written; a missing value "–"
    assert '<col style="width: 70%">' in body  # the widths fix the columns, so the words wrap in the page


def test_a_number_s_no_break_space_stays_so_it_never_breaks_across_lines():
    from pipeline import paths

    at = AppTest.from_string(
        SCRIPT.format(root=str(paths.ROOT), cell="6\u00a0076 (2023)\nrivi"), default_timeout=60
    ).run()
    [body] = [e.proto.body for e in at.get("html")]
    assert "<td>6\u00a0076 (2023) rivi</td>" in body  # a line break is a space; the no-break space stays
