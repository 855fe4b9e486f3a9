"""``refresh --online`` end to end, HTTP mocked at the transport (synthetic answers, real 11re metadata)."""

from __future__ import annotations

import json

import duckdb
import pytest
import requests
import responses

from pipeline import cli, paths
from pipeline.extract.pxweb import PxWebClient
from pipeline.extract.sotkanet import SotkanetClient
from pipeline.raw.snapshot import rejection
from tests.conftest import digest
from tests.extract import synthetic_pxweb


@pytest.fixture
def no_sleep(monkeypatch):
    """The client's pacing and backoff sleeps are recorded, not slept."""
    sleeps: list[float] = []
    for client in (PxWebClient, SotkanetClient):
        original = client.from_registry.__func__
        monkeypatch.setattr(
            client,
            "from_registry",
            classmethod(lambda cls, reg, original=original, **kw: original(cls, reg, sleep=sleeps.append, **kw)),
        )
    return sleeps


def tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def refresh_online(capsys) -> tuple[int, str]:
    code = cli.main(["refresh", "--online"])
    out, err = capsys.readouterr()
    return code, out + err


def test_online_refresh_writes_recorded_snapshot_and_builds(raw_root, no_sleep, capsys):
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps, area_code="alue_24_20270101")  # the next code-date bump
        code, output = refresh_online(capsys)
    assert code == 0, output

    folders = {p.parent.parent.name: p.parent for p in raw_root.glob("*/*-online/*.meta.json")}
    assert set(folders) == {
        "foreign_language_speakers",
        "population",
        "population_by_age_sex",
        "population_by_language",
        "population_by_citizenship",
        "unemployment",  # tyonv 12r5, which kept the old plain codes (Alue, Kuukausi, Tiedot)
        "employment",  # tyokay 115h, its area variable "Työpaikan alue"
        "wellbeing_indicators",  # THL Sotkanet
    }
    assert len(list(folders["population_by_age_sex"].glob("*.meta.json"))) == 5  # 567 324 cells split in 5
    meta = json.loads(next(folders["foreign_language_speakers"].glob("*.meta.json")).read_text())
    assert meta["kind"] == "recorded_response" and meta["http_status"] == 200
    assert meta["url"] == "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/159t.px"
    assert meta["request_body"]["query"][0]["code"] == "alue_24_20270101"
    assert meta["table_updated"] == "2026-03-31T05:00:00Z"

    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        row = con.execute(
            "select speakers, share_pct, speakers_method from foreign_language_speakers "
            "where area_level = 'municipality' and area_code = '111' and year = 2025"
        ).fetchall()
        assert row == [(50, 5.0, "published")]
        hidden = con.execute(
            "select population, status from population_by_language where area_code = '111' "
            "and year = 2025 and language_code = 'se' and sex = 'total'"
        ).fetchall()
        assert hidden == [(None, "...")]
        # the disclosure rule: the publisher's hidden cell is confidential, and one more national
        # language is hidden with it so that it is not total minus the others
        national = con.execute(
            "select language_code, population, population_flag from population_by_language "
            "where area_code = '111' and year = 2025 and sex = 'male' "
            "and language_group = 'national_language' order by 1"
        ).fetchall()
        assert [flag for *_, flag in national].count("confidential") == 2
        groups = con.execute("select count(distinct age_group) from population_by_age_group").fetchall()
        assert groups == [(5,)]
        finland = con.execute(
            "select citizenship_group from population_by_citizenship where citizenship_code = '246' limit 1"
        ).fetchall()
        assert finland == [("finland",)]


def test_transient_faults_are_retried(raw_root, no_sleep, capsys):
    body = json.dumps(synthetic_pxweb.metadata("11rm"))
    overrides = {
        ("GET", "11rm"): [(429, {"Retry-After": "3"}, ""), (200, {}, body[: len(body) // 2])],
        ("POST", "159t"): [(500, {}, "error"), lambda req: (_ for _ in ()).throw(requests.exceptions.ReadTimeout())],
    }
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps, overrides)
        code, output = refresh_online(capsys)
    assert code == 0, output
    assert 3 in no_sleep


TIMEOUT = lambda req: (_ for _ in ()).throw(requests.exceptions.ReadTimeout())  # noqa: E731
TRUNCATED = (200, {}, '{"version": "2.0", "class": "dataset", "val')


@pytest.mark.parametrize(
    "fault, where, message",
    [
        ({("POST", "11rm"): [(503, {}, "busy")] * 5}, "11rm.px", "failed after 5 attempt(s); last: HTTP 503"),
        ({("POST", "11rm"): [(429, {}, "slow down")] * 5}, "11rm.px", "failed after 5 attempt(s); last: HTTP 429"),
        ({("POST", "159t"): [TIMEOUT] * 5}, "159t.px", "failed after 5 attempt(s); last: ReadTimeout"),
        (
            {("GET", "11re"): [TRUNCATED] * 5},
            "11re.px",
            "failed after 5 attempt(s); last: HTTP 200 with a body that is not valid JSON",
        ),
        ({("GET", "11rh"): [(400, {}, "bad")]}, "11rh.px", "may have been renamed"),
        ({("sotkanet", "json"): [(503, {}, "busy")] * 5}, "sotkanet.fi/rest/1.1/json?indicator=5527", "last: HTTP 503"),
        ({("sotkanet", "indicators/186"): [(404, {}, "no")]}, "sotkanet.fi/rest/1.1/indicators/186", "not found"),
        ({("sotkanet", "regions"): [TRUNCATED] * 5}, "sotkanet.fi/rest/1.1/regions", "not valid JSON"),
    ],
)
def test_failed_fetch_leaves_raw_snapshot_and_database_unchanged(
    built_db, raw_root, no_sleep, capsys, fault, where, message
):
    before_db, before_raw = digest(built_db), tree(raw_root)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        synthetic_pxweb.serve(rsps, fault)
        code, output = refresh_online(capsys)
    assert code == 1
    assert message in output and where in output
    assert "Nothing was written to the raw snapshot" in output
    assert digest(built_db) == before_db
    assert tree(raw_root) == before_raw


def test_online_refresh_makes_the_unemployment_indicators_measured(raw_root, no_sleep, capsys):
    """Offline the snapshot has the unemployment rate only; --online adds the foreign citizens' count
    (12r5 TYOTTOMATULK; the answers are synthetic, 10 persons each)."""
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps)
        code, output = refresh_online(capsys)
    assert code == 0, output
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        counts = con.execute(
            "select unemployed, unemployed_foreign_citizens from unemployment "
            "where kunta_code = '111' and reference_date = '2025-01-31'"
        ).fetchall()
        status = con.execute(
            "select distinct status from indicator_values where kunta_code = '111' "
            "and measure_id = 'unemployed_foreign_citizens'"
        ).fetchall()
    assert counts == [(10, 10)]
    assert status == [("measured",)]


def test_online_refresh_measures_the_sotkanet_wellbeing_indicators(raw_root, no_sleep, capsys):
    """Offline the snapshot has no Sotkanet values; --online adds them (synthetic answers, real metadata).
    Sottunga's mortality is computed from 3 deaths: hidden, with the count of deaths."""
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps)
        code, output = refresh_online(capsys)
    assert code == 0, output
    [folder] = raw_root.glob("wellbeing_indicators/*-online")
    assert sorted(p.name for p in folder.glob("*.json") if not p.name.endswith(".meta.json")) == [
        "data_186.json", "data_5527.json", "indicator_186.json", "indicator_5527.json", "regions.json",
    ]  # fmt: skip
    meta = json.loads((folder / "data_5527.json.meta.json").read_text())
    assert (
        meta["url"]
        == "https://sotkanet.fi/rest/1.1/json?indicator=5527&years=2020&years=2021&years=2022&years=2023&years=2024&genders=total"
    )
    assert meta["table_updated"] == "2025-05-14" and meta["format"] == "sotkanet_data"
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        values = con.execute(
            "select kunta_code, measure_id, value, abs_value, abs_value_flag from wellbeing_indicators "
            "where year = 2024 order by kunta_code, measure_id"
        ).fetchall()
        status = con.execute(
            "select distinct measure_id, status from indicator_values where kunta_code = '111' "
            "and indicator_id = 'hyvinvoiva_kaupunki' order by measure_id"
        ).fetchall()
    assert values == [  # 5527 is a survey share: the answer gives no count of persons behind it
        ("111", "wellbeing_low_physical_activity", 30.0, None, "missing"),
        ("111", "wellbeing_mortality", 1000.0, 150, None),
        ("560", "wellbeing_low_physical_activity", 30.0, None, "missing"),
        ("560", "wellbeing_mortality", 1000.0, 150, None),
        ("768", "wellbeing_low_physical_activity", 30.0, None, "missing"),
        ("768", "wellbeing_mortality", None, None, "confidential"),
    ]
    assert status == [("wellbeing_low_physical_activity", "measured"), ("wellbeing_mortality", "measured")]


def test_a_fetched_snapshot_that_fails_validation_is_kept_rejected_and_the_last_good_one_is_built(
    built_db, raw_root, no_sleep, capsys
):
    """Issue 13.7: a synthetic 159t answer with shares of 150 % fails validation. The fetched snapshots stay
    for inspection, marked rejected in their sidecars; the database and every later offline refresh use the
    last good (bundled) snapshot instead of failing for ever."""

    def share_of_150(request):
        doc = synthetic_pxweb.answer(json.loads(request.body), "159t")
        doc["value"] = [150.0 if v == 5.0 else v for v in doc["value"]]
        return 200, {}, json.dumps(doc)

    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps, {("POST", "159t"): [share_of_150]})
        code, output = refresh_online(capsys)
    assert code == 1, output
    assert "The fetched snapshot was rejected" in output and "Haettu tilannekuva hylättiin" in output
    fetched = list(raw_root.glob("*/*-online"))
    assert len(fetched) == 8 and all(rejection(folder) for folder in fetched)
    assert "share_pct" in rejection(fetched[0])["reason"]
    data_files = [p for p in fetched[0].iterdir() if not p.name.endswith(".meta.json")]
    assert data_files and all(p.stat().st_size > 0 for p in data_files)  # kept as fetched

    def heinola_2024(con):
        return con.execute(
            "select share_pct from foreign_language_speakers where area_level = 'municipality' "
            "and area_code = '111' and year = 2024"
        ).fetchall()

    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        assert heinola_2024(con) == [(5.5,)]  # the bundled figure, not the rejected 150 % nor the online 5.0
    assert cli.main(["refresh"]) == 0
    capsys.readouterr()
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        assert heinola_2024(con) == [(5.5,)]
    assert cli.main(["status"]) == 0
    status = capsys.readouterr().out
    assert "Rejected snapshots" in status and fetched[0].name in status


def test_online_refresh_shows_each_dataset_call_and_the_reason_of_every_wait(raw_root, no_sleep, capsys):
    """Issue 13.6: waits for the API's limits must not pass with nothing on screen."""
    slow = (429, {"Retry-After": "7"}, "Too many requests")
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps, {("POST", "11rm"): [slow], ("sotkanet", "regions"): [(503, {}, "busy")]})
        code, output = refresh_online(capsys)
    assert code == 0, output
    assert "[1/8] foreign_language_speakers" in output and "[8/8] wellbeing_indicators" in output
    assert (
        "[################----] 4/5 POST https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/11re.px, part 5 of 5"
        in output
    )
    assert "HTTP 429: waiting 7 s as the API asked (Retry-After); attempt 2 of 5" in output
    assert "HTTP 503: waiting 1 s before trying again; attempt 2 of 5" in output
    assert no_sleep[:2] == [7.0, 1.0]
