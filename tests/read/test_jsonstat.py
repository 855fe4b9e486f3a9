"""read_jsonstat: a real recorded StatFin answer, and small synthetic JSON-stat 2.0 datasets."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from pipeline.read.jsonstat import read_jsonstat

STRING = pd.StringDtype("python")

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pxweb" / "statfin_11re_POST_jsonstat2_three_cities.json"
NA = None


def synthetic(dims: dict[str, list[str]], value, **extra) -> dict:
    """A synthetic JSON-stat 2.0 dataset; each dimension gets an index object code -> position."""
    return {
        "version": "2.0",
        "class": "dataset",
        "id": list(dims),
        "size": [len(codes) for codes in dims.values()],
        "dimension": {
            dim_id: {
                "label": dim_id,
                "category": {
                    "index": {code: i for i, code in enumerate(codes)},
                    "label": {code: code.upper() for code in codes},
                },
            }
            for dim_id, codes in dims.items()
        },
        "value": value,
        **extra,
    }


def frame(dims: dict[str, list[str]], value: list, status: list) -> pd.DataFrame:
    """The expected frame: dimension columns and status as STRING, value as float64."""
    columns = {dim_id: pd.array(codes, dtype=STRING) for dim_id, codes in dims.items()}
    columns["value"] = np.array(value, dtype=np.float64)
    columns["status"] = pd.array(status, dtype=STRING)
    return pd.DataFrame(columns)


def values_of(dataset: dict) -> pd.DataFrame:
    """``read_jsonstat``'s frame with its categoricals as strings: the values, whatever the dtype."""
    result = read_jsonstat(dataset)
    for column in result.columns:
        if isinstance(result[column].dtype, pd.CategoricalDtype):
            result[column] = result[column].astype(object).where(result[column].notna(), None).astype(STRING)
    return result


def test_dimensions_and_status_are_categoricals_of_the_codes_in_position_order():
    dataset = synthetic({"area": ["b", "a", "c"], "year": ["2024", "2025"]}, [1, 2, 3, 4, 5, 6], status={"3": "..."})
    result = read_jsonstat(dataset)
    assert list(result["area"].cat.categories) == ["b", "a", "c"]  # as the index gives them, not sorted
    assert result["area"].tolist() == ["b", "b", "a", "a", "c", "c"]
    assert result["status"].isna().tolist() == [True, True, True, False, True, True]
    assert result["status"][3] == "..."


def test_a_dimension_with_a_code_twice_is_refused():
    dataset = synthetic({"area": ["a", "b"]}, [1, 2])
    dataset["dimension"]["area"]["category"]["index"] = ["a", "a"]
    with pytest.raises(ValueError, match="has a category code twice"):
        read_jsonstat(dataset)


def test_real_statfin_11re_three_cities():
    dataset = json.loads(FIXTURE.read_text(encoding="utf-8"))
    expected = frame(
        {
            "alue_23_20260101": ["KU049", "KU091", "KU092"],
            "ikaryhma_10_20180101": ["SSS"] * 3,
            "sukupuoli_9_20180101": ["SSS"] * 3,
            "timeperiod_y": ["2025"] * 3,
            "contentscode": ["vaerak-vaesto"] * 3,
        },
        value=[325716, 694392, 252956],
        status=[NA, NA, NA],
    )
    assert_frame_equal(values_of(dataset), expected)


def test_two_by_three_in_row_major_order():
    dataset = synthetic({"area": ["a1", "a2"], "year": ["2023", "2024", "2025"]}, [1, 2, 3, 4, 5, 6])
    expected = frame(
        {"area": ["a1", "a1", "a1", "a2", "a2", "a2"], "year": ["2023", "2024", "2025"] * 2},
        value=[1, 2, 3, 4, 5, 6],
        status=[NA] * 6,
    )
    assert_frame_equal(values_of(dataset), expected)


def test_value_as_sparse_object_leaves_absent_cells_missing():
    dataset = synthetic({"area": ["a1", "a2"], "sex": ["1", "2"]}, {"0": 10, "3": 40})
    expected = frame(
        {"area": ["a1", "a1", "a2", "a2"], "sex": ["1", "2", "1", "2"]},
        value=[10, np.nan, np.nan, 40],
        status=[NA] * 4,
    )
    assert_frame_equal(values_of(dataset), expected)


def test_null_value_stays_nan_not_zero():
    result = values_of(synthetic({"area": ["a1", "a2", "a3"]}, [5, None, 0]))
    expected = frame({"area": ["a1", "a2", "a3"]}, value=[5, np.nan, 0], status=[NA] * 3)
    assert_frame_equal(result, expected)


def test_status_string_applies_to_all_cells():
    result = values_of(synthetic({"area": ["a1", "a2"]}, [1, 2], status="p"))
    assert_frame_equal(result, frame({"area": ["a1", "a2"]}, value=[1, 2], status=["p", "p"]))


def test_status_as_array():
    result = values_of(synthetic({"area": ["a1", "a2", "a3"]}, [1, None, 3], status=["p", "...", None]))
    expected = frame({"area": ["a1", "a2", "a3"]}, value=[1, np.nan, 3], status=["p", "...", NA])
    assert_frame_equal(result, expected)


def test_status_one_element_array_applies_to_all_cells():
    result = values_of(synthetic({"area": ["a1", "a2"]}, [1, 2], status=["p"]))
    assert_frame_equal(result, frame({"area": ["a1", "a2"]}, value=[1, 2], status=["p", "p"]))


def test_status_as_sparse_object_like_11rm_small_cells():
    # 11rm publishes cells under 10 persons as null with status "..."
    dataset = synthetic(
        {"alue": ["KU049", "KU091"], "kieli": ["SSS", "02", "sv"]},
        [325716, 72000, None, 694392, None, 36000],
        status={"2": "...", "4": "..."},
    )
    expected = frame(
        {"alue": ["KU049"] * 3 + ["KU091"] * 3, "kieli": ["SSS", "02", "sv"] * 2},
        value=[325716, 72000, np.nan, 694392, np.nan, 36000],
        status=[NA, NA, "...", NA, "...", NA],
    )
    assert_frame_equal(values_of(dataset), expected)


def test_category_index_as_array_or_object_gives_same_frame():
    as_object = synthetic({"year": ["2024", "2025"], "sex": ["2", "1"]}, [1, 2, 3, 4])
    as_object["dimension"]["sex"]["category"]["index"] = {"1": 1, "2": 0}  # positions, not key order
    as_array = synthetic({"year": ["2024", "2025"], "sex": ["2", "1"]}, [1, 2, 3, 4])
    as_array["dimension"]["year"]["category"]["index"] = ["2024", "2025"]
    as_array["dimension"]["sex"]["category"]["index"] = ["2", "1"]
    expected = frame(
        {"year": ["2024", "2024", "2025", "2025"], "sex": ["2", "1", "2", "1"]},
        value=[1, 2, 3, 4],
        status=[NA] * 4,
    )
    assert_frame_equal(values_of(as_object), expected)
    assert_frame_equal(values_of(as_array), expected)


def test_single_category_dimension_without_index_uses_label_key():
    dataset = synthetic({"area": ["a1", "a2"], "contentscode": ["vaesto"]}, [7, 8])
    dataset["dimension"]["contentscode"]["category"] = {"label": {"vaesto": "Väestö"}}
    expected = frame({"area": ["a1", "a2"], "contentscode": ["vaesto", "vaesto"]}, value=[7, 8], status=[NA, NA])
    assert_frame_equal(values_of(dataset), expected)


def test_wrong_value_length_raises():
    with pytest.raises(ValueError, match=r'"value" has 3 cells but the sizes give 4'):
        read_jsonstat(synthetic({"area": ["a1", "a2"], "sex": ["1", "2"]}, [1, 2, 3]))


def test_sparse_key_out_of_range_raises():
    with pytest.raises(ValueError, match=r"sparse value has a cell index out of range 0\.\.1"):
        read_jsonstat(synthetic({"area": ["a1", "a2"]}, {"0": 1, "2": 3}))


def test_category_count_not_matching_size_raises():
    dataset = synthetic({"area": ["a1", "a2"]}, [1, 2])
    dataset["size"] = [3]
    with pytest.raises(ValueError, match=r"dimension 'area' has 2 categories but size 3"):
        read_jsonstat(dataset)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("id"), "not a JSON-stat 2.0 dataset: missing id"),
        (lambda d: d.pop("dimension"), "not a JSON-stat 2.0 dataset: missing dimension"),
        (lambda d: d.update({"class": "collection"}), r'"class" is \'collection\', expected "dataset"'),
        (lambda d: d.pop("version"), r'"version" is None, expected "2.0"'),
    ],
)
def test_not_a_dataset_raises(change, message):
    dataset = synthetic({"area": ["a1"]}, [1])
    change(dataset)
    with pytest.raises(ValueError, match=message):
        read_jsonstat(dataset)


def test_not_a_json_object_raises():
    with pytest.raises(ValueError, match="expected a JSON object, got list"):
        read_jsonstat([1, 2, 3])
