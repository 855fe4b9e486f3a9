"""Files the analyst downloaded (or ``refresh --online`` fetched from a download address), validated and
stored unchanged in the raw snapshot with their provenance. One code path for both ways in."""

from __future__ import annotations

from pathlib import Path

from pipeline import paths, registry
from pipeline.raw.snapshot import SnapshotWriter, latest_snapshot, new_snapshot_id, read_snapshot, utc_now
from pipeline.read.municipalities import read as read_municipalities
from pipeline.read.temporary_protection_table import TemporaryProtectionFileError, read_temporary_protection_table

DATASET = "temporary_protection"


class ImportFailed(RuntimeError):
    """The file was not stored: it did not validate (the message names file, row and column)."""


def import_temporary_protection(
    path: Path,
    *,
    source_url: str | None = None,
    content: bytes | None = None,
    kind: str = "analyst_import",
    raw_root: Path | None = None,
) -> Path:
    """Validate a temporary-protection table and store it as a new snapshot; returns the snapshot folder."""
    if content is None:
        if not path.is_file():
            raise ImportFailed(f"{path}: no such file")
        content = path.read_bytes()
    writer = SnapshotWriter(DATASET, new_snapshot_id(kind.split("_")[-1]), raw_root)
    add_temporary_protection(writer, path.name, content, source_url=source_url, kind=kind, raw_root=raw_root)
    return writer.commit()


def add_temporary_protection(
    writer: SnapshotWriter,
    name: str,
    content: bytes,
    *,
    source_url: str | None,
    kind: str,
    raw_root: Path | None = None,
) -> None:
    """Validate the table and add it, unchanged, to the writer's snapshot (nothing is added if it fails)."""
    try:
        table = read_temporary_protection_table(content, name, classification(raw_root))
    except TemporaryProtectionFileError as exc:
        raise ImportFailed(str(exc)) from exc
    spec = registry.dataset(DATASET)
    writer.add(
        name,
        content,
        {
            "kind": kind,
            "format": "temporary_protection_table",
            "retrieved_at": utc_now(),
            "url": source_url or f"file supplied by the analyst: {name}",
            "http_status": 200 if kind == "download" else None,
            "table_updated": str(table["reference_date"].max().date()) if len(table) else None,
            "producer": "Maahanmuuttovirasto (Migri) / TEM",
            "citation": spec["citation"],
            "licence": spec["licence"],
            "note": f"{len(table)} municipality-months, {table['kunta_code'].nunique()} municipalities",
        },
    )


def classification(raw_root: Path | None = None):
    """The municipalities (codes and fi/sv/en names) of the newest classification snapshot."""
    folder = latest_snapshot("municipalities", raw_root or paths.raw_dir())
    if folder is None:
        raise ImportFailed("no municipality classification in the raw snapshot (data/raw/municipalities/)")
    return read_municipalities(read_snapshot(folder))
