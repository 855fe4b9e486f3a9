"""The municipality's own files enter the raw snapshot like every other source.

At each build the files of ``data/local/`` (one kind per file: ``<kind>.csv|xlsx`` or
``<kind>_<anything>.csv|xlsx``) are compared with the newest snapshot of ``data/raw/local_files/``.
When they are the same bytes, that snapshot is read. When anything changed, a new snapshot is written
into a ``.partial`` folder: a copy of each file with a sidecar (its original path, kind, sha256) and a
``manifest.json`` that lists them (so an empty set is a snapshot too). The build reads the copies and
commits the folder only when it succeeds, so a file that fails validation never becomes a snapshot.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline import formatting, i18n, paths, registry
from pipeline.i18n import Said, said
from pipeline.raw.snapshot import (
    RawFile,
    RawSnapshotError,
    SnapshotWriter,
    latest_snapshot,
    new_snapshot_id,
    read_snapshot,
    sha256,
    utc_now,
)

DATASET = "local_files"
MANIFEST = "manifest.json"
FILE_NAME = re.compile(r"^(?P<kind>[a-z]+)(_.*)?\.(csv|xlsx)$", re.IGNORECASE)
# The largest own file that is read (checked before a byte of it is read). A row of an own file is 40-150
# bytes (the bundled files: 0.8-1.4 kB for 8-12 rows), so 10 MiB holds some 100 000 rows: a row a month
# for every municipality of Finland for over 25 years, or every question of a weekly survey for a century.
# An XLSX with formatting, a logo and an instruction sheet stays far below it. A larger file is a
# database export or the wrong file, not a hand-kept one; one of 10 MiB is read in about 3 s (make bench).
MAX_FILE_BYTES = 10 * 2**20
LOCK_NAME = ".upload.lock"  # hidden: the refresh reads no file whose name starts with a dot


class LocalFilesBusy(RuntimeError):
    """Another process (or thread) is storing an own file or building the database from data/local/."""


@contextlib.contextmanager
def holding(local_dir: Path, wait: Callable[[], None] | None = None) -> Iterator[None]:
    """An exclusive lock on ``data/local/.upload.lock`` while ``data/local/`` is changed or a database is
    built from it: the dashboard's upload (moving files, then building) and a refresh take it, so that
    neither builds from a folder the other is halfway through changing, nor replaces the other's newer
    database with an older one. Without ``wait`` a held lock raises :class:`LocalFilesBusy` (the upload:
    the person is told to try again); with it, ``wait()`` is called once and the lock is waited for (a
    refresh). A folder that does not exist has no upload in progress: nothing to hold."""
    if not local_dir.is_dir():
        yield
        return
    with open(local_dir / LOCK_NAME, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if wait is None:
                raise LocalFilesBusy(str(local_dir / LOCK_NAME)) from None
            wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def too_large(path: Path, size: int | None = None) -> Said | None:
    """Why a file (of ``size`` bytes, when given: an upload) is not read, as the expected form (how a problem
    of an own file is worded), or None when it is within :data:`MAX_FILE_BYTES`."""
    size = Path(path).stat().st_size if size is None else size
    if size <= MAX_FILE_BYTES:
        return None
    shown = {lang: formatting.number(size / 2**20, lang, 1) for lang in i18n.LANGUAGES}
    stem, suffix = Path(path).stem, Path(path).suffix
    return said(  # the files of a kind are read together: two halves are as good as one
        "own_problem.too_large", limit=MAX_FILE_BYTES // 2**20, size=shown, first=f"{stem}_1{suffix}",
        second=f"{stem}_2{suffix}",
    )  # fmt: skip


def kind_of(path: Path) -> str | None:
    """The kind a file in data/local/ is by its name, or None (hidden files and Excel's ``~$`` lock files too)."""
    if not path.is_file() or path.name.startswith((".", "~$")):
        return None
    match = FILE_NAME.match(path.name)
    kind = match["kind"].lower() if match else None
    return kind if kind in registry.local_kinds() else None


def unmatched(local_dir: Path) -> list[str]:
    """A warning for each file in ``local_dir`` that no kind's name matches (``kiintio.csv``), which the
    refresh does not read; hidden files, Excel's lock files and the folder's README are left alone."""
    local_dir = Path(local_dir)
    if not local_dir.is_dir():
        return []
    kinds = ", ".join(registry.local_kinds())
    first = next(iter(registry.local_kinds()))
    return [
        f"{_shown(path)}: tiedostoa ei lueta, koska sen nimi ei vastaa mitään lajia ({kinds}); nimeä se "
        f"esim. {first}.csv tai {first}_2025.xlsx. / The file is not read: its name matches no kind ({kinds}); "
        f"name it e.g. {first}.csv or {first}_2025.xlsx."
        for path in sorted(local_dir.iterdir())
        if path.is_file()
        and not path.name.startswith((".", "~$"))
        and not path.name.lower().startswith("readme")
        and kind_of(path) is None
    ]


class LocalFileRefused(RawSnapshotError):
    """A file in data/local/ that leads outside it (a link to another place); its content is never read."""


class LocalFileTooLarge(LocalFileRefused):
    """A file in data/local/ larger than :data:`MAX_FILE_BYTES`; its content is never read."""


def discover(local_dir: Path) -> dict[str, list[Path]]:
    """Every kind -> its files in ``local_dir`` (sorted; an empty list when none). A file that is a link
    leading outside ``local_dir`` is refused."""
    found: dict[str, list[Path]] = {kind: [] for kind in registry.local_kinds()}
    local_dir = Path(local_dir)
    if local_dir.is_dir():
        inside = local_dir.resolve()
        for path in sorted(local_dir.iterdir()):
            kind = kind_of(path)
            if not kind:
                continue
            if not path.resolve().is_relative_to(inside):
                raise LocalFileRefused(
                    f"{_shown(path)}: hylätty, koska tiedosto on linkki kansion {_shown(local_dir)} ulkopuolelle; "
                    f"kopioi tiedosto kansioon. / Refused: the file is a link that leads outside {_shown(local_dir)}; "
                    "copy the file into the folder instead. Nothing of it was read."
                )
            reason = too_large(path)
            if reason is not None:
                raise LocalFileTooLarge(f"{_shown(path)} – odotettu: {reason('fi')} / expected: {reason('en')}")
            found[kind].append(path)
    return found


@dataclass
class LocalSnapshot:
    """The snapshot a build reads: ``files`` (the copies, manifest first) and, for a new one, its writer."""

    folder: Path
    files: list[RawFile]
    writer: SnapshotWriter | None = None

    def commit(self) -> None:
        if self.writer is not None:
            self.folder = self.writer.commit()
            self.writer = None

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.discard()
            self.writer = None

    @property
    def final_folder(self) -> Path:
        """Where the snapshot is once committed (what the database names as each row's source_file)."""
        return self.writer.final if self.writer is not None else self.folder

    def by_kind(self) -> dict[str, list[RawFile]]:
        out: dict[str, list[RawFile]] = {kind: [] for kind in registry.local_kinds()}
        for file in self.files:
            if file.meta.get("format") == "local_file":
                out[file.meta["local_kind"]].append(file)
        return out


def _listing(found: dict[str, list[Path]]) -> list[dict]:
    return [{"kind": kind, "name": p.name, "sha256": sha256(p.read_bytes())} for kind, ps in found.items() for p in ps]


def stage(local_dir: Path | None = None, raw_root: Path | None = None) -> LocalSnapshot:
    """The newest snapshot when data/local/ still holds the same files, else a new uncommitted one."""
    local_dir = Path(local_dir or paths.local_dir())
    found = discover(local_dir)
    listing = _listing(found)
    newest = latest_snapshot(DATASET, raw_root)
    if newest is not None:
        files = read_snapshot(newest)
        manifest = next((f for f in files if f.meta.get("format") == "local_manifest"), None)
        if manifest is not None and manifest.json() == {"files": listing}:
            return LocalSnapshot(newest, files)
    writer = SnapshotWriter(DATASET, new_snapshot_id("local"), raw_root)
    names = set()
    for kind, paths_of_kind in found.items():
        for path in paths_of_kind:
            if path.name in names:  # kinds never share a name, but be sure nothing is overwritten
                raise ValueError(f"{path}: two own files named {path.name}")
            names.add(path.name)
            writer.add(path.name, path.read_bytes(), {
                "kind": "municipality_file", "format": "local_file", "local_kind": kind,
                "original_path": _shown(path), "url": f"file:{_shown(path)}", "retrieved_at": utc_now(), "citation": f"Kunnan oma tiedosto / the municipality's own file: "
                f"{_shown(path)}", "licence": "the municipality's own data",
            })  # fmt: skip
    manifest_bytes = (json.dumps({"files": listing}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    writer.add(MANIFEST, manifest_bytes, {
        "kind": "municipality_file", "format": "local_manifest", "url": f"file:{_shown(local_dir)}",
        "retrieved_at": utc_now(), "citation": f"the files of {_shown(local_dir)} at this build",
        "licence": "the municipality's own data",
    })  # fmt: skip
    return LocalSnapshot(writer.folder, read_snapshot(writer.folder), writer)


def _shown(path: Path) -> str:
    """The path as the user knows it (relative to the project when inside it)."""
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)
