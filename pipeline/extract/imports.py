"""Files the analyst downloaded (or ``refresh --online`` fetched from a download address), validated and
stored unchanged in the raw snapshot with their provenance. One code path for both ways in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import paths, registry
from pipeline.raw.snapshot import (
    SnapshotWriter,
    latest_snapshot,
    new_snapshot_id,
    read_snapshot,
    snapshot_ids,
    utc_now,
)
from pipeline.read.municipalities import read as read_municipalities
from pipeline.read.temporary_protection_table import TemporaryProtectionFileError, read_temporary_protection_table

DATASET = "temporary_protection"


class ImportFailed(RuntimeError):
    """The file was not stored: it did not validate (the message names file, row and column)."""


@dataclass
class ImportResult:
    """Where the import was stored, and what it did to the figures already there."""

    folder: Path
    added: int  # municipality-months new in the snapshot
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (kunta_code, month) whose figure the file replaced
    dropped: int = 0  # municipality-months no longer in the snapshot (only with replace)


def import_temporary_protection(
    path: Path,
    *,
    source_url: str | None = None,
    content: bytes | None = None,
    kind: str = "analyst_import",
    raw_root: Path | None = None,
    replace: bool = False,
) -> ImportResult:
    """Validate a temporary-protection table and store a new snapshot: the previous snapshot's files and
    this one, which wins for each (municipality, month) it has; with ``replace``, this file alone."""
    if content is None:
        if not path.is_file():
            raise ImportFailed(f"{path}: no such file")
        content = path.read_bytes()
    current = _previous_files(raw_root)
    before = _months(current, raw_root)  # what the newest snapshot holds now
    previous = [] if replace else current
    writer = SnapshotWriter(DATASET, new_snapshot_id(kind.split("_")[-1]), raw_root)
    try:
        for order, file in enumerate(previous, start=1):
            meta = {k: v for k, v in file.meta.items() if k not in ("file", "dataset", "sha256", "bytes")}
            writer.add(stored_name(order, meta.get("original_name", file.path.name)), file.content,
                       {**meta, "carried_from": file.path.parent.name})  # fmt: skip
        table = add_temporary_protection(writer, path.name, content, source_url=source_url, kind=kind,
                                         raw_root=raw_root, order=len(previous) + 1)  # fmt: skip
        folder = writer.commit()
    except BaseException:
        writer.discard()
        raise
    new = {(r.kunta_code, r.reference_date.strftime("%Y-%m")) for r in table.itertuples()}
    dropped = len(before - new) if replace else 0
    return ImportResult(folder, added=len(new - before), replaced=sorted(new & before), dropped=dropped)


def _previous_files(raw_root: Path | None) -> list:
    """The files of the newest snapshot of the dataset (none when there is none)."""
    root = raw_root or paths.raw_dir()
    ids = snapshot_ids(DATASET, root)
    return read_snapshot(root / DATASET / ids[-1]) if ids else []


def _months(files: list, raw_root: Path | None) -> set[tuple[str, str]]:
    """(kunta_code, month) of every figure in the files (those of the newest snapshot)."""
    out: set[tuple[str, str]] = set()
    if not files:
        return out
    codes = classification(raw_root)
    for file in files:
        table = read_temporary_protection_table(file.content, str(file.path), codes)
        out |= {(r.kunta_code, r.reference_date.strftime("%Y-%m")) for r in table.itertuples()}
    return out


def stored_name(order: int, name: str) -> str:
    """The name a file gets in the snapshot: its order (later files win) and a safe form of its name.
    A name like ``x.meta.json`` would pass for a sidecar; only ``.csv`` or ``.xlsx`` is ever stored."""
    stem = Path(name).name
    extension = ".xlsx" if stem.lower().endswith(".xlsx") else ".csv"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem.rsplit(".", 1)[0] if "." in stem else stem).strip("_") or "table"
    return f"{order:03d}_{stem[:60]}{extension}"


def add_temporary_protection(
    writer: SnapshotWriter,
    name: str,
    content: bytes,
    *,
    source_url: str | None,
    kind: str,
    raw_root: Path | None = None,
    order: int = 1,
) -> pd.DataFrame:
    """Validate the table and add it, unchanged, to the writer's snapshot (nothing is added if it fails);
    returns the table read from it."""
    try:
        table = read_temporary_protection_table(content, name, classification(raw_root))
    except TemporaryProtectionFileError as exc:
        raise ImportFailed(str(exc)) from exc
    spec = registry.dataset(DATASET)
    writer.add(
        stored_name(order, name),
        content,
        {
            "original_name": Path(name).name,
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
    return table


def classification(raw_root: Path | None = None):
    """The municipalities (codes and fi/sv/en names) of the newest classification snapshot."""
    folder = latest_snapshot("municipalities", raw_root or paths.raw_dir())
    if folder is None:
        raise ImportFailed("no municipality classification in the raw snapshot (data/raw/municipalities/)")
    return read_municipalities(read_snapshot(folder))
