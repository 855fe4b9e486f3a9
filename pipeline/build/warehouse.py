"""Build the curated DuckDB from the raw snapshot: raw tables → sql/staging → sql/intermediate → sql/marts.

The build runs in a working file beside the database (``<name>.build-<pid>``). Only when every model ran
and every Pandera validation passed are the protected tables written to a new file, checked and swapped
in with one atomic rename (``publish.py``). On any failure the working files are removed and the
previous database is left byte-identical; files a killed refresh left are removed at the next start.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import i18n, paths, registry
from pipeline.build import db, models, publish
from pipeline.build.frames import release_unused, to_pandas
from pipeline.build.protect import protect_table, protects
from pipeline.build.schemas import meta
from pipeline.build.validate import describe, validate_database
from pipeline.raw.local_files import DATASET as LOCAL_DATASET
from pipeline.raw.local_files import LocalSnapshot
from pipeline.raw.local_files import stage as stage_local_files
from pipeline.raw.local_files import unmatched as unmatched_local_files
from pipeline.raw.snapshot import RawSnapshotError, latest_snapshot, read_snapshot
from pipeline.read import empty_table, read_dataset, reading_order
from pipeline.read.common import RawFormatError

REPORT_NAME = "validation_report.csv"


class BuildError(RuntimeError):
    """The refresh failed; the previous database is untouched."""


class ValidationFailed(BuildError):
    def __init__(self, report: pd.DataFrame, report_path: Path):
        self.report = report
        self.report_path = report_path
        super().__init__(f"{describe(report)}\nFull report: {report_path}\nThe previous database was kept unchanged.")


@dataclass
class BuildSummary:
    database: Path
    seconds: float
    tables: dict[str, int] = field(default_factory=dict)
    sources: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)  # what was not read, and why (files of no kind)


def build(
    db_path: Path | None = None,
    raw_root: Path | None = None,
    progress: Callable[[str], None] = print,
    keep_build: Path | None = None,
) -> BuildSummary:
    """Build the database from the newest snapshot of every dataset; see the module docstring.

    ``keep_build``: where to keep the whole build (raw and staging tables, unprotected) for inspection;
    by default it is removed, and only the published database (protected tables only) stays.
    """
    started = time.perf_counter()
    db_path = db_path or paths.database_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for stale in publish.remove_stale(db_path):
        progress(f"    removed {stale.name}, left by a refresh that did not finish")
    work = db_path.with_name(f"{db_path.name}.build-{os.getpid()}")
    publish.remove(work)
    local, warnings = None, []
    try:
        progress("1/4 Reading the raw snapshot …")
        raw, snapshots = read_raw(raw_root, progress)
        try:
            local = stage_local_files(paths.local_dir(), raw_root)
        except RawSnapshotError as exc:
            raise BuildError(str(exc)) from exc
        warnings = unmatched_local_files(paths.local_dir())
        for warning in warnings:
            progress(f"    VAROITUS / WARNING: {warning}")
        raw.update(read_local(local, set(raw["municipalities"]["kunta_code"]), progress))
        snapshots[LOCAL_DATASET] = local.files
        release_unused()
        progress("2/4 Running the SQL models (staging → intermediate → marts) …")
        load_raw(work, raw, sources_table(snapshots, local))  # empties ``raw``: the frames are in DuckDB now
        run_models(work, progress)
        with db.connect(work) as con:
            progress("3/4 Validating every table (Pandera) …")
            validate(con, db_path.parent / REPORT_NAME)
            write_build_info(con, started, snapshots)
            sources = to_pandas(con.table("sources"))
            con.execute("checkpoint")
        progress("4/4 Writing, checking and replacing the database (protected tables only) …")
        local.commit()  # the database names these copies as its rows' source_file
        publish.publish(work, db_path)
        if keep_build is not None:
            os.replace(work, keep_build)
    except publish.PublishError as exc:
        if local is not None:
            local.discard()
        raise BuildError(str(exc)) from exc
    except (OSError, duckdb.Error, BuildError) as exc:
        if local is not None:
            local.discard()
        if publish.is_disk_full(exc):
            raise BuildError(publish.disk_full_message(db_path.parent)) from exc
        raise
    except BaseException:
        if local is not None:
            local.discard()
        raise
    finally:
        publish.remove(work)
    with duckdb.connect(str(db_path), read_only=True) as published:
        tables = table_counts(published)
    return BuildSummary(
        database=db_path, seconds=time.perf_counter() - started, tables=tables, sources=sources, warnings=warnings
    )


# -- load inputs ---------------------------------------------------------------------------------------


def read_raw(raw_root: Path | None, progress: Callable[[str], None]) -> tuple[dict[str, pd.DataFrame], dict[str, list]]:
    """Each dataset's raw table from its newest snapshot (an empty table for a live-only dataset)."""
    raw: dict[str, pd.DataFrame] = {}
    snapshots: dict[str, list] = {}
    for dataset in reading_order():
        try:
            folder = latest_snapshot(dataset, raw_root)
        except RawSnapshotError as exc:
            raise BuildError(str(exc)) from exc
        if folder is None:
            if dataset in registry.required_datasets():
                raise BuildError(
                    f"{(raw_root or paths.raw_dir()) / dataset}: no snapshot of required dataset {dataset!r}"
                )
            raw[dataset], snapshots[dataset] = empty_table(dataset), []
            progress(f"    {dataset:<28} not in the snapshot (fetch with: python -m pipeline refresh --online)")
            continue
        try:
            files = read_snapshot(folder)
            raw[dataset] = read_dataset(dataset, files, raw)
        except (RawSnapshotError, RawFormatError) as exc:
            raise BuildError(str(exc)) from exc
        snapshots[dataset] = files
        progress(f"    {dataset:<28} {len(raw[dataset]):>9,} rows  from {folder.name}")
    return raw, snapshots


def read_local(
    local: LocalSnapshot, municipality_codes: set[str], progress: Callable[[str], None]
) -> dict[str, pd.DataFrame]:
    """The municipality's own files, from their raw snapshot, validated: ``local_<kind>`` raw tables.

    Every problem in every file is reported at once (naming the file in data/local/), so the analyst
    fixes them in one round.
    """
    from pipeline.read.local_files import LocalFileError, read_local_snapshot

    try:
        frames = read_local_snapshot(local.by_kind(), municipality_codes)
    except LocalFileError as exc:
        raise BuildError(str(exc)) from exc
    snapshot_id = local.final_folder.name
    for kind, frame in frames.items():
        frame["source_file"] = frame["source_file"].str.replace(str(local.folder), str(local.final_folder), regex=False)
        files = ", ".join(f.meta["original_path"] for f in local.by_kind()[kind]) or "–"
        progress(f"    local {kind:<22} {len(frame):>9,} rows  from {snapshot_id} ({files})")
    return {f"local_{kind}": frame for kind, frame in frames.items()}


def sources_table(snapshots: dict[str, list], local: LocalSnapshot | None = None) -> pd.DataFrame:
    """One row per dataset (and per published document): citation, definition, licence, snapshot."""
    rows = []
    for dataset, spec in registry.datasets().items():
        files = snapshots.get(dataset, [])
        meta = files[0].meta if files else {}
        base = {
            "source_key": dataset,
            "dataset": dataset,
            # one file: its own citation; several: the registry's for the dataset (each file has a row of its own)
            "citation": (meta.get("citation") if len(files) == 1 else None) or spec.get("citation"),
            **texts("dataset", dataset),
            "licence": spec.get("licence"),
            "reference_date": spec.get("reference_date"),
            "snapshot_id": files[0].path.parent.name if files else None,
            "kind": meta.get("kind"),
            "retrieved_at": meta.get("retrieved_at"),
            "table_updated": max((f.meta.get("table_updated") or "" for f in files), default="") or None,
            "url": meta.get("url"),
            "files": ", ".join(f.path.name for f in files) or None,
        }
        rows.append(base)
        for f in files:  # each raw file, so that a figure can cite the file it came from ('file:<path>')
            rows.append({**base, "source_key": f"file:{f.path}", "citation": f.meta.get("citation") or base["citation"],
                         "licence": f.meta.get("licence") or base["licence"], "kind": "raw_file",
                         "retrieved_at": f.meta.get("retrieved_at"), "table_updated": f.meta.get("table_updated"),
                         "url": f.meta.get("url"), "files": f.path.name})  # fmt: skip
        for key, citation in spec.get("documents", {}).items():
            rows.append({**base, "source_key": key, "citation": citation, "kind": "published_document"})
    local_files = local.by_kind() if local is not None else {}
    local_id = local.final_folder.name if local is not None else None
    for kind in registry.local_kinds():
        files = local_files.get(kind, [])
        rows.append(
            {
                "source_key": f"local_{kind}",
                "dataset": f"local_{kind}",
                "citation": f"Kunnan oma tiedosto / the municipality's own file: data/local/{kind}",
                **texts("local", kind),
                "licence": "Kunnan oma aineisto / the municipality's own data",
                "reference_date": None,
                "snapshot_id": local_id,
                "kind": "local_file",
                "retrieved_at": max((f.meta.get("retrieved_at") or "" for f in files), default="") or None,
                "table_updated": None,
                "url": None,
                "files": ", ".join(f.meta["original_path"] for f in files) or None,
            }
        )
    return pd.DataFrame(rows)


def texts(section: str, name: str) -> dict[str, str]:
    """A dataset's title and definition in every language, from the translation catalog."""
    return {
        f"{field}_{lang}": i18n.text(f"{section}.{name}.{field}", lang)
        for field in ("title", "definition")
        for lang in i18n.LANGUAGES
    }


def load_raw(work: Path, raw: dict[str, pd.DataFrame], sources: pd.DataFrame) -> None:
    """The raw tables and the seeds into the working file; each raw frame is let go once it is written.

    The connection is renewed as in :func:`run_models`: what a connection wrote is held until it closes.
    """
    with db.Renewing(work) as conns:
        conns.con.execute((paths.SQL_DIR / "macros.sql").read_text(encoding="utf-8"))
        for dataset in list(raw):
            frame = raw.pop(dataset)
            con = conns.con
            con.register("frame", frame.astype({c: "object" for c in frame.columns if frame[c].dtype == "object"}))
            con.execute(f"create table raw_{dataset} as select * from frame")
            con.unregister("frame")
            conns.wrote(len(frame))
            del frame
            release_unused()
        seeds = {"sources": sources, "indicators": registry.indicators(), "indicator_measures": registry.measures()}
        for name, frame in seeds.items():
            conns.con.register("frame", frame)
            conns.con.execute(f"create table {name} as select * from frame")
            conns.con.unregister("frame")


# -- process -------------------------------------------------------------------------------------------


def run_models(work: Path, progress: Callable[[str], None]) -> None:
    """Every SQL model in dependency order; a mart with counts of persons is protected as soon as it is built.

    DuckDB keeps memory for what a connection wrote until the database is closed (not in its buffer
    pool, so ``memory_limit`` does not bound it): ~20-30 MiB for each table of ~70 000 rows, ~220 MiB
    over the whole build in one connection. The connection is renewed once it has written 60 000 rows
    (:class:`db.Renewing`), which gives that memory back without opening the file for every table.
    """
    try:
        ordered = models.ordered()
    except models.ModelError as exc:
        raise BuildError(str(exc)) from exc
    with db.Renewing(work) as conns:
        for model in ordered:
            try:
                conns.con.execute(f"create table {model.name} as {model.sql}")
                rows = conns.con.execute(f"select count(*) from {model.name}").fetchall()[0][0]
                conns.wrote(rows)
                if protects(model.name):  # it rewrites the table: as many rows written again
                    protect_table(conns.con, model.name)
                    conns.wrote(rows)
            except duckdb.Error as exc:
                raise BuildError(f"{model.path.relative_to(paths.ROOT)}: {exc}") from exc
            release_unused()
            progress(f"    {model.layer + '/' + model.name:<44} {rows:>9,} rows")


def validate(con: duckdb.DuckDBPyConnection, report_path: Path) -> None:
    report = validate_database(con)
    report.to_csv(report_path, index=False)
    con.register("frame", meta.ValidationReport.validate(report.astype(str)))
    con.execute("create table validation_report as select * from frame")
    con.unregister("frame")
    if len(report):
        raise ValidationFailed(report, report_path)


# -- save outputs --------------------------------------------------------------------------------------


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [
        r[0] for r in con.execute("select table_name from information_schema.tables order by table_name").fetchall()
    ]
    return {n: con.execute(f'select count(*) from "{n}"').fetchall()[0][0] for n in names}


def write_build_info(con: duckdb.DuckDBPyConnection, started: float, snapshots: dict[str, list]) -> None:
    info = pd.DataFrame(
        [
            {
                "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "build_seconds": round(time.perf_counter() - started, 2),
                "snapshots": ", ".join(f"{d}={f[0].path.parent.name}" for d, f in snapshots.items() if f),
            }
        ]
    )
    con.register("frame", meta.BuildInfo.validate(info))
    con.execute("create table build_info as select * from frame")
    con.unregister("frame")
