"""The PxWeb client and readers understand both StatFin interfaces: the old one (before 8 June 2026:
Alue, Kieli, Vuosi, Kuukausi, Tiedot; the ``json`` format with "..." cells) and the new, date-stamped one
(alue_23_20260101, timeperiod_y, contentscode; json-stat2). Tested on recorded real answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import registry
from pipeline.extract.pxweb import build_selection, resolve_variable
from pipeline.raw.snapshot import RawFile
from pipeline.read import unemployment
from pipeline.read.common import pxweb_json_frame

FIXTURES = Path(__file__).parent.parent / "fixtures"
OLD = FIXTURES / "pxweb-old"
OLD_11RM = json.loads((OLD / "statfin_11rm_OLD_KU211_kieli_SSS_02.GET_metadata.json").read_text())
OLD_12R5 = json.loads((OLD / "statfin_12r5_OLD_308kunnat_TYOTOSUUS.GET_metadata.json").read_text())
NEW_11RE = json.loads((FIXTURES / "pxweb" / "statfin_11re_GET_metadata_fi.json").read_text())


@pytest.mark.parametrize(
    "metadata, key, code",
    [
        (OLD_11RM, "alue", "Alue"),
        (OLD_11RM, "kieli", "Kieli"),
        (OLD_11RM, "timeperiod", "Vuosi"),
        (OLD_11RM, "contentscode", "Tiedot"),
        (OLD_12R5, "alue", "Alue"),
        (OLD_12R5, "kuukausi", "Kuukausi"),
        (OLD_12R5, "tiedot", "Tiedot"),
        (NEW_11RE, "alue", "alue_23_20260101"),
        (NEW_11RE, "ikaryhma", "ikaryhma_10_20180101"),
        (NEW_11RE, "timeperiod", "timeperiod_y"),
        (NEW_11RE, "contentscode", "contentscode"),
    ],
)
def test_a_variable_is_found_by_meaning_in_either_interface(metadata, key, code):
    assert resolve_variable(metadata, key)["code"] == code


def test_the_11rm_query_selects_municipalities_and_languages_from_the_old_metadata():
    selection = build_selection(OLD_11RM, registry.dataset("population_by_language")["pxweb"]["query"], "11rm")
    assert len(selection["Alue"]) == 310 and "KU211" in selection["Alue"]
    assert len(selection["Kieli"]) == 169 and "02" in selection["Kieli"]
    assert selection["Vuosi"] == [str(y) for y in range(2020, 2024)]
    assert selection["Tiedot"] == ["vaesto"]


def raw(path: Path, fmt: str) -> RawFile:
    return RawFile(path=path, meta={"format": fmt})


def test_the_old_json_answer_of_11rm_gives_kangasalas_counts():
    frame = pxweb_json_frame(raw(OLD / "statfin_11rm_OLD_KU211_kieli_SSS_02.POST_json.json", "pxweb_json"),
                             {"alue": "area_code", "kieli": "language_code", "sukupuoli": "sex", "timeperiod": "year"})  # fmt: skip
    foreign = frame[(frame["language_code"] == "02") & frame["year"].isin(["2020", "2021", "2022", "2023"])]
    assert foreign.sort_values("year")["value"].tolist() == [847, 914, 986, 1132]


def test_the_old_json_answer_of_12r5_keeps_the_publishers_dots_as_missing():
    frame = unemployment.read([raw(OLD / "statfin_12r5_OLD_KU111_KU560_TYOTOSUUS.POST_json.SUBSET.json", "pxweb_json")])
    assert list(frame.columns) == registry.raw_columns("unemployment")
    assert set(frame["area_code"]) == {"KU111", "KU560"}
    hidden = frame[frame["status"].notna()]
    assert hidden["value"].isna().all() and set(hidden["status"]) <= {"...", "..", ".", "-"}


def test_a_bad_cell_in_an_old_json_answer_is_named(tmp_path):
    doc = json.loads((OLD / "statfin_12r5_OLD_KU111_KU560_TYOTOSUUS.POST_json.SUBSET.json").read_text())
    doc["data"][3]["values"] = ["kymmenen"]
    path = tmp_path / "12r5.json"
    path.write_text(json.dumps(doc))
    from pipeline.read.common import RawFormatError

    with pytest.raises(RawFormatError, match=r"12r5.json: data\[3\]: 'kymmenen' is not a number"):
        unemployment.read([raw(path, "pxweb_json")])


def test_the_bundled_unemployment_rate_reaches_the_indicators(con):
    assert con.execute(
        "select unemployment_rate_pct from unemployment where kunta_code = '111' and reference_date = '2025-01-31'"
    ).fetchone() == (17.2,)
    assert con.execute(
        "select status from indicator_values where kunta_code = '111' and measure_id = 'unemployment_rate' "
        "order by reference_date desc limit 1"
    ).fetchone() == ("measured",)


def test_offline_the_foreign_citizens_count_says_what_online_adds(con):
    from pipeline.report.indicators import municipality_indicators

    result = municipality_indicators(con, "111")
    measure = next(
        m for i in result["indicators"] for m in i["measures"] if m["measure_id"] == "unemployed_foreign_citizens"
    )
    assert measure["status"] == "no_data"
    assert "se saadaan, kun aineisto päivitetään verkosta" in measure["how_to_fill"]
