"""PxWeb's older json answer built column by column (for memory) is the frame the cell-by-cell reading gave:
same columns, dtypes, values and order, or the same kind of error, on any synthetic answer."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from pipeline.read.common import _pxweb_cells
from tests.read.test_properties import SETTINGS, json_scalars, pxweb_json_answers


def cell_by_cell(data: list, names: list[str], codes: list[str]) -> pd.DataFrame:
    """The reading as it was: a dict per cell."""
    rows = []
    for i, row in enumerate(data):
        key = dict(zip(names, row["key"]))
        for content, value in zip(codes, row["values"]):
            rows.append({**key, "content": content, "raw": value, "source_row": f"data[{i}]"})
    return pd.DataFrame(rows, columns=[*names, "content", "raw", "source_row"])


def outcome(read, data, names, codes):
    try:
        return read(data, names, codes)
    except Exception as exc:  # noqa: BLE001 - the kind of error is what is compared
        return type(exc)


odd_rows = st.fixed_dictionaries(
    {
        "key": st.lists(st.text(max_size=3), max_size=3) | json_scalars,
        "values": st.lists(json_scalars, max_size=3) | json_scalars,
    }
)


@SETTINGS
@given(
    pxweb_json_answers(),
    st.lists(odd_rows, max_size=2),
    st.sampled_from([["area_code", "year"], ["area_code", "area_code"], ["area_code"], []]),
)
def test_column_by_column_is_the_cell_by_cell_frame(doc, odd, names):
    codes = [c["code"] for c in doc["columns"] if c["type"] == "c"]
    for data in (doc["data"], doc["data"] + odd):
        expected = outcome(cell_by_cell, data, names, codes)
        got = outcome(_pxweb_cells, data, names, codes)
        if isinstance(expected, type) or isinstance(got, type):
            assert got == expected
        else:
            pd.testing.assert_frame_equal(got, expected, check_exact=True)
