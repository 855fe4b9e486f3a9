"""The database people read: protected tables only, complete on disk, verified before it replaces the old one."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from pipeline import paths
from pipeline.build import publish, warehouse
from tests.conftest import digest


def test_the_published_database_holds_no_raw_staging_or_intermediate_table(con):
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert tables == set(publish.published_tables())
    assert not [t for t in tables if t.startswith(("raw_", "stg_", "int_"))]


def test_no_count_of_1_to_4_or_note_from_a_file_is_anywhere_in_the_file(bundled_db):
    """The bundled own files hold families 4 and 1 and notes 'four … families', 'one new family'."""
    content = bundled_db.read_bytes()
    for text in ("four quota-refugee families", "one new family", "families arrived during 2023"):
        assert text.encode() not in content


def test_a_disk_error_while_writing_keeps_the_previous_database(built_db, monkeypatch):
    """Inject ENOSPC where the new file is synced: the old code would have swapped in whatever was written."""
    before = digest(built_db)

    def full(path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(publish, "_fsync", full)
    with pytest.raises(warehouse.BuildError, match="Not enough disk space") as info:
        warehouse.build(progress=lambda _: None)
    assert "Levytila ei riitä" in str(info.value)
    assert digest(built_db) == before
    assert sorted(p.name for p in built_db.parent.iterdir()) == ["kotoprofiili.duckdb", "validation_report.csv"]


def test_a_file_that_does_not_verify_is_not_swapped_in(built_db, monkeypatch):
    before = digest(built_db)
    monkeypatch.setattr(publish, "SANITY", "select count(*) from dim_municipality where false")
    with pytest.raises(warehouse.BuildError, match="sanity query"):
        warehouse.build(progress=lambda _: None)
    assert digest(built_db) == before


@pytest.fixture
def small_disk(tmp_path):
    """A 40 MB tmpfs (root only; CI runs as root and must have it)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)], capture_output=True)
    if result.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the disk-full test, but tmpfs could not be mounted: {result.stderr!r}")
        pytest.skip("needs root to mount a small tmpfs")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_nearly_full_disk_fails_the_refresh_and_keeps_the_old_database(raw_root, small_disk, monkeypatch):
    """The reported fault: with a few MB free, refresh said 'Built …' and left an empty database."""
    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(small_disk))
    warehouse.build(progress=lambda _: None)
    before = digest(paths.database_path())
    free = shutil.disk_usage(small_disk).free
    with open(small_disk / "filler", "wb") as fh:  # leave 3 MB: less than one build needs
        fh.write(b"\0" * (free - 3 * 1024 * 1024))
    with pytest.raises(warehouse.BuildError, match="Not enough disk space"):
        warehouse.build(progress=lambda _: None)
    assert digest(paths.database_path()) == before
    leftovers = sorted(p.name for p in small_disk.iterdir() if p.name not in ("filler", "validation_report.csv"))
    assert leftovers == ["kotoprofiili.duckdb"]
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        assert con.execute("select count(*) from build_info").fetchone() == (1,)


def test_files_a_killed_refresh_left_are_removed_at_the_next_start(built_db):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = [built_db.with_name(f"{built_db.name}.tmp-{pid}"), built_db.with_name(f"{built_db.name}.tmp-{pid}.wal"),
             built_db.with_name(f"{built_db.name}.build-{pid}")]  # fmt: skip
    for path in stale:
        path.write_bytes(b"x" * 1000)
    alive = built_db.with_name(f"{built_db.name}.tmp-{os.getppid()}")  # a refresh still running: kept
    alive.write_bytes(b"x")
    warehouse.build(progress=lambda _: None)
    assert not any(p.exists() for p in stale)
    assert alive.exists()
    alive.unlink()
