"""Shared fixtures: a private copy of the bundled raw snapshot, and databases built from it."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline import paths
from pipeline.build import warehouse
from pipeline.raw.snapshot import SnapshotWriter

BUNDLED_RAW = paths.ROOT / "data" / "raw"
BUNDLED_LOCAL = paths.ROOT / "data" / "local"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def raw_root(tmp_path, monkeypatch) -> Path:
    """Copies of the bundled snapshot and local files that a test may change; the environment points at them."""
    root = tmp_path / "raw"
    shutil.copytree(BUNDLED_RAW, root)
    shutil.copytree(BUNDLED_LOCAL, tmp_path / "local")
    monkeypatch.setenv("KOTOPROFIILI_RAW", str(root))
    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(tmp_path / "curated"))
    monkeypatch.setenv("KOTOPROFIILI_LOCAL", str(tmp_path / "local"))
    return root


@pytest.fixture
def built_db(raw_root) -> Path:
    """A database freshly built from the bundled snapshot (for tests that then try to break it)."""
    warehouse.build(progress=lambda _: None)
    return paths.database_path()


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """One database built from the bundled snapshot, shared read-only by the tests of its contents."""
    path = tmp_path_factory.mktemp("bundled") / "kotoprofiili.duckdb"
    previous = os.environ.get("KOTOPROFIILI_LOCAL")
    os.environ["KOTOPROFIILI_LOCAL"] = str(BUNDLED_LOCAL)
    try:
        warehouse.build(
            db_path=path, raw_root=BUNDLED_RAW, progress=lambda _: None, keep_build=path.with_name("build.duckdb")
        )
    finally:
        if previous is None:
            os.environ.pop("KOTOPROFIILI_LOCAL")
        else:
            os.environ["KOTOPROFIILI_LOCAL"] = previous
    return path


@pytest.fixture
def curated(bundled_db, monkeypatch):
    """The app reads the session's database (built once by conftest's ``bundled_db``), its pages' sections
    built anew (a test may change what the data functions return)."""
    from dashboard import parts

    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(bundled_db.parent))
    parts.forget()
    return bundled_db.parent


@pytest.fixture
def build_con(bundled_db):
    """The whole build of the bundled snapshot (raw and staging tables too), kept apart from the database."""
    with duckdb.connect(str(bundled_db.with_name("build.duckdb")), read_only=True) as connection:
        yield connection


@pytest.fixture
def con(bundled_db):
    with duckdb.connect(str(bundled_db), read_only=True) as connection:
        yield connection


def add_snapshot(
    raw_root: Path, dataset: str, name: str, content: bytes, fmt: str, snapshot_id="20991231-test"
) -> Path:
    """A newer snapshot of one dataset (it wins over the bundled one), e.g. a file with a planted fault."""
    writer = SnapshotWriter(dataset, snapshot_id, raw_root)
    writer.add(name, content, {"kind": "test", "format": fmt, "citation": f"test file for {dataset}"})
    return writer.commit()


def bundled_file(dataset: str, name: str) -> bytes:
    return next((BUNDLED_RAW / dataset).glob(f"*/{name}")).read_bytes()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
