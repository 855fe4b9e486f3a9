"""Temporary protection: import a downloaded table, download it online, carry it through the refresh."""

from __future__ import annotations

import json

import duckdb
import responses

from pipeline import cli, paths, registry
from pipeline.build import warehouse
from tests.conftest import digest

# SYNTHETIC monthly table in the publisher's wide form (made up here; only the shape is the publisher's).
SYNTHETIC_WIDE = (
    "Kotikunta;2025-07;2025-08;2025-09\nHeinola;40;41;42\nOrimattila;60;150;155\nSysmä;3;3;..\nYhteensä;103;194;197\n"
)


def refresh_db():
    warehouse.build(progress=lambda _: None)
    return duckdb.connect(str(paths.database_path()), read_only=True)


def test_bundled_points_reach_the_mart(con):
    rows = con.execute(
        "select kunta_code, reference_date::varchar, persons, note from temporary_protection order by kunta_code"
    ).fetchall()
    assert [(k, d, n) for k, d, n, _ in rows] == [("111", "2025-09-30", 42), ("560", "2025-09-30", 155)]
    assert "reception centre" in rows[1][3]


def test_import_stores_the_file_unchanged_and_refresh_carries_it(raw_root, tmp_path, capsys):
    source = tmp_path / "tilapainen_suojelu_2025.csv"
    source.write_text(SYNTHETIC_WIDE, encoding="utf-8")
    assert (
        cli.main(["import", "temporary-protection", str(source), "--source-url", "https://example.invalid/tp.csv"]) == 0
    )
    stored = next(raw_root.glob("temporary_protection/*-import/*_tilapainen_suojelu_2025.csv"))
    assert stored.read_bytes() == source.read_bytes()
    meta = json.loads(stored.with_name(stored.name + ".meta.json").read_text())
    assert (meta["kind"], meta["url"], meta["table_updated"]) == (
        "analyst_import",
        "https://example.invalid/tp.csv",
        "2025-09-30",
    )

    with refresh_db() as con:
        orimattila = con.execute(
            "select reference_date::varchar, persons, change_from_previous from temporary_protection "
            "where kunta_code = '560' order by reference_date"
        ).fetchall()
        assert orimattila == [("2025-07-31", 60, None), ("2025-08-31", 150, 90), ("2025-09-30", 155, 5)]
        sysma = con.execute(
            "select persons, persons_flag, count_status from temporary_protection "
            "where kunta_code = '781' order by reference_date"
        ).fetchall()
        # 3 is a small count: hidden; '..' was hidden by the publisher: missing, never 0
        assert sysma == [(None, "confidential", None), (None, "confidential", None), (None, "missing", "..")]


def test_profile_shows_the_latest_month_of_the_year_and_hides_small_counts(raw_root, tmp_path, capsys):
    source = tmp_path / "tp.csv"
    source.write_text(SYNTHETIC_WIDE, encoding="utf-8")
    cli.main(["import", "temporary-protection", str(source)])
    refresh_db().close()
    capsys.readouterr()
    assert cli.main(["profile", "Sysmä", "--year", "2025", "--json"]) == 0  # 2024 is the default year
    tp = json.loads(capsys.readouterr().out)["temporary_protection"]
    assert (tp["count"], tp["reference_date"]) == (None, "2025-09-30")
    assert cli.main(["profile", "Orimattila", "--year", "2025", "--json"]) == 0
    tp = json.loads(capsys.readouterr().out)["temporary_protection"]
    assert (tp["count"], tp["count_flag"], tp["reference_date"]) == (155, None, "2025-09-30")


def test_bad_file_is_not_stored_and_says_where(raw_root, tmp_path, capsys):
    before = sorted(p.name for p in (raw_root / "temporary_protection").iterdir())
    source = tmp_path / "tp.csv"
    source.write_text(
        "kunta,päivämäärä,lukumäärä\nHeinola,2025-09-30,neljäkymmentä\nAtlantis,2025-09-30,5\n", encoding="utf-8"
    )
    assert cli.main(["import", "temporary-protection", str(source)]) == 1
    err = capsys.readouterr().err
    assert "tp.csv" in err and "neljäkymmentä" in err and "Atlantis" in err
    assert sorted(p.name for p in (raw_root / "temporary_protection").iterdir()) == before


def test_online_refresh_downloads_when_the_registry_has_an_address(raw_root, built_db, monkeypatch, capsys):
    url = "https://example.invalid/migri/tilapainen_suojelu.csv"
    spec = dict(registry.dataset("temporary_protection"), download_url=url)
    monkeypatch.setitem(registry.datasets(), "temporary_protection", spec)
    with responses.RequestsMock() as rsps:
        rsps.get(url, body=SYNTHETIC_WIDE)
        assert cli.main(["refresh", "--online", "--datasets", "temporary_protection"]) == 0
    meta = json.loads(next(raw_root.glob("temporary_protection/*-online/*.meta.json")).read_text())
    assert (meta["kind"], meta["url"], meta["http_status"]) == ("download", url, 200)


def test_online_download_of_a_bad_file_changes_nothing(raw_root, built_db, monkeypatch, capsys):
    url = "https://example.invalid/migri/tilapainen_suojelu.csv"
    monkeypatch.setitem(
        registry.datasets(), "temporary_protection", dict(registry.dataset("temporary_protection"), download_url=url)
    )
    before = digest(built_db)
    with responses.RequestsMock() as rsps:
        rsps.get(url, body="<html>maintenance</html>")
        assert cli.main(["refresh", "--online", "--datasets", "temporary_protection"]) == 1
    assert not list(raw_root.glob("temporary_protection/*-online"))
    assert digest(built_db) == before
