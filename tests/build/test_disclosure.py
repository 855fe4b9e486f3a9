"""The small-count rule, on its own (outputs are tested where they are made)."""

from __future__ import annotations

import pandas as pd

from pipeline.disclosure import CONFIDENTIAL, MISSING, protect


def test_counts_one_to_four_are_hidden_and_flagged_zero_and_five_are_shown():
    frame = pd.DataFrame({"n": pd.array([0, 1, 4, 5, None], dtype="Int64")})
    out = protect(frame, "n")
    assert out["n"].tolist() == [0, pd.NA, pd.NA, 5, pd.NA]
    assert out["n_flag"].tolist() == [pd.NA, CONFIDENTIAL, CONFIDENTIAL, pd.NA, MISSING]


def test_derived_share_is_hidden_with_its_count():
    frame = pd.DataFrame({"n": pd.array([3, 30], dtype="Int64"), "share": [0.3, 3.0]})
    out = protect(frame, "n", derived=["share"])
    assert out["share"].isna().tolist() == [True, False]


def test_share_without_count_is_hidden_when_it_implies_under_five_persons():
    frame = pd.DataFrame({"n": pd.array([None, None], dtype="Int64"), "share": [0.4, 0.4]})
    out = protect(frame, "n", derived=["share"], estimate=pd.Series([0.4 * 7, 0.4 * 2000]) / 1)
    assert out["share"].isna().tolist() == [True, False]
    assert out["n_flag"].tolist() == [CONFIDENTIAL, MISSING]


def test_one_hidden_cell_in_a_group_takes_the_next_smallest_with_it():
    # Total 100 is shown elsewhere; 3 hidden alone would be 100 - 60 - 30 - 7.
    frame = pd.DataFrame({"area": ["a"] * 4 + ["b"] * 3, "n": pd.array([60, 30, 7, 3, 50, 40, 10], dtype="Int64")})
    out = protect(frame, "n", groups=[["area"]])
    assert out["n"].tolist() == [60, 30, pd.NA, pd.NA, 50, 40, 10]


def test_secondary_suppression_across_two_groupings_until_stable():
    # age x sex table: hiding (young, male)=2 hides (young, female)=6 by row, then (old, male)=20 by
    # column, and then (old, female) is alone in its row.
    frame = pd.DataFrame(
        {
            "age": ["young", "young", "old", "old"],
            "sex": ["male", "female", "male", "female"],
            "n": pd.array([2, 6, 20, 30], dtype="Int64"),
        }
    )
    out = protect(frame, "n", groups=[["age"], ["sex"]])
    assert out["n"].isna().all()


def test_publisher_confidential_cells_count_as_hidden():
    frame = pd.DataFrame({"g": ["x"] * 3, "n": pd.array([None, 40, 12], dtype="Int64"), "status": ["...", None, None]})
    out = protect(frame, "n", groups=[["g"]], publisher_confidential=frame["status"].eq("..."))
    assert out["n"].tolist() == [pd.NA, 40, pd.NA]
    assert out["n_flag"].tolist() == [CONFIDENTIAL, pd.NA, CONFIDENTIAL]
