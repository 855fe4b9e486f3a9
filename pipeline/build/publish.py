"""From the build to the database people read: only protected tables, complete on disk, verified, swapped.

The build runs in a working file (``<db>.build-<pid>``) that holds every layer, raw and staging tables
with their unprotected counts included. The published database (``<db>.tmp-<pid>``, then ``<db>``) is
a fresh file that receives only the marts, the seeds and the build's own tables, so no byte of an
unprotected count is in the file the dashboard opens. Before it replaces the previous database it is
checkpointed (no WAL left), synced to disk, and opened read-only to check its tables and a sanity
query. Any failure leaves the previous database byte-identical; a full disk says so in plain words.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import duckdb

from pipeline.build import db, models

META_TABLES = ["build_info", "validation_report"]
SANITY = "select count(*) from dim_municipality"


class PublishError(RuntimeError):
    """The published database could not be written or did not verify; the previous one is unchanged."""


def published_tables() -> list[str]:
    """The tables the database people read holds: marts, seeds and the build's own tables."""
    marts = [m.name for m in models.models() if m.layer == "marts"]
    return sorted({*marts, *models.SEEDS, *META_TABLES})


def is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (
        (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT))
        or "no space left" in text
        or "disk is full" in text
        or "not enough space" in text
    )


def disk_full_message(where: Path) -> str:
    return (
        f"Levytila ei riitä: tietokantaa ei voitu kirjoittaa kansioon {where}. Vapauta tilaa ja aja päivitys "
        f"uudelleen. / Not enough disk space: the database could not be written to {where}. Free some space "
        "and refresh again. The previous database was kept unchanged."
    )


def publish(build_path: Path, db_path: Path) -> None:
    """Copy the published tables of ``build_path`` into a new file, verify it and swap it in for ``db_path``."""
    tmp = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
    remove(tmp)
    tables = published_tables()
    try:
        with db.connect(tmp) as con:
            con.execute(f"attach '{build_path}' as build (read_only)")
            for table in tables:
                con.execute(f'create table main."{table}" as select * from build."{table}"')
            con.execute("detach build")
            con.execute("checkpoint")
        if Path(f"{tmp}.wal").exists():
            raise PublishError(f"{tmp}: a write-ahead log is left after the checkpoint; the file is not complete")
        _fsync(tmp)
        verify(tmp, tables)
        os.replace(tmp, db_path)
        _fsync(db_path.parent)
    except (OSError, duckdb.Error, PublishError) as exc:
        remove(tmp)
        if is_disk_full(exc):
            raise PublishError(disk_full_message(db_path.parent)) from exc
        raise PublishError(
            f"{db_path}: the new database could not be written ({exc}); the previous one was kept"
        ) from exc
    except BaseException:
        remove(tmp)
        raise


def verify(path: Path, tables: list[str]) -> None:
    """Open the file read-only: every published table is there, and the sanity query finds municipalities."""
    with duckdb.connect(str(path), read_only=True) as con:
        found = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        missing = sorted(set(tables) - found)
        if missing:
            raise PublishError(f"{path}: tables missing after writing: {', '.join(missing)}")
        row = con.execute(SANITY).fetchone()
        if not row or row[0] <= 0:
            raise PublishError(f"{path}: the sanity query ({SANITY}) found no municipalities")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """A working file and its WAL."""
    Path(path).unlink(missing_ok=True)
    Path(f"{path}.wal").unlink(missing_ok=True)


_WORKING = re.compile(r"\.(tmp|build)-(?P<pid>\d+)(\.wal)?$")


def remove_stale(db_path: Path) -> list[Path]:
    """Remove the working files a refresh that died left beside ``db_path`` (its process is gone)."""
    removed = []
    for path in sorted(db_path.parent.glob(f"{db_path.name}.*-*")):
        match = _WORKING.search(path.name[len(db_path.name) :])
        if match and not _alive(int(match["pid"])):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
