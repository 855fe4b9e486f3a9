"""Jobs by the area of the workplace (StatFin tyokay 115h): the recorded real answer of the older interface
(its area variable is "Työpaikan alue") through the reader, the registry's query and the marts."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import registry
from pipeline.extract.pxweb import build_selection
from pipeline.raw.snapshot import RawFile
from pipeline.read import employment
from tests.extract.synthetic_pxweb import metadata

RECORDED = (
    Path(__file__).parent.parent / "fixtures" / "pxweb-old" / "statfin_115h_OLD_PHA_KHA_tyolliset3.POST_jsonstat2.json"
)


def test_the_recorded_115h_answer_gives_heinolas_and_the_countrys_jobs():
    frame = employment.read([RawFile(path=RECORDED, meta={"format": "jsonstat2"})])
    assert list(frame.columns) == registry.raw_columns("employment")
    total = frame[(frame["sex"] == "SSS") & (frame["year"] == "2023")].set_index("area_code")["value"]
    assert total["KU111"] == 6076 and total["KU560"] == 4544
    assert total["SSS"] == 2_417_365
    assert set(frame["content"]) == {"tyolliset3"}
    assert len(frame) == 22 * 3 * 17


def test_the_registry_query_selects_every_area_and_the_totals_from_the_old_variables():
    selection = build_selection(metadata("115h"), registry.dataset("employment")["pxweb"]["query"], "115h")
    assert selection["Työpaikan alue"][:2] == ["SSS", "KU016"] and len(selection["Työpaikan alue"]) == 22
    assert selection["Toimiala"] == ["SSS"] and selection["Sukupuoli"] == ["SSS"]
    assert selection["Vuosi"] == [str(y) for y in range(2007, 2024)]
    assert selection["Tiedot"] == ["tyolliset3"]


def test_the_bundled_jobs_reach_the_employment_indicator(con):
    rows = con.execute(
        "select year, jobs, jobs_change_pct from employment where kunta_code = '111' and year >= 2022 order by year"
    ).fetchall()
    assert rows == [(2022, 6208, -0.1), (2023, 6076, -2.1)]
    status = dict(
        con.execute(
            "select kunta_code, max(status) from indicator_values where measure_id = 'jobs_in_municipality' "
            "and kunta_code in ('111', '091') group by kunta_code"
        ).fetchall()
    )
    assert status == {"111": "measured", "091": "no_data"}  # Helsinki is not in the recorded answer


def test_the_recorded_answer_is_the_bundled_one_byte_for_byte():
    bundled = Path(__file__).parents[2] / "data" / "raw" / "employment" / "20261201-bundled"
    copy = bundled / "statfin_115h_OLD_PHA_KHA_tyolliset3.json"
    assert copy.read_bytes() == RECORDED.read_bytes()
    assert json.loads((bundled / (copy.name + ".meta.json")).read_text())["table_updated"] == "2024-12-17T06:00:00Z"
