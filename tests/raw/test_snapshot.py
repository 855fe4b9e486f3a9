"""The raw snapshot is write-once and checked on every read."""

from __future__ import annotations

import json

import pytest

from pipeline.raw import snapshot
from pipeline.raw.snapshot import RawSnapshotError, SnapshotWriter, latest_snapshot, read_snapshot
from tests.conftest import BUNDLED_RAW


def test_written_file_has_sidecar_with_checksum_and_is_never_overwritten(tmp_path):
    writer = SnapshotWriter("population", "20990101-test", tmp_path)
    writer.add("a.csv", b"x,y\n1,2\n", {"url": "https://example.invalid/a", "licence": "CC BY 4.0"})
    folder = writer.commit()

    meta = json.loads((folder / "a.csv.meta.json").read_text())
    assert meta == {
        "file": "a.csv",
        "dataset": "population",
        "url": "https://example.invalid/a",
        "licence": "CC BY 4.0",
        "sha256": snapshot.sha256(b"x,y\n1,2\n"),
        "bytes": 8,
    }
    with pytest.raises(FileExistsError):
        snapshot.write_file(folder, "a.csv", b"other", {})
    # a second snapshot with the same id (two imports in one second) gets its own folder; the first is untouched
    second = SnapshotWriter("population", "20990101-test", tmp_path)
    assert second.final.name == "20990101-test-2"
    second.discard()
    assert (folder / "a.csv").read_bytes() == b"x,y\n1,2\n"


def test_partial_snapshot_is_invisible_until_committed(tmp_path):
    writer = SnapshotWriter("population", "20990101-online", tmp_path)
    writer.add("a.json", b"{}", {})
    assert latest_snapshot("population", tmp_path) is None
    writer.commit()
    assert latest_snapshot("population", tmp_path).name == "20990101-online"


def test_newest_snapshot_wins(tmp_path):
    for sid in ("20261123-bundled", "20261124T101500Z-online", "20261123T235959Z-online"):
        w = SnapshotWriter("population", sid, tmp_path)
        w.add("a.json", b"{}", {})
        w.commit()
    assert latest_snapshot("population", tmp_path).name == "20261124T101500Z-online"


def test_corrupted_file_is_named(raw_root):
    path = next(p for p in (raw_root / "population").glob("*/*.csv") if b",17953" in p.read_bytes())
    path.write_bytes(path.read_bytes().replace(b",17953", b",17954"))
    with pytest.raises(RawSnapshotError, match=rf"{path.name}: raw file is corrupted"):
        read_snapshot(path.parent)


def test_missing_file_is_named(raw_root):
    path = next((raw_root / "published_figures").glob("*/figures.csv"))
    path.unlink()
    with pytest.raises(RawSnapshotError, match=r"figures.csv: raw file is missing"):
        read_snapshot(path.parent)


def test_bundled_snapshot_has_provenance_for_every_file():
    sidecars = list(BUNDLED_RAW.glob("*/*/*.meta.json"))
    # 8 files of 20261123-bundled and 6 of 20261201-bundled (two populations, the shares again, 11rl, 12r5,
    # 115h); the municipality's own files apart
    assert len([s for s in sidecars if s.parts[-3] != "local_files"]) == 14
    for sidecar in sidecars:
        meta = json.loads(sidecar.read_text())
        assert {"url", "licence", "citation", "retrieved_at", "sha256", "kind", "format"} <= meta.keys(), sidecar
        if meta["kind"].startswith("conversion"):
            assert meta["derived_from"]["repository"], sidecar
            assert (sidecar.parent / meta["provenance"]).is_file(), sidecar
        read_snapshot(sidecar.parent)  # checksums hold


def test_a_collision_suffix_sorts_by_number_and_a_stray_folder_is_refused(tmp_path):
    for sid in ("20990101-test", "20990101-test-2", "20990101-test-10"):
        (tmp_path / "population" / sid).mkdir(parents=True)
    assert snapshot.snapshot_ids("population", tmp_path)[-1] == "20990101-test-10"
    (tmp_path / "population" / "20990101-test.partial").mkdir()  # an unfinished write stays invisible
    assert latest_snapshot("population", tmp_path).name == "20990101-test-10"
    (tmp_path / "population" / "old copy").mkdir()
    with pytest.raises(RawSnapshotError, match=r"old copy: .*Not a snapshot folder"):
        latest_snapshot("population", tmp_path)
