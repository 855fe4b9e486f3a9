"""The raw snapshot: write-once files, each with a JSON sidecar that says where it came from.

Layout: ``data/raw/<dataset>/<snapshot_id>/<file>`` and ``<file>.meta.json`` beside it. A snapshot id
starts with its UTC date (``20261123-bundled``, ``20261124T101500Z-online``), so the newest sorts last.
A snapshot is written into ``<snapshot_id>.partial/`` and renamed when complete; readers never see a
half-written one. Files are created exclusively and never changed afterwards; the sidecar's sha256 is
checked on every read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline import paths

SIDECAR_SUFFIX = ".meta.json"
PARTIAL_SUFFIX = ".partial"
# What a snapshot folder is named: its UTC date (and time), its kind, and -2, -3 … after a collision.
SNAPSHOT_ID = re.compile(r"^(?P<base>\d{8}(T\d{6}Z)?-[a-z]+)(-(?P<n>[1-9]\d*))?$")
SNAPSHOT_ID_EXAMPLES = "20261123-bundled, 20261124T101500Z-online, 20261124T101500Z-online-2"


class RawSnapshotError(RuntimeError):
    """A raw file is missing, corrupted or has no valid sidecar."""


class UnreadableRawFile(RawSnapshotError, ValueError):
    """A raw file whose content cannot be parsed at all (a truncated JSON); the message names file and place."""


@dataclass(frozen=True)
class RawFile:
    path: Path
    meta: dict

    @property
    def content(self) -> bytes:
        return self.path.read_bytes()

    def text(self) -> str:
        return self.content.decode("utf-8")

    def json(self) -> Any:
        try:
            return json.loads(self.content)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            where = (
                f"rivi/line {exc.lineno}, sarake/column {exc.colno}: " if isinstance(exc, json.JSONDecodeError) else ""
            )
            raise UnreadableRawFile(
                f"{self.path}: {where}JSON-tiedostoa ei voi lukea (se voi olla katkennut); hae uusi tilannekuva "
                f"(--online) tai palauta tiedosto gitistä. / {where}the JSON file cannot be read (it may be "
                f"truncated): {exc.msg if isinstance(exc, json.JSONDecodeError) else exc}; fetch a new snapshot "
                "with --online or restore the file from git."
            ) from exc


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_snapshot_id(kind: str) -> str:
    """E.g. ``20261124T101500Z-online``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{kind}"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_file(folder: Path, name: str, content: bytes, meta: dict) -> Path:
    """Create ``folder/name`` (never overwriting) and its sidecar with checksum and size added."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open(path, "xb") as fh:
        fh.write(content)
    sidecar = {"file": name, **meta, "sha256": sha256(content), "bytes": len(content)}
    with open(folder / (name + SIDECAR_SUFFIX), "x", encoding="utf-8") as fh:
        json.dump(sidecar, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return path


class SnapshotWriter:
    """Writes one dataset's snapshot into a ``.partial`` folder; ``commit()`` makes it visible."""

    def __init__(self, dataset: str, snapshot_id: str, raw_root: Path | None = None):
        self.dataset = dataset
        base = (raw_root or paths.raw_dir()) / dataset
        base.mkdir(parents=True, exist_ok=True)
        candidate, n = snapshot_id, 1
        while True:  # two snapshots in the same second get -2, -3 …; an existing one is never rewritten
            self.final = base / candidate
            self.folder = base / (candidate + PARTIAL_SUFFIX)
            try:
                if self.final.exists():
                    raise FileExistsError(self.final)
                self.folder.mkdir()  # claims the id: a second writer of the same id fails here, not later
                break
            except FileExistsError:
                n += 1
                candidate = f"{snapshot_id}-{n}"

    def add(self, name: str, content: bytes, meta: dict) -> Path:
        return write_file(self.folder, name, content, {"dataset": self.dataset, **meta})

    def discard(self) -> None:
        """Remove the unfinished snapshot (and the dataset's folder if nothing else is in it)."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.folder.parent.is_dir() and not any(self.folder.parent.iterdir()):
            self.folder.parent.rmdir()

    def commit(self) -> Path:
        os.replace(self.folder, self.final)
        return self.final


def snapshot_ids(dataset: str, raw_root: Path | None = None) -> list[str]:
    """The dataset's snapshots, oldest first. A folder that is not named as a snapshot is an error, never
    a snapshot (a ``backup`` folder would sort after every date and be taken as the newest)."""
    folder = (raw_root or paths.raw_dir()) / dataset
    if not folder.is_dir():
        return []
    ids = []
    for path in folder.iterdir():
        if not path.is_dir() or path.name.endswith(PARTIAL_SUFFIX):
            continue
        if not SNAPSHOT_ID.match(path.name):
            raise RawSnapshotError(
                f"{path}: kansio ei ole tilannekuva: sen nimen pitää olla UTC-päivä ja laji, esim. "
                f"{SNAPSHOT_ID_EXAMPLES}; siirrä kansio pois kansiosta {folder}. / Not a snapshot folder: its name "
                f"must be its UTC date and kind, e.g. {SNAPSHOT_ID_EXAMPLES}; move the folder out of {folder}."
            )
        ids.append(path.name)
    return sorted(ids, key=_snapshot_order)


def _snapshot_order(snapshot_id: str) -> tuple[str, int]:
    """``…-online`` before ``…-online-2`` before ``…-online-10``."""
    match = SNAPSHOT_ID.match(snapshot_id)
    assert match is not None
    return match["base"], int(match["n"] or 1)


def latest_snapshot(dataset: str, raw_root: Path | None = None) -> Path | None:
    """The newest snapshot that is not rejected (a fetched one that failed validation is kept, not used)."""
    base = (raw_root or paths.raw_dir()) / dataset
    ids = [i for i in snapshot_ids(dataset, raw_root) if rejection(base / i) is None]
    return base / ids[-1] if ids else None


# -- rejected snapshots: kept for inspection, marked in their sidecars, never read ----------------------

REJECTED = "rejected"


def rejection(folder: Path) -> dict | None:
    """``{"at": …, "reason": …}`` when the snapshot was rejected, else None."""
    for sidecar in sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # an unreadable sidecar is reported when the snapshot is read
        if isinstance(meta, dict) and isinstance(meta.get(REJECTED), dict):
            return meta[REJECTED]
    return None


def reject(folder: Path, reason: str) -> None:
    """Mark every sidecar of the snapshot rejected (the data files stay exactly as fetched)."""
    _mark(folder, {"at": utc_now(), "reason": reason})


def unreject(folder: Path) -> None:
    """Take a rejection back (the snapshot was not the cause of the failure after all)."""
    _mark(folder, None)


def _mark(folder: Path, rejected: dict | None) -> None:
    for sidecar in sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        meta.pop(REJECTED, None)
        if rejected is not None:
            meta[REJECTED] = rejected
        tmp = sidecar.with_name("." + sidecar.name + ".tmp")  # a dot file: never taken for a raw file
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, sidecar)


def read_snapshot(folder: Path) -> list[RawFile]:
    """Every data file of a snapshot with its sidecar, checksums verified."""
    sidecars = sorted(folder.glob("*" + SIDECAR_SUFFIX))
    if not sidecars:
        raise RawSnapshotError(f"{folder}: no raw files with sidecars ({SIDECAR_SUFFIX}) in this snapshot")
    files = [_verified(sidecar) for sidecar in sidecars]
    _every_file_has_a_sidecar(folder, files)
    return files


def _every_file_has_a_sidecar(folder: Path, files: list[RawFile]) -> None:
    """A file without a sidecar would not be read at all (its data silently missing): an error. The
    provenance notes that sidecars name (``"provenance": "….PROVENANCE.md"``) are documents, not data."""
    known = {f.path.name for f in files} | {f.path.name + SIDECAR_SUFFIX for f in files}
    known |= {str(f.meta["provenance"]) for f in files if f.meta.get("provenance")}
    for path in sorted(folder.iterdir()):
        if path.name not in known and not path.name.startswith("."):
            raise RawSnapshotError(
                f"{path}: raakatiedostolla ei ole kuvaustiedostoa ({path.name}{SIDECAR_SUFFIX}), joten sitä ei "
                "luettaisi lainkaan; palauta kuvaustiedosto gitistä tai hae uusi tilannekuva (--online). / "
                f"The raw file has no sidecar ({path.name}{SIDECAR_SUFFIX}), so it would not be read at all; "
                "restore the sidecar from git or fetch a new snapshot with --online."
            )


def _verified(sidecar: Path) -> RawFile:
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RawSnapshotError(f"{sidecar}: unreadable sidecar ({exc})") from exc
    path = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
    if not path.is_file():
        raise RawSnapshotError(f"{path}: raw file is missing (its sidecar {sidecar.name} is there)")
    actual = sha256(path.read_bytes())
    if actual != meta.get("sha256"):
        raise RawSnapshotError(
            f"{path}: raw file is corrupted: sha256 {actual[:12]}… does not match its sidecar "
            f"({str(meta.get('sha256'))[:12]}…). Raw files are never edited; restore it from git "
            f"(git checkout -- {path}) or fetch a new snapshot with --online."
        )
    return RawFile(path=path, meta=meta)
