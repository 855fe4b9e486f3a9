"""The municipality's own files go through the raw snapshot: copied with a sidecar, reused when unchanged."""

from __future__ import annotations

import duckdb
import pytest

from pipeline import cli, paths
from pipeline.build import warehouse
from pipeline.raw.local_files import DATASET
from pipeline.raw.snapshot import read_snapshot, sha256


def local_snapshots(raw_root):
    return sorted(p.name for p in (raw_root / DATASET).iterdir())


def test_unchanged_files_reuse_the_newest_snapshot(raw_root):
    before = local_snapshots(raw_root)
    warehouse.build(progress=lambda _: None)
    assert local_snapshots(raw_root) == before


def test_a_changed_file_makes_a_new_snapshot_with_its_bytes_and_sidecar(raw_root, tmp_path):
    quota = tmp_path / "local" / "quota.csv"
    quota.write_text(quota.read_text(encoding="utf-8") + "111,2026,15,5,kotoutumisohjelma_2026,\n", encoding="utf-8")
    before = local_snapshots(raw_root)
    warehouse.build(progress=lambda _: None, keep_build=tmp_path / "build.duckdb")
    after = local_snapshots(raw_root)
    assert len(after) == len(before) + 1
    files = {f.path.name: f for f in read_snapshot(raw_root / DATASET / after[-1])}
    assert files["quota.csv"].content == quota.read_bytes()
    assert files["quota.csv"].meta["sha256"] == sha256(quota.read_bytes())
    assert files["quota.csv"].meta["original_path"] == str(quota)
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        assert con.execute("select quota from quota_refugees where kunta_code = '111' and year = 2026").fetchall() == [
            (15,)
        ]
    with duckdb.connect(str(tmp_path / "build.duckdb"), read_only=True) as con:
        source_files = {r[0] for r in con.execute("select distinct source_file from stg_local_quota").fetchall()}
    assert source_files == {str(files["quota.csv"].path)}  # the database is traced to the raw copy


def test_a_file_that_fails_leaves_no_snapshot_and_names_the_original(raw_root, tmp_path):
    quota = tmp_path / "local" / "quota.csv"
    quota.write_text(quota.read_text(encoding="utf-8") + "111,2026,kaksi,,test,\n", encoding="utf-8")
    before = local_snapshots(raw_root)
    with pytest.raises(warehouse.BuildError, match="quota.csv"):
        warehouse.build(progress=lambda _: None)
    assert local_snapshots(raw_root) == before
    assert not any(p.name.endswith(".partial") for p in (raw_root / DATASET).iterdir())


def test_a_removed_file_is_a_snapshot_too(raw_root, tmp_path):
    (tmp_path / "local" / "activity.csv").unlink()
    warehouse.build(progress=lambda _: None)
    newest = raw_root / DATASET / local_snapshots(raw_root)[-1]
    assert sorted(p.name for p in newest.iterdir() if not p.name.endswith(".meta.json")) == [
        "arrivals.csv",
        "groups.csv",
        "manifest.json",
        "quota.csv",
    ]


def test_status_names_the_exact_own_files(built_db, capsys):
    assert cli.main(["status"]) == 0
    out = capsys.readouterr().out
    assert "local_quota" in out and "quota.csv" in out and "-local" in out
